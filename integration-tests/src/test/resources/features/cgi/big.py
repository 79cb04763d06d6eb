#!/usr/bin/env python3
"""Writes QUERY_STRING bytes of the pattern 0, 1, ..., 250, 0, 1, ... (byte i is i % 251) as the body."""
import os
import sys

length = int(os.environ.get("QUERY_STRING") or 0)
sys.stdout.write("Content-Type: application/octet-stream\r\n\r\n")
sys.stdout.flush()
block = bytes(i % 251 for i in range(251 * 4096))
out = sys.stdout.buffer
while length > 0:
    piece = block[:min(length, len(block))]
    out.write(piece)
    length -= len(piece)
out.flush()
