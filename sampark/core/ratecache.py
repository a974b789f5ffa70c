"""The cache the rate limits count in when no Redis is configured: Django's database cache, with an atomic incr.

Rate limits must count in one place that every web process shares (a per-process cache gave each client N times
the limit with N processes). Django's DatabaseCache is shared, but its incr is a read and then a write, which
django-ratelimit itself flags as not atomic: two requests at once from one address both read 7 and both write
8. Here the read and the write run in one transaction that holds the row: on SQLite the transaction takes the
write lock at BEGIN (transaction_mode IMMEDIATE, settings.py), on PostgreSQL SELECT ... FOR UPDATE locks the
row, so concurrent increments queue and none is lost.
"""

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key, delta=1, version=None):
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        with transaction.atomic(using=db):
            if connection.vendor == "postgresql":
                table = connection.ops.quote_name(self._table)
                with connection.cursor() as cursor:
                    cursor.execute(f"SELECT 1 FROM {table} WHERE cache_key = %s FOR UPDATE",  # noqa: S608
                                   [self.make_and_validate_key(key, version=version)])
            return super().incr(key, delta, version)
