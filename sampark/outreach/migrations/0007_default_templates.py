"""Default SMS templates (Hindi and English for each purpose), DLT fields left to fill: a fresh install without
the demo sent no confirmation SMS. Existing rows with the same key and language are left as they are."""

from django.db import migrations, models

# A copy, not an import of outreach.defaults: a migration must write the same rows whenever it runs.
TEMPLATES = [
    ("confirmation", "hi", "सम्पर्क से जुड़ने के लिए धन्यवाद! अपना परिचय यहाँ पूरा करें: {#var#} -SAMPRK"),
    ("confirmation", "en", "Thank you for joining Sampark! Complete your profile here: {#var#} -SAMPRK"),
    ("trust_warning", "hi",
     "सावधान! {#var#} नकली है। सम्पर्क का आधिकारिक: {#var#} . OTP, आधार, बैंक जानकारी या पैसे न दें -SAMPRK"),
    ("trust_warning", "en",
     "FAKE: {#var#} is not Sampark. Official: {#var#} . Never share OTP, Aadhaar, bank details or money. -SAMPRK"),
]


def add_defaults(apps, schema_editor):
    SmsTemplate = apps.get_model("outreach", "SmsTemplate")
    for key, language, body in TEMPLATES:
        SmsTemplate.objects.get_or_create(key=key, language=language, defaults={
            "dlt_entity_id": "", "header": "", "dlt_template_id": "", "category": "service_implicit", "body": body,
        })


class Migration(migrations.Migration):

    dependencies = [
        ("outreach", "0006_reference_fks_unchecked"),
    ]

    operations = [
        # DLT ids and the header are filled once the template is registered on the DLT platform.
        migrations.AlterField(model_name="smstemplate", name="dlt_entity_id",
                              field=models.CharField(blank=True, max_length=30)),
        migrations.AlterField(model_name="smstemplate", name="header", field=models.CharField(blank=True, max_length=11)),
        migrations.AlterField(model_name="smstemplate", name="dlt_template_id",
                              field=models.CharField(blank=True, max_length=30)),
        migrations.RunPython(add_defaults, migrations.RunPython.noop),
    ]
