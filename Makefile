# 퍼스트신문 — every command sets up what it needs first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export PORT  # settings derive SITE_URL's default from it (share links, canonical URLs)

.PHONY: run serve nginx backup restore drills test test-clock lint typecheck format setup seed clean bench-data bench

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

## test-clock: the suite (without the browser) on SQLite under faketime, at 23:59 KST on the last day of a month
CLOCK ?= 2026-12-31 14:59:00
test-clock: $(INSTALLED)
	env -u DATABASE_URL -u REDIS_URL faketime -f '@$(CLOCK)' $(BIN)/pytest -q -p no:cacheprovider -m "not browser"

## bench-data: add ARTICLES generated articles (with reporters, tags, comments) to the DATABASE_URL database
ARTICLES ?= 100000
bench-data: setup
	$(BIN)/python manage.py bench_data --articles $(ARTICLES)

## bench: page speed (bench/page_speed.py): a BENCH_ARTICLES data set in its own database, gunicorn as in
## production, nginx in front, wrk on article/section/home; prints the table and writes docs/performance.md
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/firstnews_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/12
BENCH_ARTICLES ?= 200
BENCH_SECONDS ?= 10
BENCH_PORT ?= 8171
bench: $(INSTALLED)
	$(BIN)/python bench/page_speed.py --database $(BENCH_DATABASE_URL) --redis $(BENCH_REDIS_URL) \
		--articles $(BENCH_ARTICLES) --seconds $(BENCH_SECONDS) \
		--port $(BENCH_PORT) --nginx-port $$(($(BENCH_PORT) + 1)) --ceiling-port $$(($(BENCH_PORT) + 2))

lint: $(INSTALLED) typecheck
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# What mypy checks (settings in pyproject.toml): lib/ strictly, and the typed modules of the apps.
TYPED := $(wildcard lib) $(wildcard */services.py) $(wildcard */models.py) \
	articles/front_page.py articles/portal_report.py articles/revisions.py

## typecheck: mypy with django-stubs over lib/ (strict), every services.py, the QuerySets and the front page
typecheck: $(INSTALLED)
	$(BIN)/mypy $(TYPED)

format: $(INSTALLED)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
