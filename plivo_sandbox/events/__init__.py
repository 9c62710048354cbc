"""Callbacks: Plivo's signatures, which URLs may be called, delivery per URL, the timers."""
