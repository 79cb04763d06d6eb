#!/usr/bin/env bash
# HTTPS side by side: Solo and nginx in one run, the same ECDSA P-256 certificate, TLS 1.3 only, over loopback.
#
# usage: bench/tls.sh [--duration SECONDS] [--warmup SECONDS] [--server-warmup SECONDS] [--provider jdk|conscrypt]
#   --duration       length of each measured run (default 10)
#   --warmup         unmeasured run of the same workload before each (default 2)
#   --server-warmup  unmeasured keep-alive load when a server starts (default 15: Solo's JIT needs it)
#   --provider       Solo's ssl_provider (default jdk; conscrypt is BoringSSL, module server-tls-conscrypt)
# Environment: SOLO_NO_BUILD=1 runs the jars already built instead of ./solo (see bench/lib.sh).
#
# Each server is pinned to CPU 0 (taskset -c 0), nginx with one worker; the load generators run on CPU 1.
# Ports: Solo 18443, nginx 18444. Workloads:
#   ka-100B, ka-1MiB   wrk -t1 -c50 over HTTPS, keep-alive: the record layer (AES-GCM) and, for 1 MiB, reading the
#                      file and encrypting it in pieces (no sendfile through TLS for either server)
#   full-handshake     ab -c 50 without keep-alive: one full TLS 1.3 handshake (ECDHE + ECDSA signature) per request
#   resumed            openssl s_time -reuse: one connection per request, each resuming the first session (PSK)
#   new-s_time         openssl s_time -new: the same client as "resumed", with full handshakes, for comparison
# Per workload: requests/s and requests per server CPU-second (requests / utime+stime of the server's processes).
# Writes the markdown table to bench/results/tls.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

duration=10
warmup=2
server_warmup=15
provider=jdk
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?}"; shift 2 ;;
        --warmup) warmup="${2:?}"; shift 2 ;;
        --server-warmup) server_warmup="${2:?}"; shift 2 ;;
        --provider) provider="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 600 ]] || die "--duration must be 1..600"
[[ "$provider" =~ ^[A-Za-z0-9._-]+$ ]] || die "--provider must be a provider name such as jdk or conscrypt"

servers=(solo nginx)
declare -A port=([solo]=18443 [nginx]=18444)
need_tools wrk ab openssl taskset curl ss nginx
for s in "${servers[@]}"; do
    port_free "${port[$s]}" || die "port ${port[$s]} is in use"
done

work="$(mktemp -d /tmp/bench-tls.XXXXXX)"
chmod 755 "$work"
declare -A pid=()
cleanup() {
    local s
    for s in "${!pid[@]}"; do
        stop_pid "${pid[$s]}" "$s"
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work/files"
head -c 100 /dev/zero | tr '\0' 'a' >"$work/files/100b.txt"
head -c 1048576 /dev/urandom >"$work/files/1m.bin"
chmod 644 "$work/files"/*
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1
chmod 644 "$work/tls.key"

cat >"$work/solo.conf" <<EOF
ssl_provider $provider;
access_log off;
max_connections 10000;
keepalive_requests 100000000;
server {
    listen 127.0.0.1:${port[solo]} ssl;
    server_name localhost;
    ssl_certificate $work/tls.crt;
    ssl_certificate_key $work/tls.key;
    ssl_protocols TLSv1.3;
    root files;
    location / { }
}
EOF

write_nginx_conf "$(cat <<EOF
    server {
        listen 127.0.0.1:${port[nginx]} ssl;
        server_name localhost;
        ssl_certificate $work/tls.crt;
        ssl_certificate_key $work/tls.key;
        ssl_protocols TLSv1.3;
        root $work/files;
    }
EOF
)"

start_server() {
    local s="$1"
    case "$s" in
        solo)
            start_solo "$work/solo.conf" "$work/solo.log" 0
            pid[$s]="$SOLO_PID" ;;
        nginx)
            taskset -c 0 nginx -c "$work/nginx.conf" -p "$work" >"$work/nginx.log" 2>&1 &
            pid[$s]=$! ;;
    esac
    if ! wait_http "https://127.0.0.1:${port[$s]}/100b.txt" "${pid[$s]}"; then
        tail -n 30 "$work/$s.log" >&2 || true
        die "$s did not start"
    fi
    log "$s started (pid ${pid[$s]})"
    if [ "$server_warmup" -gt 0 ]; then
        log "  warming $s up for ${server_warmup}s"
        timeout $((server_warmup + 30)) taskset -c 1 wrk -t1 -c50 -d"${server_warmup}s" \
            "https://127.0.0.1:${port[$s]}/100b.txt" >/dev/null 2>&1 || true
        timeout 60 taskset -c 1 ab -q -s 10 -n 2000 -c 20 "https://127.0.0.1:${port[$s]}/100b.txt" \
            >/dev/null 2>&1 || true
    fi
}

results="$work/results.tsv"
printf 'workload\tserver\trps\treq_per_cpu_s\terrors\n' >"$results"

# run_load WORKLOAD PORT SECONDS OUT : one run of the workload's load generator.
run_load() {
    local workload="$1" p="$2" seconds="$3" out="$4"
    case "$workload" in
        ka-100B)
            timeout $((seconds + 30)) taskset -c 1 wrk -t1 -c50 -d"${seconds}s" --timeout 5s \
                "https://127.0.0.1:$p/100b.txt" >"$out" 2>&1 || true ;;
        ka-1MiB)
            timeout $((seconds + 30)) taskset -c 1 wrk -t1 -c50 -d"${seconds}s" --timeout 5s \
                "https://127.0.0.1:$p/1m.bin" >"$out" 2>&1 || true ;;
        full-handshake)
            timeout $((seconds + 60)) taskset -c 1 ab -q -s 10 -t "$seconds" -n 10000000 -c 50 -f TLS1.3 \
                "https://127.0.0.1:$p/100b.txt" >"$out" 2>&1 || true ;;
        resumed)
            timeout $((seconds + 30)) taskset -c 1 openssl s_time -connect "127.0.0.1:$p" -www /100b.txt -tls1_3 \
                -reuse -time "$seconds" >"$out" 2>&1 || true ;;
        new-s_time)
            timeout $((seconds + 30)) taskset -c 1 openssl s_time -connect "127.0.0.1:$p" -www /100b.txt -tls1_3 \
                -new -time "$seconds" >"$out" 2>&1 || true ;;
    esac
}

measure() {
    local workload="$1" s="$2" p="$3" out="$work/load.out" t0 t1 requests rps errors cpu_s per_cpu
    [ "$warmup" -gt 0 ] && run_load "$workload" "$p" "$warmup" /dev/null
    t0="$(cpu_ticks "${pid[$s]}")"
    local start_ns end_ns
    start_ns="$(date +%s%N)"
    run_load "$workload" "$p" "$duration" "$out"
    end_ns="$(date +%s%N)"
    t1="$(cpu_ticks "${pid[$s]}")"
    case "$workload" in
        ka-*)
            requests="$(awk '/requests in/ {print $1}' "$out")"
            errors="$(awk '/Socket errors:/ {gsub(",", ""); e += $4 + $6 + $8 + $10}
                /Non-2xx or 3xx responses:/ {e += $5} END {print e + 0}' "$out")" ;;
        full-handshake)
            requests="$(awk '/^Complete requests:/ {print $3}' "$out")"
            errors="$(awk '/^Failed requests:/ {f = $3} /^Non-2xx responses:/ {x = $3} END {print f + x}' "$out")" ;;
        *)
            # "N connections in T real seconds, ..." (the last such line: s_time prints one per mode run)
            requests="$(awk '/connections in .* real seconds/ {n = $1} END {print n + 0}' "$out")"
            errors=n/a ;;
    esac
    requests="${requests:-0}"
    rps="$(awk -v r="$requests" -v a="$start_ns" -v b="$end_ns" 'BEGIN {printf "%.0f", r / ((b - a) / 1e9)}')"
    cpu_s="$(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", (b - a) / hz}')"
    per_cpu="$(awk -v r="$requests" -v c="$cpu_s" 'BEGIN {if (c > 0) printf "%.0f", r / c; else print "n/a"}')"
    [ "$requests" = 0 ] && { log "  $workload on $s: no result:"; sed 's/^/    /' "$out" >&2; }
    log "  $workload $s: $requests requests, ${rps} req/s, ${per_cpu} req/CPU-s (cpu ${cpu_s}s), errors ${errors}"
    printf '%s\t%s\t%s\t%s\t%s\n' "$workload" "$s" "$rps" "$per_cpu" "$errors" >>"$results"
}

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
for s in "${servers[@]}"; do
    start_server "$s"
done
for w in ka-100B ka-1MiB full-handshake resumed new-s_time; do
    for s in "${servers[@]}"; do
        kill -0 "${pid[$s]}" 2>/dev/null || die "$s died"
        measure "$w" "$s" "${port[$s]}"
    done
done

mkdir -p "$ROOT_DIR/bench/results"
report="$ROOT_DIR/bench/results/tls.md"
{
    echo "# HTTPS: Solo vs nginx ($started)"
    echo
    echo "TLS 1.3, ECDSA P-256, one server CPU (taskset -c 0), load on CPU 1; ${duration}s per run;" \
        "Solo with ssl_provider $provider; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'), $(openssl version | cut -d' ' -f1-2), $(java -version 2>&1 | head -n 1)"
    echo
    echo "| workload | Solo req/s | nginx req/s | Solo req/CPU-s | nginx req/CPU-s | Solo / nginx per CPU-s | errors (Solo, nginx) |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    awk -F'\t' 'NR > 1 {
            rps[$1, $2] = $3; cpu[$1, $2] = $4; err[$1, $2] = $5
            if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } }
        END {
            for (i = 1; i <= n; i++) {
                w = order[i]
                ratio = (cpu[w, "nginx"] > 0 && cpu[w, "solo"] != "n/a") ? sprintf("%.2f", cpu[w, "solo"] / cpu[w, "nginx"]) : "n/a"
                printf "| %s | %s | %s | %s | %s | %s | %s, %s |\n", w, rps[w, "solo"], rps[w, "nginx"],
                    cpu[w, "solo"], cpu[w, "nginx"], ratio, err[w, "solo"], err[w, "nginx"] } }' "$results"
} >"$report"
cat "$report"
