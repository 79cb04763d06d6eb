#!/usr/bin/env bash
# Sleeps for the number of seconds in the query string (default 1, at most 600), then answers.
# Used to test cgi_timeout: /cgi-bin/sleep.sh?5
seconds=${QUERY_STRING-}
[[ $seconds =~ ^[0-9]+$ ]] || seconds=1
(( seconds > 600 )) && seconds=600
sleep "$seconds"
printf 'Content-Type: text/plain\n\nslept %s seconds\n' "$seconds"
