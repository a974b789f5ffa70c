from sampark.trust import admin_registry  # noqa: F401
