#!/usr/bin/env python3
"""A form that posts to itself: reads the url-encoded body from stdin and shows the fields."""
import html
import os
import sys
from urllib.parse import parse_qsl

fields = []
if os.environ.get("REQUEST_METHOD") == "POST":
    length = int(os.environ.get("CONTENT_LENGTH") or 0)
    body = sys.stdin.buffer.read(length).decode("utf-8", "replace")
    fields = parse_qsl(body, keep_blank_values=True)

items = "\n".join(
    f"<li><b>{html.escape(name)}</b> = {html.escape(value)}</li>" for name, value in fields
) or "<li><i>nothing posted yet</i></li>"
print("Content-Type: text/html; charset=utf-8")
print()
print(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Form</title></head>
<body style="font-family:sans-serif;margin:2em">
<h1>Form</h1>
<form method="post" action="{html.escape(os.environ.get('SCRIPT_NAME', ''))}">
  <p><label>Name <input name="name"></label></p>
  <p><label>Message <input name="message"></label></p>
  <p><button>Send</button></p>
</form>
<h2>Received</h2>
<ul>
{items}
</ul>
</body></html>""")
