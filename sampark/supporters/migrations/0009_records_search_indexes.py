"""Indexes for supporter records (sampark/supporters/records): name search and merged records.

Raw SQL because the name index needs an operator class on PostgreSQL (text_pattern_ops, so LIKE 'ram%' can use
it under any collation), which Django's Index cannot put on an expression portably. Both are partial: the intake
worker inserts nameless, unmerged supporters, which enter neither index.
"""

from django.db import migrations

INDEXES = [
    # the supporters list's name search: LOWER(name) LIKE 'prefix%' AND name <> '' (records/filters.py)
    ("supporter_name_prefix",
     "CREATE INDEX supporter_name_prefix ON supporters_supporter (LOWER(name){opclass}) WHERE name <> ''"),
    # a record's merged-away numbers (the record page, merge): merged_into = %s
    ("supporter_merged_into",
     "CREATE INDEX supporter_merged_into ON supporters_supporter (merged_into_id) WHERE merged_into_id IS NOT NULL"),
]


def create(apps, schema_editor):
    opclass = " text_pattern_ops" if schema_editor.connection.vendor == "postgresql" else ""
    for _name, sql in INDEXES:
        schema_editor.execute(sql.format(opclass=opclass))


def drop(apps, schema_editor):
    for name, _sql in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("supporters", "0008_callback_desk")]
    operations = [migrations.RunPython(create, drop)]
