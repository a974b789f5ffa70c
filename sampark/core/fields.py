"""Model fields of our own. Few and small: the Django field libraries for encryption are stale (DESIGN.md)."""

from django.db import models

from sampark.core import pii


class SealedText(models.BinaryField):
    """Text that is stored encrypted (AES-GCM under its own key, pii.seal) and is clear only in memory.

    For secrets the code itself must use, such as a published number's webhook secret: unlike a password they
    cannot be hashed, but a copy of the database (a backup, a stolen disk, a read-only SQL hole) must not
    give them away with the data. Not searchable: every write makes a new nonce.
    """

    description = "text encrypted at rest"

    def from_db_value(self, value, expression, connection):
        return None if value is None else pii.unseal(bytes(value))

    def to_python(self, value):
        if isinstance(value, (bytes, memoryview)):
            return pii.unseal(bytes(value))
        return value

    def get_db_prep_value(self, value, connection, prepared=False):
        if isinstance(value, str):
            value = pii.seal(value)
        return super().get_db_prep_value(value, connection, prepared)

    def _check_str_default_value(self):  # the default is clear text, encrypted when written
        return []

    def get_default(self):
        default = self.default if self.has_default() else None
        return default() if callable(default) else default

    def value_to_string(self, obj):  # serialisation (dumpdata) never writes the clear text
        return "(sealed)"
