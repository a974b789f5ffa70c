from django.apps import AppConfig


class OutreachConfig(AppConfig):
    name = "sampark.outreach"
    label = "outreach"
