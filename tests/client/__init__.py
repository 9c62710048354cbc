"""Tests of the generated Python client (generated/, package plivo_masking_client).

A package so that these module names cannot clash with test modules of the same
name elsewhere under tests/.
"""
