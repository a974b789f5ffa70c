import logging

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sampark.core"
    label = "core"

    def ready(self):
        from django.db.models.signals import post_migrate

        from sampark.core.audit import guard
        from sampark.core.redact import RedactFilter

        post_migrate.connect(create_cache_tables, sender=self)
        post_migrate.connect(guard.ensure, sender=self)  # and registers the SQLite guard on every connection

        # Every handler the logging settings made: personal links and line breaks out of every record's
        # arguments (Django's own "Not Found: /p/<token>" names the path it refused).
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, RedactFilter) for f in handler.filters):
                handler.addFilter(RedactFilter())


def create_cache_tables(using="default", **kwargs):
    """The rate limits' table (settings CACHES["ratelimit"]) with every `sampark migrate`: Django creates a
    database cache's table only in `createcachetable`, which nobody would remember to run. Idempotent."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
