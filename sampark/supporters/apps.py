from django.apps import AppConfig


class SupportersConfig(AppConfig):
    name = "sampark.supporters"
    label = "supporters"
