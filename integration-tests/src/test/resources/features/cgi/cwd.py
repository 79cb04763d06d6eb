#!/usr/bin/env python3
"""Prints the directory the script runs in (RFC 3875 §7.2: the script's own directory)."""
import os

print("Content-Type: text/plain")
print()
print(os.path.realpath(os.getcwd()))
