"""The public API over HTTP: the app, the fast path and connexion's path, endpoints, Swagger UI."""
