"""Used by every layer, without HTTP or SQL: errors, settings, time, phone numbers, openapi.yaml."""
