#!/usr/bin/env bash
# Profiles Solo under wrk load with Java Flight Recorder and prints its hot methods and allocation sites.
#
# usage: bench/profile.sh [--seconds 20] [--size 100] [--connections 50] [--close] [--keep FILE.jfr]
#   --seconds      length of the recording (default 20), taken after 8 s of warm-up load
#   --size         bytes in the static file requested (default 100)
#   --connections  wrk connections (default 50)
#   --close        send "Connection: close": one connection per request (default: keep-alive)
#   --keep         copy the recording there (default: bench/results/solo-profile.jfr)
#   --analyse FILE only print the report for an existing recording (no server, no load)
# Environment: SOLO_NO_BUILD=1 runs the jars already built (see bench/lib.sh); JAVA_OPTS as for ./solo (the
# script adds -XX:+FlightRecorder).
#
# Solo runs on CPU 0 and wrk on CPU 1, on 127.0.0.1:18086. The recording uses JFR's "profile" settings
# (Java samples every 10 ms). Printed: top frames of jdk.ExecutionSample (self time, per method), methods by
# inclusive samples, top frames of jdk.NativeMethodSample (time in native code: epoll, read, write ...), allocation
# by class and by the first dev.solo frame (jdk.ObjectAllocationSample weights), and the GC count. The report is
# also written to bench/results/profile-latest.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

seconds=20
size=100
connections=50
keep="$BENCH_DIR/results/solo-profile.jfr"
port=18086
analyse=""
close=0
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:?}"; shift 2 ;;
        --size) size="${2:?}"; shift 2 ;;
        --connections) connections="${2:?}"; shift 2 ;;
        --close) close=1; shift ;;
        --keep) keep="${2:?}"; shift 2 ;;
        --analyse) analyse="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 5 && "$seconds" -le 600 ]] || die "--seconds must be 5..600"
[[ "$size" =~ ^[0-9]+$ && "$size" -le 104857600 ]] || die "--size must be 0..104857600"
[[ "$connections" =~ ^[0-9]+$ && "$connections" -ge 1 && "$connections" -le 5000 ]] || die "--connections must be 1..5000"

need_tools wrk curl ss taskset jcmd jfr python3
[ -z "$analyse" ] || [ -s "$analyse" ] || die "no recording $analyse"
[ -n "$analyse" ] || port_free "$port" || die "port $port is in use"

bench_workspace profile

# record : runs Solo under wrk and leaves the recording in $work/solo.jfr (and a copy in $keep).
record() {
    mkdir -p "$work/files"
    head -c "$size" /dev/zero | tr '\0' 'a' >"$work/files/file.txt"
    write_static_conf "$work/solo.conf" "$port"

    JAVA_OPTS="$(solo_java_opts) -XX:+FlightRecorder"
    export JAVA_OPTS
    start_solo "$work/solo.conf" "$work/solo.log" 0
    url="http://127.0.0.1:$port/file.txt"
    wait_http "$url" "$SOLO_PID" || { tail -n 30 "$work/solo.log" >&2; die "Solo did not start"; }
    log "Solo started (pid $SOLO_PID); warming up for 8 s, then recording $seconds s"

    local header=()
    [ "$close" = 0 ] || header=(-H 'Connection: close')
    taskset -c 1 wrk -t1 -c"$connections" -d"$((seconds + 14))s" --latency "${header[@]}" "$url" \
        >"$work/wrk.out" 2>&1 &
    wrk_pid=$!
    helper_pids=("$wrk_pid")
    sleep 8
    jcmd "$SOLO_PID" JFR.start name=bench settings=profile duration="${seconds}s" filename="$work/solo.jfr" >/dev/null
    # JFR writes the file when the recording ends; wait for it (bounded).
    for ((i = 0; i < (seconds + 30) * 2; i++)); do
        [ -s "$work/solo.jfr" ] && ! jcmd "$SOLO_PID" JFR.check name=bench 2>/dev/null | grep -q running && break
        sleep 0.5
    done
    [ -s "$work/solo.jfr" ] || die "no recording written"
    for ((i = 0; i < 120; i++)); do kill -0 "$wrk_pid" 2>/dev/null || break; sleep 0.25; done
    stop_pid "$wrk_pid" wrk
    helper_pids=()
    mkdir -p "$(dirname "$keep")"
    cp "$work/solo.jfr" "$keep"
}

if [ -n "$analyse" ]; then
    cp "$analyse" "$work/solo.jfr"
    echo "(analysis of $analyse)" >"$work/wrk.out"
    JAVA_OPTS="(as recorded)"
else
    record
fi

for event in jdk.ExecutionSample jdk.NativeMethodSample jdk.ObjectAllocationSample jdk.GarbageCollection; do
    jfr print --events "$event" --stack-depth 64 "$work/solo.jfr" >"$work/$event.txt"
done

report="$BENCH_DIR/results/profile-latest.md"
{
    echo "# Solo profile: wrk -t1 -c$connections $([ "$close" = 1 ] && echo 'Connection: close' || echo keep-alive), $size B file, JFR $seconds s"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); load average $(cut -d' ' -f1-3 /proc/loadavg); Solo on CPU 0, wrk on CPU 1"
    echo "- JVM options: $JAVA_OPTS"
    echo "- wrk: $(grep -E 'requests in|Requests/sec|Socket errors|Non-2xx|\(analysis' "$work/wrk.out" | tr -s ' ' | paste -sd ';' -)"
    echo
    python3 - "$work" <<'EOF'
import re, sys
from collections import Counter

work = sys.argv[1]

def events(name):
    """Yields (fields, frames) for each event in a `jfr print` text file."""
    fields, frames, in_stack = {}, [], False
    with open(f"{work}/{name}.txt", encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.strip()
            if line.endswith("{") and not in_stack:
                fields, frames = {}, []
            elif line == "stackTrace = [":
                in_stack = True
            elif in_stack and line == "]":
                in_stack = False
            elif in_stack:
                if line != "...":
                    # One entry per method: drop line numbers, keep the parameter list.
                    frames.append(re.sub(r"\s+line: \d+$", "", line))
            elif line == "}":
                yield fields, frames
            elif " = " in line:
                key, value = line.split(" = ", 1)
                fields[key] = value

def table(title, counter, total, unit, limit=15):
    print(f"## {title}\n")
    print(f"| # | {unit} | % | method |")
    print("|---:|---:|---:|---|")
    for rank, (name, count) in enumerate(counter.most_common(limit), 1):
        share = 100.0 * count / total if total else 0
        shown = f"{count / 1048576:.1f} MiB" if unit == "allocated" else str(count)
        print(f"| {rank} | {shown} | {share:.1f} | `{name}` |")
    print()

self_time, inclusive, threads = Counter(), Counter(), Counter()
samples = 0
for fields, frames in events("jdk.ExecutionSample"):
    if not frames:
        continue
    samples += 1
    threads[fields.get("sampledThread", "?").split(" (")[0]] += 1
    self_time[frames[0]] += 1
    for method in set(frames):
        inclusive[method] += 1
print(f"Java samples: {samples} ({', '.join(f'{t}: {n}' for t, n in threads.most_common())})\n")
table("Hot methods (self, top frame of jdk.ExecutionSample)", self_time, samples, "samples")
table("Hot methods (inclusive: the method is anywhere on the stack)", inclusive, samples, "samples", 25)

native, native_solo = Counter(), Counter()
native_samples = 0
for fields, frames in events("jdk.NativeMethodSample"):
    if not frames:
        continue
    native_samples += 1
    native[frames[0]] += 1
    caller = next((f for f in frames if f.startswith("dev.solo.")), "(no dev.solo frame)")
    native_solo[caller] += 1
print(f"Native samples (thread in native code, mostly syscalls): {native_samples}\n")
table("Native methods (top frame of jdk.NativeMethodSample)", native, native_samples, "samples", 10)
table("Native time by first dev.solo caller", native_solo, native_samples, "samples", 10)

units = {"bytes": 1, "kB": 1024, "MB": 1048576, "GB": 1073741824}
by_class, by_site = Counter(), Counter()
seen_threads = set()
for fields, frames in events("jdk.ObjectAllocationSample"):
    # A thread's first sample weighs everything it allocated before the recording started: skip it.
    thread = fields.get("eventThread", "?")
    if thread not in seen_threads:
        seen_threads.add(thread)
        continue
    match = re.match(r"([\d.]+) (\w+)", fields.get("weight", "0 bytes"))
    weight = float(match.group(1)) * units.get(match.group(2), 1) if match else 0
    by_class[fields.get("objectClass", "?").split(" (")[0]] += weight
    site = next((f for f in frames if f.startswith("dev.solo.")), frames[0] if frames else "?")
    by_site[site] += weight
total_alloc = sum(by_class.values())
print(f"Allocated (estimated from jdk.ObjectAllocationSample weights): {total_alloc / 1048576:.0f} MiB\n")
table("Allocation by class", by_class, total_alloc, "allocated", 10)
table("Allocation by first dev.solo frame", by_site, total_alloc, "allocated", 15)

gcs, pause_ms = 0, 0.0
for fields, _ in events("jdk.GarbageCollection"):
    gcs += 1
    match = re.match(r"([\d.]+) (ms|s|us)", fields.get("sumOfPauses", "0 ms"))
    if match:
        pause_ms += float(match.group(1)) * {"s": 1000, "ms": 1, "us": 0.001}[match.group(2)]
print(f"Garbage collections: {gcs}, total pause {pause_ms:.0f} ms\n")
EOF
} >"$report"
cat "$report"
log "report written to bench/results/profile-latest.md${analyse:+ (from $analyse)}"
[ -n "$analyse" ] || log "recording kept in $keep (jfr print --events jdk.ExecutionSample $keep)"
