#!/usr/bin/env python3
"""Answers 404 through the Status header (RFC 3875 §6.3.3) with a body of its own."""
print("Status: 404 Not Found")
print("Content-Type: text/plain")
print()
print("no user 7 here, says the script")
