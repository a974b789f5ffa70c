from django.apps import AppConfig


class TelephonyConfig(AppConfig):
    name = "sampark.telephony"
    label = "telephony"
