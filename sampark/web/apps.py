from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sampark.web"
    label = "web"
