"""Number Masking: the session record and service, simulated calls, recordings' audio."""
