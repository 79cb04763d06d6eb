#!/usr/bin/env bash
# Idle keep-alive connections: what each costs Solo in heap and resident memory.
#
# usage: bench/idle.sh [--connections 10000] [--partial BYTES [--fields N]] [--tls [--provider NAME]] [--port 18087]
#   Starts Solo on 127.0.0.1:18087 (keepalive_timeout 600s, max_connections above the count), then a Python client
#   opens the connections, sends one GET on each and reads its response, so every connection has served a request
#   and sits idle in keep-alive, as a browser's would. With all of them open it samples the heap after a full GC
#   (jcmd), the RSS and the fds; then the client closes them and the script samples again.
#   --partial BYTES: each connection instead sends the first BYTES bytes of a request head (request line, Host, then
#   an X-Pad field that never ends) and waits, as a slowloris client does (client_header_timeout is 600s here).
#   --fields N: the partial head has N short complete fields (F1: v ...) before the X-Pad field.
#   --tls: the same over HTTPS (listen ... ssl, an ECDSA P-256 certificate made by openssl, TLS 1.3): each connection
#   has completed its handshake and one request, and holds its SSLEngine while idle.
#   --provider NAME: with --tls, Solo's ssl_provider (default jdk; conscrypt keeps the TLS state in native memory).
# Environment: SOLO_NO_BUILD=1 runs the jars already built (see bench/lib.sh); JAVA_OPTS as for ./solo.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

connections=10000
partial=0
fields=0
port=18087
tls=0
provider=jdk
while [ $# -gt 0 ]; do
    case "$1" in
        --connections) connections="${2:?}"; shift 2 ;;
        --partial) partial="${2:?}"; shift 2 ;;
        --fields) fields="${2:?}"; shift 2 ;;
        --port) port="${2:?}"; shift 2 ;;
        --tls) tls=1; shift ;;
        --provider) provider="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 15000 ]] \
    || die "--connections must be 1..15000 (each side needs a descriptor per connection)"
[[ "$provider" =~ ^[A-Za-z0-9._-]+$ ]] || die "--provider must be a provider name such as jdk or conscrypt"

need_tools python3 jcmd curl ss
port_free "$port" || die "port $port is in use"
[ "$(ulimit -Hn)" -gt "$((connections + 200))" ] || die "the hard descriptor limit ($(ulimit -Hn)) is too low"
ulimit -n "$(ulimit -Hn)"

bench_workspace idle

mkdir -p "$work/files"
echo "hello" >"$work/files/index.html"
ssl_lines=""
scheme=http
if [ "$tls" = 1 ]; then
    need_tools openssl
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
        -addext subjectAltName=DNS:localhost -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1
    ssl_lines="ssl_certificate $work/tls.crt; ssl_certificate_key $work/tls.key;"
    scheme=https
fi
cat >"$work/solo.conf" <<EOF
$([ "$tls" = 1 ] && echo "ssl_provider $provider;")
access_log off;
max_connections $((connections + 100));
server {
    listen 127.0.0.1:$port$([ "$tls" = 1 ] && echo " ssl");
    $ssl_lines
    keepalive_timeout 600s;
    client_header_timeout 600s;
    keepalive_requests 100000000;
    location / { root $work/files; }
}
EOF

start_solo "$work/solo.conf" "$work/solo.log"
wait_http "$scheme://127.0.0.1:$port/index.html" "$SOLO_PID" || { tail -n 30 "$work/solo.log" >&2; die "Solo did not start"; }

sample() {
    printf '| %s | %s | %s | %s | %s |\n' "$1" "$(ss -Htn state established "( sport = :$port )" | wc -l)" \
        "$(heap_after_gc_kb "$SOLO_PID")" "$(rss_kb "$SOLO_PID")" "$(ls "/proc/$SOLO_PID/fd" | wc -l)"
}

echo "Solo $(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo '?'), JVM options: $(solo_java_opts)"
echo
echo "| moment | connections | heap after GC KiB | RSS KiB | fds |"
echo "|---|---:|---:|---:|---:|"
sample "before"

# The client opens the connections in batches, answers are read one by one, then it holds them until told to stop.
cat >"$work/client.py" <<'EOF'
import socket, ssl, sys, time
port, count, ready, stop, partial = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5])
fields = int(sys.argv[6])
cafile = sys.argv[7] if len(sys.argv) > 7 else ""
context = ssl.create_default_context(cafile=cafile) if cafile else None
request = b"GET /index.html HTTP/1.1\r\nHost: localhost\r\n\r\n"
if partial > 0:
    start = b"GET /index.html HTTP/1.1\r\nHost: localhost\r\n"
    start += b"".join(b"F%d: v\r\n" % i for i in range(fields)) + b"X-Pad: "
    request = (start + b"a" * partial)[:partial]
sockets = []
deadline = time.time() + 120 + (count / 5 if cafile else 0)
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    # Without it the request waits behind the client's Finished for a delayed ACK (Nagle): 40 ms per connection.
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if context:
        s = context.wrap_socket(s, server_hostname="localhost")
    s.sendall(request)
    sockets.append(s)
for s in sockets if partial == 0 else []:
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.endswith(b"hello\n"):
        chunk = s.recv(4096)
        if not chunk or time.time() > deadline:
            sys.exit("connection closed or too slow before its answer")
        answer += chunk
open(ready, "w").close()
import os
while not os.path.exists(stop) and time.time() < deadline + 600:
    time.sleep(0.2)
for s in sockets:
    s.close()
EOF
python3 "$work/client.py" "$port" "$connections" "$work/ready" "$work/stop" "$partial" "$fields" \
    "$([ "$tls" = 1 ] && echo "$work/tls.crt")" &
client_pid=$!
helper_pids=("$client_pid")
# A TLS handshake costs the client and the server a few milliseconds each: allow for them on a busy machine.
ready_tenths=$((1800 + tls * connections * 2))
for ((i = 0; i < ready_tenths; i++)); do
    [ -f "$work/ready" ] && break
    kill -0 "$client_pid" 2>/dev/null || die "the client failed"
    sleep 0.1
done
[ -f "$work/ready" ] || die "the client did not get its $connections answers in time"
if [ "$partial" -gt 0 ]; then
    sleep 2 # the client only sent its bytes: give the server a moment to read them
    sample "$connections partial heads of $partial B, $fields short fields"
else
    sample "$connections idle"
fi
touch "$work/stop"
wait "$client_pid" || true
helper_pids=()
# Closed connections leave the server's books at the next loop turn; give them a moment.
for ((i = 0; i < 100; i++)); do
    [ "$(ss -Htn state established "( sport = :$port )" | wc -l)" -eq 0 ] && break
    sleep 0.1
done
sample "after close"
