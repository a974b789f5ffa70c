"""Public trust API under /api/v1 (no token; rate-limited): verify, check-message."""

from ninja import Router

router = Router(tags=["trust"])
