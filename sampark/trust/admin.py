from sampark.trust import admin_statements  # noqa: F401
