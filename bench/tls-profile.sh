#!/usr/bin/env bash
# Where Solo's CPU goes over HTTPS: the JDK's TLS provider, its crypto, NIO, or Solo's own code.
#
# usage: bench/tls-profile.sh [--duration SECONDS]
#   Runs Solo (TLS 1.3, ECDSA P-256, port 18446) with Java Flight Recorder, one recording per workload, started
#   after the same load has run once unrecorded (JIT warm):
#   keep-alive 100 B (wrk -c50) and a full handshake per request (ab -c50, no keep-alive). Each recording's
#   execution samples are put in buckets by the top frame's package (a java.util or java.lang frame counts
#   for its first caller outside those), and the share of samples inside the
#   engine's delegated tasks (run inline on the loop by TlsConnection.runDelegatedTasks) is counted.
# Environment: SOLO_NO_BUILD=1 runs the jars already built (see bench/lib.sh).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

duration=20
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
port=18446
need_tools wrk ab openssl jfr python3 taskset curl ss
port_free "$port" || die "port $port is in use"
bench_workspace tls-profile

mkdir -p "$work/files"
head -c 100 /dev/zero | tr '\0' 'a' >"$work/files/100b.txt"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1
cat >"$work/solo.conf" <<EOF
access_log off;
keepalive_requests 100000000;
server {
    listen 127.0.0.1:$port ssl;
    ssl_certificate $work/tls.crt;
    ssl_certificate_key $work/tls.key;
    ssl_protocols TLSv1.3;
    root files;
    location / { }
}
EOF

cat >"$work/buckets.py" <<'EOF'
import re, sys, collections
buckets = collections.Counter()
outside = collections.Counter()
delegated = 0
total = 0
stack = None
def bucket(frame):
    for prefix, name in (("dev.solo.tls", "Solo TLS (dev.solo.tls)"), ("dev.solo", "Solo HTTP and loop (dev.solo)"),
                         ("sun.security.ssl", "JDK TLS engine (sun.security.ssl)"),
                         ("com.sun.crypto", "JDK crypto (AES-GCM, HKDF, ...)"), ("sun.security.ec", "JDK crypto (ECDSA, ECDH)"),
                         ("sun.security.util", "JDK crypto (ECDSA, ECDH)"), ("sun.security", "JDK crypto (ECDSA, ECDH)"),
                         ("javax.crypto", "JDK crypto (AES-GCM, HKDF, ...)"), ("java.security", "JDK crypto (ECDSA, ECDH)"),
                         ("sun.nio", "JDK NIO and system calls"), ("java.nio", "JDK NIO and system calls")):
        if frame.startswith(prefix):
            return name
    return "other (collections, strings, GC barriers, ...)"
def attribute(stack):
    # A JDK utility frame (java.util, java.lang, jdk.internal) counts for the first caller that has a bucket.
    for frame in stack:
        name = bucket(frame)
        if not name.startswith("other"):
            return name
    return bucket(stack[0])
def close():
    global stack, total, delegated
    if stack:
        total += 1
        buckets[attribute(stack)] += 1
        if any("runDelegatedTasks" in f for f in stack):
            delegated += 1
        else:
            outside[attribute(stack)] += 1
    stack = None
for line in open(sys.argv[1]):
    line = line.strip()
    if line.startswith("jdk.ExecutionSample"):
        close()
        stack = []
    elif stack is not None and re.match(r"^[\w$.]+\.[\w$<>]+\(", line):
        stack.append(line)
close()
print(f"{total} samples; {100.0 * delegated / max(total, 1):.1f}% inside the engine's delegated tasks (inline on the loop)")
print()
# The second column leaves out the delegated tasks: in a keep-alive run they are the handshakes of the
# connections wrk opens when the recorded run starts, not the cost of the requests.
rest = max(total - delegated, 1)
print("| where (top frame, or its first caller outside java.lang/java.util) | share of samples | share outside delegated tasks |")
print("|---|---:|---:|")
for name, n in buckets.most_common():
    print(f"| {name} | {100.0 * n / total:.1f}% | {100.0 * outside[name] / rest:.1f}% |")
EOF

profile() {
    local name="$1"
    shift
    start_solo "$work/solo.conf" "$work/solo-$name.log" 0
    wait_http "https://127.0.0.1:$port/100b.txt" "$SOLO_PID" || die "Solo did not start"
    # The same load first, unrecorded, so the JIT and the first handshakes are not in the profile.
    "$@" >/dev/null 2>&1 || true
    jcmd "$SOLO_PID" JFR.start settings=profile >/dev/null 2>&1 || die "JFR.start failed"
    "$@" >"$work/$name.load" 2>&1 || true
    # Dumped by jcmd: Solo halts after a graceful stop, so a dump-on-exit would never be written.
    jcmd "$SOLO_PID" JFR.dump filename="$work/$name.jfr" >/dev/null 2>&1 || die "JFR.dump failed"
    stop_pid "$SOLO_PID" solo
    SOLO_PID=""
    jfr print --events jdk.ExecutionSample --stack-depth 64 "$work/$name.jfr" >"$work/$name.txt"
    echo "### $name"
    echo
    python3 "$work/buckets.py" "$work/$name.txt"
    echo
}

profile keepalive-100B taskset -c 1 wrk -t1 -c50 -d"${duration}s" "https://127.0.0.1:$port/100b.txt"
profile full-handshake taskset -c 1 ab -q -s 10 -t "$duration" -n 10000000 -c 50 -f TLS1.3 \
    "https://127.0.0.1:$port/100b.txt"
