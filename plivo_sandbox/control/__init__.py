"""The control API (``/_sandbox``, described by ``control.yaml``), its guard, forced answers."""
