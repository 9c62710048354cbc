"""Tests of openapi.yaml itself: the document, its examples, Plivo's printed answers, operations.

A package (rather than a bare folder of test modules) so that these module names cannot clash
with test modules of the same name elsewhere under tests/.
"""
