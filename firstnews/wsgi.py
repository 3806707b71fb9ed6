import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "firstnews.settings")
# This process answers web requests: settings give its database connections DB_STATEMENT_TIMEOUT_MS.
os.environ["FIRSTNEWS_WEB_PROCESS"] = "1"

application = get_wsgi_application()
