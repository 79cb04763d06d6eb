#!/usr/bin/env bash
# CI check of the embedded example: starts run.sh on a free port (building Solo and the app if needed), checks every
# answer the example promises with curl, stops it. Exits non-zero, with the server's log, at the first mismatch.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${1:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
work=$(mktemp -d)
base="http://127.0.0.1:$port"

"$here/run.sh" "$port" >"$work/server.log" 2>&1 &
pid=$!
stop() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT

fail() {
    echo "check: FAILED: $*" >&2
    echo "--- server log ---" >&2
    tail -n 50 "$work/server.log" >&2
    exit 1
}

# Up to 10 minutes: a first run installs Solo and builds the app before it listens.
for _ in $(seq 1 1200); do
    curl -s -o /dev/null "$base/" && break
    kill -0 "$pid" 2>/dev/null || fail "run.sh exited before listening"
    sleep 0.5
done
curl -s -o /dev/null "$base/" || fail "nothing listens on $base"

# request NAME CURL-ARGS...: sets status, type and body (in $work/body) of one exchange
request() {
    local name=$1
    shift
    local meta
    meta=$(curl -s -o "$work/body" -w '%{http_code} %{content_type}' "$@") || fail "$name: curl failed"
    status=${meta%% *}
    type=${meta#* }
}
expect() { # NAME EXPECTED ACTUAL
    [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
    echo "check: ok: $1"
}

request hello "$base/hello?name=Ada"
expect "GET /hello?name=Ada status" 200 "$status"
expect "GET /hello?name=Ada type" text/plain "${type%%;*}"
expect "GET /hello?name=Ada body" "Hello, Ada!" "$(cat "$work/body")"
request hello "$base/hello"
expect "GET /hello body" "Hello, world!" "$(cat "$work/body")"
request hello "$base/hello?name=Ad%C3%A1%0D%0ALovelace"
expect "GET /hello with UTF-8 and a CR LF in the name" "Hello, AdáLovelace!" "$(cat "$work/body")"
request hello "$base/hello?name=%E9t%zz"
expect "GET /hello with a malformed escape" 400 "$status"

head -c 10485760 /dev/urandom >"$work/upload"
request echo -H 'Content-Type: application/octet-stream' --data-binary "@$work/upload" "$base/echo"
expect "POST /echo 10 MiB status" 200 "$status"
cmp -s "$work/upload" "$work/body" || fail "POST /echo: the body came back different"
echo "check: ok: POST /echo 10 MiB echoed byte for byte"
request echo -H 'Transfer-Encoding: chunked' --data-binary "@$work/upload" "$base/echo"
expect "POST /echo chunked status" 200 "$status"
cmp -s "$work/upload" "$work/body" || fail "POST /echo chunked: the body came back different"
echo "check: ok: POST /echo chunked echoed byte for byte"
printf 'x' >>"$work/upload"
request echo --data-binary "@$work/upload" "$base/echo"
expect "POST /echo over 10 MiB" 413 "$status"

request counter -c "$work/cookies" -b "$work/cookies" "$base/counter"
expect "GET /counter first visit" '{"visits":1}' "$(cat "$work/body")"
expect "GET /counter type" application/json "${type%%;*}"
request counter -c "$work/cookies" -b "$work/cookies" "$base/counter"
expect "GET /counter second visit" '{"visits":2}' "$(cat "$work/body")"
request counter "$base/counter"
expect "GET /counter without the cookie" '{"visits":1}' "$(cat "$work/body")"

request static "$base/"
expect "GET / status" 200 "$status"
cmp -s "$here/public/index.html" "$work/body" || fail "GET /: not public/index.html"
echo "check: ok: GET / is public/index.html"
request listing "$base/docs/"
expect "GET /docs/ (no index, listing off)" 403 "$status"
request missing "$base/missing.html"
expect "GET /missing.html status" 404 "$status"
expect "GET /missing.html built-in error page" text/html "${type%%;*}"
echo "check: all answers match"
