"""A stateful local sandbox of Plivo's Number Masking and Verify Session APIs.

Routes and request validation come from ``openapi.yaml``; this package holds
only what the spec cannot express: state, time, and Plivo's rules.
"""
