#!/usr/bin/env bash
# Prints no valid CGI header block: the server answers 502.
printf 'this is not a header\nneither: is this one because there is no blank line\n'
