from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sampark.accounts"
    label = "accounts"

    def ready(self):
        from sampark.accounts import signals  # noqa: F401 -- connects the sign-in audit
