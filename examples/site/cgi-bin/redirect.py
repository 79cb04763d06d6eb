#!/usr/bin/env python3
"""Redirects: a local redirect to env.py (the server serves it directly, RFC 3875 section 6.2.2),
or with ?external=1 a client redirect to an absolute URL (302, section 6.2.3)."""
import os
from urllib.parse import parse_qs

query = parse_qs(os.environ.get("QUERY_STRING", ""))
if query.get("external", ["0"])[0] == "1":
    print("Location: https://example.org/")
else:
    print("Location: /cgi-bin/env.py")
print()
