#!/usr/bin/env python3
"""Reads the request body from standard input to its end and reports what arrived."""
import hashlib
import os
import sys

body = sys.stdin.buffer.read()
print("Content-Type: text/plain")
print()
print(f"CONTENT_LENGTH={os.environ.get('CONTENT_LENGTH', '(unset)')}")
print(f"CONTENT_TYPE={os.environ.get('CONTENT_TYPE', '(unset)')}")
print(f"read={len(body)}")
print(f"sha256={hashlib.sha256(body).hexdigest()}")
