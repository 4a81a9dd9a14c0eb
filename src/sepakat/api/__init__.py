"""The HTTP edge: the REST API under ``/api`` and the web pages, one FastAPI app.

settings   what a server runs with (registry, who may read, limits, the signing secret)
errors     the one JSON error shape, for every status and every route
auth       tokens and roles: who may read, write, curate, manage tokens
schemas    pydantic models of the API's bodies (pydantic lives at this edge only)
routes     the API's endpoints, each one call into the store's query layer
app        ``create_app``: the app with its middleware, API, pages and static files
"""
