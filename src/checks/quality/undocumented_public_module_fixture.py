# fixture: D100
"""A module with a docstring after a comment still counts as documented.

The missing-docstring case is in undocumented_public_module_test.cpp: D100 is
reported on line 1, which here must hold the fixture marker.
"""
import os

VALUE = os.sep
