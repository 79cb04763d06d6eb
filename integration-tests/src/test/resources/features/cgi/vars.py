#!/usr/bin/env python3
"""Prints the environment as NAME=VALUE lines (text/plain), for tests that check CGI meta-variables."""
import os

print("Content-Type: text/plain; charset=utf-8")
print()
for name in sorted(os.environ):
    print(f"{name}={os.environ[name]}")
