#!/usr/bin/env bash
# Worker processes and reload, measured over loopback on this machine.
#
# usage: bench/workers.sh [--seconds 10] [--connections 50] [--parts scaling,reload,kill]
#   --seconds      length of each load run (default 10)
#   --connections  concurrent connections of wrk, ab and siege (default 50)
#   --parts        what to run (default all three):
#                    scaling  requests per second with worker_processes 1 and 2: wrk (keep-alive, 2 threads) and
#                             ab (a connection per request) on a ~1 KiB static page, and wrk (1 thread) on a
#                             directory listing of 200 entries; RSS of each worker and of the supervisor after the runs
#                    reload   siege (connection close, then keep-alive) while SIGHUP switches between two configs
#                             every 2 s; availability must be 100 %
#                    kill     siege (connection close) against 2 workers while one is killed with kill -9 halfway;
#                             availability must be >= 99.5 %
# Environment: SOLO_NO_BUILD=1 runs the jars already built (see bench/lib.sh).
#
# The load generators run on the same 2 cores as Solo: with one worker, Solo gets one core and the client the other;
# with two, they share both. Prints markdown tables; exits 1 when an availability floor is missed or Solo died.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

seconds=10
connections=50
parts="scaling,reload,kill"
port=18094
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:?}"; shift 2 ;;
        --connections) connections="${2:?}"; shift 2 ;;
        --parts) parts="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 2 ]] || die "--seconds must be 2 or more"
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 255 ]] || die "--connections: 1..255"

need_tools wrk ab siege curl ss
port_free "$port" || die "port $port is in use"
bench_workspace workers

mkdir -p "$work/files" "$work/other"
{
    echo '<!DOCTYPE html>'
    echo '<html lang="en"><head><meta charset="utf-8"><title>Small page</title></head><body>'
    for i in $(seq 1 12); do
        echo "<p>Paragraph $i of a page that is about one kibibyte long, served from disk.</p>"
    done
    echo '</body></html>'
} >"$work/files/small.html"
cp "$work/files/small.html" "$work/other/small.html"
# A directory listing of 200 entries: each request reads the directory and writes ~25 KiB of HTML in Java, so Solo,
# not the client, is the bottleneck (wrk with one thread), the workload where a second worker can show.
mkdir -p "$work/files/list"
for i in $(seq -w 1 200); do : >"$work/files/list/entry-$i.txt"; done

# conf WORKERS ROOT : the static config with worker_processes and the given root.
conf() {
    write_static_conf "$work/solo.conf" "$port"
    sed -i -e "s|root files;|root $2;|" -e 's|location / { }|location / { }\n    location /list/ { alias files/list; autoindex on; }|' \
        "$work/solo.conf"
    printf 'worker_processes %s;\n' "$1" | cat - "$work/solo.conf" >"$work/solo.conf.new"
    mv "$work/solo.conf.new" "$work/solo.conf"
}

# up WORKERS : starts Solo and waits until each worker listens.
up() {
    conf "$1" files
    start_solo "$work/solo.conf" "$work/solo-$1.log"
    wait_http "http://127.0.0.1:$port/small.html" "$SOLO_PID" || { tail -n 30 "$work/solo-$1.log" >&2; die "no start"; }
    local i
    for ((i = 0; i < 240; i++)); do
        [ "$(ss -Htlnp "sport = :$port" | grep -o 'pid=' | wc -l)" -ge "$1" ] && return 0
        sleep 0.25
    done
    die "fewer than $1 listening processes on port $port"
}

down() {
    stop_pid "$SOLO_PID" solo
    SOLO_PID=""
}

# rss_of PID : VmRSS of one process in KiB.
rss_of() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }

url="http://127.0.0.1:$port/small.html"
failed_checks=0
IFS=',' read -r -a part_list <<<"$parts"
for part in "${part_list[@]}"; do
case "$part" in
scaling)
    rows=()
    declare -A rate
    for n in 1 2; do
        up "$n"
        # Warm-up: the JIT compiles the hot path in each worker.
        wrk -t2 -c"$connections" -d3s "$url" >/dev/null 2>&1 || true
        wrk -t2 -c"$connections" -d"${seconds}s" "$url" >"$work/wrk-$n.txt" 2>&1 || true
        rate[wrk$n]="$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$n.txt")"
        ab -q -c "$connections" -t "$seconds" -n 10000000 "$url" >"$work/ab-$n.txt" 2>&1 || true
        rate[ab$n]="$(awk '/Requests per second/ {print $4}' "$work/ab-$n.txt")"
        abfail="$(awk '/Failed requests/ {print $3}' "$work/ab-$n.txt")"
        wrk -t1 -c"$connections" -d3s "http://127.0.0.1:$port/list/" >/dev/null 2>&1 || true
        wrk -t1 -c"$connections" -d"${seconds}s" "http://127.0.0.1:$port/list/" >"$work/wrk-list-$n.txt" 2>&1 || true
        rate[list$n]="$(awk '/Requests\/sec/ {print $2}' "$work/wrk-list-$n.txt")"
        mem=""
        if [ "$n" = 1 ]; then
            mem="solo $(( $(rss_of "$SOLO_PID") / 1024 )) MiB"
        else
            mem="supervisor $(( $(rss_of "$SOLO_PID") / 1024 )) MiB"
            for w in $(pgrep -P "$SOLO_PID"); do
                mem="$mem, worker $(( $(rss_of "$w") / 1024 )) MiB"
            done
        fi
        rows+=("| $n | ${rate[wrk$n]:-?} | ${rate[ab$n]:-?} (failed ${abfail:-?}) | ${rate[list$n]:-?} | $mem |")
        down
    done
    echo
    echo "worker_processes 1 vs 2: ${seconds} s per run, $connections connections, ~1 KiB static page, client on the same 2 cores"
    echo
    echo "| workers | wrk -t2 keep-alive small file req/s | ab connection-per-request small file req/s | wrk -t1 keep-alive listing of 200 entries req/s | RSS after the runs |"
    echo "|---:|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
    echo
    ratio() { awk -v a="${rate[${1}2]:-0}" -v b="${rate[${1}1]:-1}" 'BEGIN {printf "%.2f", a / b}'; }
    echo "ratio 2/1: small file keep-alive $(ratio wrk), connection per request $(ratio ab), listing $(ratio list)"
    ;;
reload)
    rows=()
    for mode in close keep-alive; do
        up 1
        write_siegerc "$work/siegerc-$mode" "$mode" "$connections"
        timeout -k 10 $((seconds + 60)) siege -R "$work/siegerc-$mode" -b -c "$connections" -t "${seconds}S" "$url" \
            >"$work/siege-reload-$mode.json" 2>"$work/siege-reload-$mode.err" &
        siege_pid=$!
        helper_pids+=("$siege_pid")
        reloads=0
        root=files
        for ((t = 0; t + 2 < seconds; t += 2)); do
            sleep 2
            root=$([ "$root" = files ] && echo other || echo files)
            conf 1 "$root"
            kill -HUP "$SOLO_PID"
            reloads=$((reloads + 1))
        done
        wait "$siege_pid" || true
        done_reloads="$(grep -c 'reloaded' "$work/solo-1.log" || true)"
        availability="$(siege_field availability "$work/siege-reload-$mode.json")"
        transactions="$(siege_field transactions "$work/siege-reload-$mode.json")"
        failed="$(siege_field failed_transactions "$work/siege-reload-$mode.json")"
        verdict=ok
        if [ -z "$availability" ] || [ "${failed:-1}" != 0 ] || ! kill -0 "$SOLO_PID" 2>/dev/null; then
            verdict=FAIL
            failed_checks=$((failed_checks + 1))
        fi
        rows+=("| $mode | $reloads sent, $done_reloads logged | ${transactions:-?} | ${availability:-?} % | ${failed:-?} | $verdict |")
        down
    done
    echo
    echo "siege -b -c $connections -t ${seconds}S while SIGHUP switches the root every 2 s (floor 100 %)"
    echo
    echo "| connection | reloads | transactions | availability | failed | verdict |"
    echo "|---|---|---:|---:|---:|---|"
    printf '%s\n' "${rows[@]}"
    ;;
kill)
    up 2
    write_siegerc "$work/siegerc-close" close "$connections"
    timeout -k 10 $((seconds + 60)) siege -R "$work/siegerc-close" -b -c "$connections" -t "${seconds}S" "$url" \
        >"$work/siege-kill.json" 2>"$work/siege-kill.err" &
    siege_pid=$!
    helper_pids+=("$siege_pid")
    sleep $((seconds / 2))
    victim="$(pgrep -P "$SOLO_PID" | head -n 1)"
    kill -KILL "$victim"
    wait "$siege_pid" || true
    restarted="$(grep -c 'restarting in' "$work/solo-2.log" || true)"
    # The replacement JVM may still be starting when siege ends: give it up to 30 s.
    for ((i = 0; i < 120; i++)); do
        listening="$(ss -Htlnp "sport = :$port" | grep -o 'pid=' | wc -l)"
        [ "$listening" -ge 2 ] && break
        sleep 0.25
    done
    availability="$(siege_field availability "$work/siege-kill.json")"
    transactions="$(siege_field transactions "$work/siege-kill.json")"
    failed="$(siege_field failed_transactions "$work/siege-kill.json")"
    verdict=ok
    if [ -z "$availability" ] || awk -v a="$availability" 'BEGIN {exit !(a + 0 < 99.5)}' || [ "$listening" != 2 ]; then
        verdict=FAIL
        failed_checks=$((failed_checks + 1))
    fi
    echo
    echo "siege -b -c $connections -t ${seconds}S (connection close) against 2 workers; kill -9 of worker $victim after $((seconds / 2)) s (floor 99.5 %)"
    echo
    echo "| transactions | availability | failed | restarts logged | listening after | verdict |"
    echo "|---:|---:|---:|---:|---:|---|"
    echo "| ${transactions:-?} | ${availability:-?} % | ${failed:-?} | $restarted | $listening | $verdict |"
    down
    ;;
*) die "unknown part $part" ;;
esac
done
[ "$failed_checks" -eq 0 ] || { log "$failed_checks check(s) failed"; exit 1; }
