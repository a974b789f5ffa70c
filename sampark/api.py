"""The HTTP API under /api/v1; each app adds its router here. Every error is JSON (see sampark.core.api)."""

from sampark.core.api import SamparkAPI
from sampark.core.audit.api import router as audit_router
from sampark.supporters.api import router as supporters_router
from sampark.supporters.desk.api import router as callbacks_router
from sampark.supporters.records.api import router as records_router
from sampark.trust.api import router as trust_router
from sampark.web.api import router as stats_router

api = SamparkAPI(title="Sampark API", version="1", urls_namespace="api-v1")

api.add_router("/", stats_router)
api.add_router("/supporters/", supporters_router)
api.add_router("/supporters", records_router)  # after it: /supporters/lookup before /supporters/{id}
api.add_router("/", trust_router)
api.add_router("/", audit_router)
api.add_router("/callbacks/", callbacks_router)
