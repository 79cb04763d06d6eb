#!/usr/bin/env python3
"""A per-visitor counter kept in the server's session: the server passes session attributes as
SOLO_SESSION_<name>, and the header X-Solo-Session-Set: name=value stores one."""
import os

count = int(os.environ.get("SOLO_SESSION_count") or 0) + 1
print("Content-Type: text/html; charset=utf-8")
print(f"X-Solo-Session-Set: count={count}")
print()
print(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Counter</title></head>
<body style="font-family:sans-serif;margin:2em">
<h1>Counter</h1>
<p>You have seen this page <b>{count}</b> time{'' if count == 1 else 's'} in this session.</p>
</body></html>""")
