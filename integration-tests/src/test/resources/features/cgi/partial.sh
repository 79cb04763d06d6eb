#!/usr/bin/env bash
# Starts its response, then hangs: past cgi_timeout the server can only cut the connection.
printf 'Content-Type: text/plain\n\nfirst part\n'
sleep 30
printf 'never sent\n'
