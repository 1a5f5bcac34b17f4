"""The REST style: FastAPI routers, one module per feature, under /api/v1."""
