"""Trust admin pages; each feature keeps its own module."""

from sampark.trust.admin import (
    cases,  # noqa: F401 -- registers the cases admin
    registry,  # noqa: F401 -- registers the owner and channel admins
    statements,  # noqa: F401 -- registers the statements admin
)
