from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "sampark.geo"
    label = "geo"
