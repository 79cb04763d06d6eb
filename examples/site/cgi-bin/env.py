#!/usr/bin/env python3
"""Shows the CGI environment the server passed to this script (RFC 3875 section 4.1)."""
import html
import os

rows = "\n".join(
    f"<tr><th>{html.escape(name)}</th><td>{html.escape(value)}</td></tr>"
    for name, value in sorted(os.environ.items())
)
print("Content-Type: text/html; charset=utf-8")
print()
print(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>CGI environment</title>
<style>body{{font-family:sans-serif;margin:2em}}th{{text-align:left;padding-right:1em}}td{{font-family:monospace}}</style>
</head><body>
<h1>CGI environment</h1>
<table>
{rows}
</table>
</body></html>""")
