from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sampark.accounts"
    label = "accounts"
