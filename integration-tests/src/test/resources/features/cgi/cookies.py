#!/usr/bin/env python3
"""Sets two cookies: each Set-Cookie line must reach the client as its own field (RFC 6265 §3)."""
print("Content-Type: text/plain")
print("Set-Cookie: flavour=oatmeal; Path=/")
print("Set-Cookie: shape=round; Path=/; HttpOnly")
print()
print("two cookies")
