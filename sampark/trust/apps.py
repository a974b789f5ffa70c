from django.apps import AppConfig


class TrustConfig(AppConfig):
    name = "sampark.trust"
    label = "trust"
