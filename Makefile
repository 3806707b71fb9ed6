# 퍼스트신문 — every command sets up what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve nginx backup restore drills test lint format setup seed clean

$(INSTALLED): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(INSTALLED)

setup: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

seed: setup
	$(BIN)/python manage.py seed_demo

## run: install, migrate, load demo content and serve http://127.0.0.1:8000 (development server)
run: seed
	@echo ""
	@echo "퍼스트신문: http://$(HOST):$(PORT)/  편집국: http://$(HOST):$(PORT)/admin/ (계정은 위 목록)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## serve: the same site under gunicorn, as in production
serve: seed
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py firstnews.wsgi --bind $(HOST):$(PORT)

## nginx: deploy/nginx.conf in front of `make serve` on http://127.0.0.1:$(NGINX_PORT)/ (foreground)
NGINX_PORT ?= 8080
nginx: $(INSTALLED)
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python deploy/nginx_local.py --port $(NGINX_PORT) --app-port $(PORT)

## backup: database (pg_dump / SQLite backup API), uploads and private files into backups/firstnews-<UTC time>/
BACKUP_DIR ?= backups
backup: $(INSTALLED)
	$(BIN)/python deploy/backup.py create --dest $(BACKUP_DIR) $(if $(KEEP),--keep $(KEEP))

## restore: make restore BACKUP=backups/firstnews-... (into an empty database, the app stopped)
restore: $(INSTALLED)
	@test -n "$(BACKUP)" || (echo "make restore BACKUP=backups/firstnews-YYYYmmdd-HHMMSS" && false)
	$(BIN)/python deploy/backup.py restore $(BACKUP)

## drills: fault drills on private PostgreSQL/Redis servers (bench/drills/, ~8 min): DB restart, Redis outage, 200 users
DRILL_SECONDS ?= 120
drills: $(INSTALLED)
	@status=0; \
	$(BIN)/python bench/drills/comment_restart.py || status=1; \
	$(BIN)/python bench/drills/redis_outage.py || status=1; \
	$(BIN)/python bench/drills/soak.py --seconds $(DRILL_SECONDS) || status=1; \
	exit $$status

## test: install and run the whole suite (browser tests skip without Chromium)
test: $(INSTALLED)
	$(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
