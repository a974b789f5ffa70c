import logging

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "sampark.core"
    label = "core"

    def ready(self):
        from sampark.core.redact import RedactFilter

        # Every handler the logging settings made: personal links and line breaks out of every record's
        # arguments (Django's own "Not Found: /p/<token>" names the path it refused).
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, RedactFilter) for f in handler.filters):
                handler.addFilter(RedactFilter())
