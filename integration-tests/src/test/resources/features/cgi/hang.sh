#!/usr/bin/env bash
# Waits for `sleep QUERY_STRING`, a child of its own: a grandchild of the server, which must die with the script.
# Tests pass a unique duration (30.0123...) so they can find that exact process anywhere on the machine.
sleep "${QUERY_STRING-}"
printf 'Content-Type: text/plain\n\nwoke up\n'
