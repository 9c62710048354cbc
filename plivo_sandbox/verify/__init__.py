"""Verify sessions: send an OTP, validate it, get and list."""
