#!/usr/bin/env bash
# Compares Solo with nginx and lighttpd on static files, on this machine, over loopback only.
#
# usage: bench/compare.sh [--duration SECONDS] [--warmup SECONDS] [--server-warmup SECONDS] [--only LIST]
#                         [--workloads LIST]
#   --duration       length of each wrk run (default 10)
#   --warmup         unmeasured wrk run before each workload (default 2)
#   --server-warmup  unmeasured wrk run on the 100 B file when a server starts (default 15): Solo's JIT needs
#                    about 20-30 s of load on one CPU before it reaches its steady state
#   --only           run only these servers: solo, nginx, lighttpd, comma-separated (ratios then show n/a)
#   --workloads      run only these workloads, comma-separated (names as in the report, e.g. ka-64KiB,close-100B-ab)
# Environment: SOLO_NO_BUILD=1 runs the jars already built instead of ./solo (see bench/lib.sh).
#
# Installs nginx, lighttpd, wrk, apache2-utils (ab) and siege with apt-get when they are missing. Each server is
# pinned to CPU 0 (taskset -c 0) and the load generator to CPU 1. Ports: Solo 18081, nginx 18082, lighttpd 18083.
# Workloads: wrk -t1 -c50 keep-alive on 0 B, 100 B, 4 KiB, 64 KiB and 1 MiB files; wrk -c500 on 100 B;
# ab -n 20000 -c 50 without keep-alive on 100 B; siege -b -c 50 for --duration with "connection = close" on 100 B.
# Per workload: requests/s, requests per server CPU-second (completed requests / utime+stime delta of the server
# process tree), p99 latency, errors (socket errors, timeouts and non-2xx) and the largest RSS seen.
# Writes the markdown report to bench/results/latest.md (and the raw rows to bench/results/latest.tsv).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

duration=10
warmup=2
server_warmup=15
only="solo,nginx,lighttpd"
all_workloads=(ka-0B ka-100B ka-4KiB ka-64KiB ka-1MiB ka-100B-c500 close-100B-ab close-100B-siege)
only_workloads="$(IFS=,; echo "${all_workloads[*]}")"
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?}"; shift 2 ;;
        --warmup) warmup="${2:?}"; shift 2 ;;
        --server-warmup) server_warmup="${2:?}"; shift 2 ;;
        --only) only="${2:?}"; shift 2 ;;
        --workloads) only_workloads="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 600 ]] || die "--duration must be 1..600"
[[ "$warmup" =~ ^[0-9]+$ && "$warmup" -le 60 ]] || die "--warmup must be 0..60"
[[ "$server_warmup" =~ ^[0-9]+$ && "$server_warmup" -le 300 ]] || die "--server-warmup must be 0..300"

servers=()
for s in solo nginx lighttpd; do
    [[ ",$only," == *",$s,"* ]] && servers+=("$s")
done
[ "${#servers[@]}" -gt 0 ] || die "--only names none of solo, nginx, lighttpd"

workloads=()
for w in "${all_workloads[@]}"; do
    [[ ",$only_workloads," == *",$w,"* ]] && workloads+=("$w")
done
[ "${#workloads[@]}" -gt 0 ] || die "--workloads names none of ${all_workloads[*]}"

declare -A port=([solo]=18081 [nginx]=18082 [lighttpd]=18083)
need_tools wrk ab siege taskset curl ss
for s in "${servers[@]}"; do
    [ "$s" = solo ] || need_tools "$s"
    port_free "${port[$s]}" || die "port ${port[$s]} is in use"
done

work="$(mktemp -d /tmp/bench-compare.XXXXXX)"
# nginx's workers run as www-data: the files must be readable by others.
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

# --- test files -----------------------------------------------------------------------------------------------
mkdir -p "$work/files"
: >"$work/files/0b.txt"
head -c 100 /dev/zero | tr '\0' 'a' >"$work/files/100b.txt"
head -c 4096 /dev/urandom | base64 -w 76 | head -c 4096 >"$work/files/4k.txt"
head -c 65536 /dev/urandom >"$work/files/64k.bin"
head -c 1048576 /dev/urandom >"$work/files/1m.bin"
chmod 644 "$work/files"/*

# --- configs --------------------------------------------------------------------------------------------------
write_static_conf "$work/solo.conf" "${port[solo]}"

write_nginx_conf "$(cat <<EOF
    types { text/plain txt; }
    server {
        listen 127.0.0.1:${port[nginx]};
        server_name localhost;
        root $work/files;
    }
EOF
)"

cat >"$work/lighttpd.conf" <<EOF
server.document-root = "$work/files"
server.bind = "127.0.0.1"
server.port = ${port[lighttpd]}
server.errorlog = "$work/lighttpd-error.log"
server.max-keep-alive-requests = 100000000
server.max-keep-alive-idle = 60
server.max-fds = 8192
server.max-connections = 4096
mimetype.assign = (".txt" => "text/plain", ".bin" => "application/octet-stream")
EOF

siegerc="$work/siegerc-close"
write_siegerc "$siegerc" close 50

# start_server NAME : starts one server pinned to CPU 0 and records its PID in pid[NAME].
start_server() {
    local s="$1"
    case "$s" in
        solo)
            start_solo "$work/solo.conf" "$work/solo.log" 0
            pid[$s]="$SOLO_PID" ;;
        nginx)
            taskset -c 0 nginx -c "$work/nginx.conf" -p "$work" >"$work/nginx.log" 2>&1 &
            pid[$s]=$! ;;
        lighttpd)
            taskset -c 0 lighttpd -D -f "$work/lighttpd.conf" >"$work/lighttpd.log" 2>&1 &
            pid[$s]=$! ;;
    esac
    if ! wait_http "http://127.0.0.1:${port[$s]}/100b.txt" "${pid[$s]}"; then
        tail -n 30 "$work/$s.log" >&2 || true
        die "$s did not start"
    fi
    log "$s started (pid ${pid[$s]})"
    if [ "$server_warmup" -gt 0 ]; then
        log "  warming $s up for ${server_warmup}s"
        timeout $((server_warmup + 30)) taskset -c 1 wrk -t1 -c50 -d"${server_warmup}s" \
            "http://127.0.0.1:${port[$s]}/100b.txt" >/dev/null 2>&1 || true
    fi
}

# --- measurement ----------------------------------------------------------------------------------------------
results="$work/results.tsv"
printf 'workload\tserver\trps\treq_per_cpu_s\tp99_ms\terrors\trss_mib\n' >"$results"

# to_ms VALUE : wrk latency such as 850.00us, 12.3ms or 1.02s, in milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0
        if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000
        printf "%.2f", n }'
}

# measure WORKLOAD SERVER PORT : runs one measured load and appends a row to the results.
measure() {
    local workload="$1" s="$2" p="$3" out="$work/load.out" rssfile="$work/rss" sampler
    local file conns url t0 t1 requests rps p99 errors cpu_s per_cpu rss
    case "$workload" in
        ka-0B) file=0b.txt conns=50 ;;
        ka-100B) file=100b.txt conns=50 ;;
        ka-4KiB) file=4k.txt conns=50 ;;
        ka-64KiB) file=64k.bin conns=50 ;;
        ka-1MiB) file=1m.bin conns=50 ;;
        ka-100B-c500) file=100b.txt conns=500 ;;
        close-100B-ab|close-100B-siege) file=100b.txt conns=50 ;;
    esac
    url="http://127.0.0.1:$p/$file"
    if [ "$warmup" -gt 0 ]; then
        # The warm-up takes the workload's own path: a JIT that had seen only keep-alive traffic would compile
        # the accept and close path inside the measured ab run, and its compile time would count as serving.
        if [ "$workload" = close-100B-ab ]; then
            timeout $((warmup + 30)) taskset -c 1 ab -q -s 10 -t "$warmup" -n 1000000 -c 50 "$url" >/dev/null 2>&1 || true
        elif [ "$workload" = close-100B-siege ]; then
            timeout -k 10 $((warmup + 60)) taskset -c 1 siege -R "$siegerc" -b -c 50 -t "${warmup}S" "$url" \
                >/dev/null 2>&1 || true
        else
            taskset -c 1 wrk -t1 -c"$conns" -d"${warmup}s" "$url" >/dev/null 2>&1 || true
        fi
    fi
    echo 0 >"$rssfile"
    sample_max_rss "${pid[$s]}" "$rssfile" $((duration + 130)) &
    sampler=$!
    t0="$(cpu_ticks "${pid[$s]}")"
    if [ "$workload" = close-100B-ab ]; then
        # -s: per-request timeout; timeout(1) bounds the whole run.
        timeout 120 taskset -c 1 ab -q -s 10 -n 20000 -c 50 "$url" >"$out" 2>&1 || true
    elif [ "$workload" = close-100B-siege ]; then
        # siege 4.0.x sometimes hangs after its run and ignores SIGTERM (see siege.sh): bounded with SIGKILL.
        timeout -k 10 $((duration + 60)) taskset -c 1 siege -R "$siegerc" -b -c 50 -t "${duration}S" "$url" \
            >"$out" 2>/dev/null || true
    else
        timeout $((duration + 30)) taskset -c 1 wrk -t1 -c"$conns" -d"${duration}s" --timeout 5s --latency "$url" \
            >"$out" 2>&1 || true
    fi
    t1="$(cpu_ticks "${pid[$s]}")"
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    rss="$(awk '{printf "%.1f", $1 / 1024}' "$rssfile")"
    if [ "$workload" = close-100B-ab ]; then
        requests="$(awk '/^Complete requests:/ {print $3}' "$out")"
        rps="$(awk '/^Requests per second:/ {printf "%.0f", $4}' "$out")"
        p99="$(awk '$1 == "99%" {printf "%.2f", $2}' "$out")"
        errors="$(awk -v n=20000 '/^Complete requests:/ {c = $3} /^Failed requests:/ {f = $3}
            /^Non-2xx responses:/ {x = $3} END {print f + x + (n - c)}' "$out")"
    elif [ "$workload" = close-100B-siege ]; then
        # Siege reports no percentiles: p99 stays n/a. Its transactions are the completed requests.
        requests="$(siege_field transactions "$out")"
        rps="$(siege_field transaction_rate "$out" | awk '{printf "%.0f", $1}')"
        p99=n/a
        errors="$(siege_field failed_transactions "$out")"
        errors="${errors:-n/a}"
    else
        requests="$(awk '/requests in/ {print $1}' "$out")"
        rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")"
        p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
        errors="$(awk '/Socket errors:/ {gsub(",", ""); e += $4 + $6 + $8 + $10}
            /Non-2xx or 3xx responses:/ {e += $5} END {print e + 0}' "$out")"
    fi
    requests="${requests:-0}"
    cpu_s="$(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", (b - a) / hz}')"
    per_cpu="$(awk -v r="$requests" -v c="$cpu_s" 'BEGIN {if (c > 0) printf "%.0f", r / c; else print "n/a"}')"
    if [ -z "$rps" ]; then
        log "  $workload: no result from the load generator:"
        sed 's/^/    /' "$out" >&2
        rps=0
        p99=n/a
    fi
    log "  $workload: ${rps} req/s, ${per_cpu} req/CPU-s (cpu ${cpu_s}s), p99 ${p99} ms, errors ${errors}, rss ${rss} MiB"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$workload" "$s" "$rps" "$per_cpu" "$p99" "$errors" "$rss" >>"$results"
}

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
# All servers run at once (an idle one costs nothing) and each workload runs on each server in turn, so that
# whatever else the machine is doing falls on all of them alike rather than on whichever ran last.
for s in "${servers[@]}"; do
    start_server "$s"
done
for w in "${workloads[@]}"; do
    for s in "${servers[@]}"; do
        kill -0 "${pid[$s]}" 2>/dev/null || die "$s died (see its log above)"
        measure "$w" "$s" "${port[$s]}"
    done
done
if [ -n "${pid[solo]:-}" ] && grep -Eq 'ERROR|WARN|Exception' "$work/solo.log"; then
    log "Solo logged warnings or errors:"
    grep -E 'ERROR|WARN|Exception' "$work/solo.log" | head -n 20 | sed 's/^/    /' >&2
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# --- report ---------------------------------------------------------------------------------------------------
report="$work/report.md"
{
    echo "# Solo vs nginx vs lighttpd — static files over loopback"
    echo
    echo "- date: $started; machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "- load average before/after: $load_before / $load_after (other work on the machine skews results)"
    echo "- servers on CPU 0, load generator on CPU 1; each server warmed up for ${server_warmup}s, then wrk -t1,"
    echo "  ${duration}s per run after a ${warmup}s warm-up;"
    echo "  ab -n 20000 -c 50 (HTTP/1.0, no keep-alive); siege -b -c 50 -t ${duration}S with connection = close"
    echo "- Solo: $(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo '?'), JVM options: $(solo_java_opts)"
    echo "- $(nginx -v 2>&1 | sed 's/^nginx version: //') (1 worker, sendfile on, access_log off);" \
        "$(lighttpd -v 2>/dev/null | cut -d' ' -f1)"
    echo "- req/CPU-s = completed requests / (utime+stime of the server process tree); RSS is the largest seen" \
        "(nginx: master + worker)"
    echo
    echo "| workload | server | req/s | req/CPU-s | p99 ms | errors | RSS MiB |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    awk -F'\t' 'NR > 1 {printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7}' "$results"
    echo
    echo "Ratios (Solo / other; above 1 means Solo is ahead for req/s and req/CPU-s, behind for p99 and RSS):"
    echo
    echo "| workload | req/s vs nginx | req/s vs lighttpd | req/CPU-s vs nginx | req/CPU-s vs lighttpd |" \
        "p99 vs nginx | p99 vs lighttpd | RSS vs nginx | RSS vs lighttpd |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '
        function ratio(a, b) { return (a == "" || b == "" || a == "n/a" || b == "n/a" || b + 0 == 0) ? "n/a" : sprintf("%.2f", a / b) }
        NR > 1 { if (!($1 in order)) { order[$1] = ++n; names[n] = $1 }
                 rps[$1, $2] = $3; cpu[$1, $2] = $4; p99[$1, $2] = $5; rss[$1, $2] = $7 }
        END { for (i = 1; i <= n; i++) { w = names[i]
                printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", w,
                    ratio(rps[w, "solo"], rps[w, "nginx"]), ratio(rps[w, "solo"], rps[w, "lighttpd"]),
                    ratio(cpu[w, "solo"], cpu[w, "nginx"]), ratio(cpu[w, "solo"], cpu[w, "lighttpd"]),
                    ratio(p99[w, "solo"], p99[w, "nginx"]), ratio(p99[w, "solo"], p99[w, "lighttpd"]),
                    ratio(rss[w, "solo"], rss[w, "nginx"]), ratio(rss[w, "solo"], rss[w, "lighttpd"]) } }' "$results"
} >"$report"

mkdir -p "$BENCH_DIR/results"
cp "$report" "$BENCH_DIR/results/latest.md"
cp "$results" "$BENCH_DIR/results/latest.tsv"
echo
cat "$report"
echo
log "written to bench/results/latest.md"
