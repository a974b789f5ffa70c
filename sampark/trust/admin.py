"""Trust admin pages; each feature keeps its own module."""

from sampark.trust import admin_cases  # noqa: F401 -- registers the cases admin
from sampark.trust import admin_statements  # noqa: F401 -- registers the statements admin
