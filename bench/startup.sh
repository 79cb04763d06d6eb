#!/usr/bin/env bash
# Start-up time and idle footprint: how long Solo takes from exec to its first HTTP 200, and its RSS once started.
#
# usage: bench/startup.sh [--runs 10] [--idle-seconds 2]
#   --runs          how many starts to time (default 10, at most 1000)
#   --idle-seconds  how long each started server idles before its RSS is read (default 2)
# Environment: SOLO_NO_BUILD=1 makes the launcher run the jars already built; JAVA_OPTS and SOLO_CDS as for ./solo;
# SOLO_LAUNCHER=PATH times another launcher instead of this tree's ./solo (e.g. an older checkout's, to compare).
#
# Each run execs ./solo on a one-file site at 127.0.0.1:18090 (so the time includes the launcher script's own work:
# a user waits for that too) and polls GET / over bash's /dev/tcp about every 2 ms until it answers 200. The
# start-up time is the wall time from just before the exec to that 200. The server then idles, its VmRSS is read,
# and it is stopped with SIGTERM. Once before the runs, ./solo --check builds the jars if a source changed and writes
# the class-data archive if it is missing or stale, so no timed run includes a build or a training run.
# Prints every run, then min / median / max; the same report goes to bench/results/startup-latest.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

runs=10
idle_seconds=2
port=18090
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="${2:?}"; shift 2 ;;
        --idle-seconds) idle_seconds="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$runs" =~ ^[0-9]+$ && "$runs" -ge 1 && "$runs" -le 1000 ]] || die "--runs must be 1..1000"
[[ "$idle_seconds" =~ ^[0-9]+$ && "$idle_seconds" -le 60 ]] || die "--idle-seconds must be 0..60"

launcher="${SOLO_LAUNCHER:-$ROOT_DIR/solo}"
[ -x "$launcher" ] || die "no launcher at $launcher"
need_tools ss
port_free "$port" || die "port $port is in use"

bench_workspace startup

mkdir -p "$work/site"
printf '<p>up</p>\n' >"$work/site/index.html"
cat >"$work/solo.conf" <<EOF
access_log off;
server {
    listen 127.0.0.1:$port;
    root $work/site;
}
EOF

# A fifo nobody writes to: 'read -t' on it is a sleep without forking a process per poll.
mkfifo "$work/tick"
exec 9<>"$work/tick"
pause() { read -r -t "$1" -u 9 _ || true; }

# ok_200 : one GET / over a fresh connection; succeeds when the status line says 200. A refused connect fails at
# once, and an accepted one is bounded by read -t.
ok_200() {
    local line=""
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 || { exec 3<&-; return 1; }
    IFS= read -r -t 5 line <&3 || true
    exec 3<&-
    [[ "$line" == "HTTP/1.1 200"* ]]
}

# Build if stale, validate, and write the class-data archive outside the timed runs.
"$launcher" --check "$work/solo.conf" >"$work/check.log" 2>&1 || {
    tail -n 30 "$work/check.log" >&2
    die "./solo --check failed (set SOLO_NO_BUILD=1 to run the jars already built)"
}

report="$work/report.txt"
log "timing $runs starts of $launcher on 127.0.0.1:$port (${idle_seconds}s idle before each RSS sample)"
starts_ms=()
rss_kib=()
for ((run = 1; run <= runs; run++)); do
    port_free "$port" || die "port $port is still in use before run $run"
    t0="$EPOCHREALTIME"
    "$launcher" "$work/solo.conf" >"$work/run.log" 2>&1 &
    SOLO_PID=$!
    up=""
    # Bounded: at most 30 s of 2 ms polls (each refused connect returns at once).
    deadline=$((${t0%.*} + 30))
    while [ "${EPOCHREALTIME%.*}" -lt "$deadline" ]; do
        if ok_200 2>/dev/null; then
            up="$EPOCHREALTIME"
            break
        fi
        kill -0 "$SOLO_PID" 2>/dev/null || break
        pause 0.002
    done
    if [ -z "$up" ]; then
        tail -n 30 "$work/run.log" >&2
        die "run $run: no 200 from Solo within 30 s"
    fi
    ms="$(awk -v a="$t0" -v b="$up" 'BEGIN { printf "%.0f", (b - a) * 1000 }')"
    [ "$run" -eq 1 ] && jvm_cmdline="$(tr '\0' ' ' <"/proc/$SOLO_PID/cmdline")"
    pause "$idle_seconds"
    kb="$(rss_kb "$SOLO_PID")"
    stop_pid "$SOLO_PID" solo
    SOLO_PID=""
    starts_ms+=("$ms")
    rss_kib+=("$kb")
    log "run $run: first 200 after $ms ms, idle RSS $((kb / 1024)) MiB"
done

# summary NAME UNIT SCALE VALUE... : min / median / max (median of an even count: mean of the middle two).
summary() {
    local name="$1" unit="$2" scale="$3"
    shift 3
    printf '%s\n' "$@" | sort -n | awk -v name="$name" -v unit="$unit" -v s="$scale" '
        { v[NR] = $1 / s }
        END {
            m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%-22s min %7.1f   median %7.1f   max %7.1f  %s\n", name, v[1], m, v[NR], unit
        }'
}

{
    echo "bench/startup.sh: $runs runs, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "launcher: $launcher"
    echo "JVM command (run 1): $jvm_cmdline"
    echo "start-up per run (ms): ${starts_ms[*]}"
    echo "idle RSS per run (KiB): ${rss_kib[*]}"
    summary "exec to first 200" ms 1 "${starts_ms[@]}"
    summary "idle RSS" MiB 1024 "${rss_kib[@]}"
} >"$report"
cat "$report"
mkdir -p "$BENCH_DIR/results"
cp "$report" "$BENCH_DIR/results/startup-latest.txt"
