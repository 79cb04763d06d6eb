#!/usr/bin/env python3
"""Fails before printing any header: the server answers 502 and logs this script's stderr."""
import sys

print("crash.py: failing on purpose", file=sys.stderr)
sys.exit(1)
