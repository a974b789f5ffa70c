"""Trust admin pages; each feature keeps its own module."""

from sampark.trust import (
    admin_cases,  # noqa: F401 -- registers the cases admin
    admin_registry,  # noqa: F401 -- registers the owner and channel admins
    admin_statements,  # noqa: F401 -- registers the statements admin
)
