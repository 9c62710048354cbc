"""The ``plivo-sandbox`` command: uvicorn and its workers, the head deadline, access logs."""
