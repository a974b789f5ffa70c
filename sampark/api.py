"""The HTTP API under /api/v1; each app adds its router here."""

from ninja import NinjaAPI

api = NinjaAPI(title="Sampark API", version="1", urls_namespace="api-v1")
