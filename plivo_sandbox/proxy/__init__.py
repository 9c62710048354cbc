"""``plivo-sandbox proxy``: traffic relayed, checked against openapi.yaml, kept as fixtures."""
