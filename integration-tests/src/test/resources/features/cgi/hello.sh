#!/usr/bin/env bash
# The quickest script: one header, one line.
printf 'Content-Type: text/plain\n\nhello from bash\n'
