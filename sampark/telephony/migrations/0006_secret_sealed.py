"""Webhook secrets encrypted at rest: each existing secret is encrypted into a new column, which then takes the
old one's place. Reversible (decrypts them back)."""

from django.db import migrations, models

import sampark.core.fields


def seal_secrets(apps, schema_editor):
    PublishedNumber = apps.get_model("telephony", "PublishedNumber")
    for number in PublishedNumber.objects.only("id", "secret"):
        number.secret_sealed = number.secret  # SealedText encrypts on save
        number.save(update_fields=["secret_sealed"])


def unseal_secrets(apps, schema_editor):
    PublishedNumber = apps.get_model("telephony", "PublishedNumber")
    for number in PublishedNumber.objects.only("id", "secret", "secret_sealed"):
        number.secret = number.secret_sealed or ""  # SealedText decrypts on read
        number.save(update_fields=["secret"])


class Migration(migrations.Migration):

    dependencies = [
        ("telephony", "0005_reference_fks_unchecked"),
    ]

    operations = [
        migrations.AddField(
            model_name="publishednumber",
            name="secret_sealed",
            field=sampark.core.fields.SealedText(blank=True, null=True),
        ),
        migrations.RunPython(seal_secrets, unseal_secrets),
        migrations.RemoveField(model_name="publishednumber", name="secret"),
        migrations.RenameField(model_name="publishednumber", old_name="secret_sealed", new_name="secret"),
        migrations.AlterField(
            model_name="publishednumber",
            name="secret",
            field=sampark.core.fields.SealedText(blank=True, default="", max_length=200),
        ),
    ]
