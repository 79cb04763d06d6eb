#!/usr/bin/env bash
# Soak test: mixed load on Solo for N minutes over loopback, sampling its resources, then checking for leaks.
#
# usage: bench/soak.sh [--minutes 10] [--interval 30] [--heap-slack-mib 4] [--rss-slack-mib 16] [--gzip]
#   --minutes         how long the load runs (default 10)
#   --interval        seconds between samples (default 30)
#   --heap-slack-mib  heap growth tolerated on top of 25 % (default 4; see the checks below)
#   --rss-slack-mib   resident-memory growth tolerated after the first half (default 16; see the checks below)
#   --gzip            the same load with compression on: gzip on for text/plain and text/html at any length, and
#                     every client sends Accept-Encoding: gzip (deflaters' native memory shows in the RSS check)
# Environment: SOLO_NO_BUILD=1 runs the jars already built (see bench/lib.sh); JAVA_OPTS as for ./solo (the
# script adds -Djava.io.tmpdir=<private dir> so that only this server's CGI spool files are counted).
#
# Load, all on 127.0.0.1:18085 and all bounded in time:
#   - wrk -c50 keep-alive on a small static file, for the whole run;
#   - wrk -c10 with "Connection: close" on a missing file (404 page, one connection per request);
#   - a curl loop: a 200 KiB text file, CGI GET and POST (spooled body), a CGI that outlives cgi_timeout (504, child killed),
#     a CGI request the client abandons, PUT / GET / DELETE of uploads, an upload the client abandons mid-body,
#     and a malformed request.
# Every interval: jcmd GC.run then GC.heap_info (heap used after a full GC), open fds, threads, RSS,
# CLOSE_WAIT sockets, zombie children. At the end, after the load stops and connections drain, it fails (exit 1)
# when: the heap after GC exceeds the smallest one sampled under load in the first half of the run by more than
# 25 % + slack; the RSS exceeds the largest one sampled in the first half by more than its slack (memory outside the
# Java heap: direct buffers, metaspace, compiled code; a cache holding direct buffers once grew it 8 MiB a minute
# with a flat heap); the fds did not come back to the baseline taken before the load (+2); a zombie child exists; a
# .upload-*.part file or a solo-* temp file is left over; a socket on the port is in CLOSE_WAIT; or Solo died.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

minutes=10
interval=30
heap_slack_mib=4
rss_slack_mib=16
port=18085
gzip=0
while [ $# -gt 0 ]; do
    case "$1" in
        --minutes) minutes="${2:?}"; shift 2 ;;
        --interval) interval="${2:?}"; shift 2 ;;
        --heap-slack-mib) heap_slack_mib="${2:?}"; shift 2 ;;
        --rss-slack-mib) rss_slack_mib="${2:?}"; shift 2 ;;
        --gzip) gzip=1; shift ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$minutes" =~ ^[0-9]+$ && "$minutes" -ge 1 && "$minutes" -le 1440 ]] || die "--minutes must be 1..1440"
[[ "$interval" =~ ^[0-9]+$ && "$interval" -ge 5 ]] || die "--interval must be at least 5"
[[ "$heap_slack_mib" =~ ^[0-9]+$ ]] || die "--heap-slack-mib must be a whole number"
[[ "$rss_slack_mib" =~ ^[0-9]+$ ]] || die "--rss-slack-mib must be a whole number"

need_tools wrk curl ss jcmd
port_free "$port" || die "port $port is in use"

bench_workspace soak

# --- site -----------------------------------------------------------------------------------------------------
mkdir -p "$work/files/uploads" "$work/files/cgi-bin" "$work/tmp"
head -c 1024 /dev/zero | tr '\0' 'x' >"$work/files/small.txt"
# Larger than the file cache's 64 KiB: sent with sendfile, or compressed from the file in pieces under --gzip.
head -c 150000 /dev/urandom | base64 >"$work/files/big.txt"
cat >"$work/files/cgi-bin/hello.sh" <<'EOF'
#!/usr/bin/env bash
printf 'Content-Type: text/plain\n\nhello %s\n' "${QUERY_STRING-}"
EOF
cat >"$work/files/cgi-bin/echo.sh" <<'EOF'
#!/usr/bin/env bash
# Echoes the request body's length: reads all of stdin.
bytes=$(wc -c)
printf 'Content-Type: text/plain\n\nread %s bytes\n' "$bytes"
EOF
cat >"$work/files/cgi-bin/sleep.sh" <<'EOF'
#!/usr/bin/env bash
seconds=${QUERY_STRING-1}
[[ $seconds =~ ^[0-9]+$ ]] && (( seconds <= 10 )) || seconds=1
sleep "$seconds"
printf 'Content-Type: text/plain\n\nslept %s\n' "$seconds"
EOF
chmod 755 "$work/files/cgi-bin/"*.sh

gzip_conf=""
accept=()
if [ "$gzip" = 1 ]; then
    gzip_conf="gzip on; gzip_min_length 0; gzip_types text/plain text/html;"
    accept=(-H 'Accept-Encoding: gzip')
fi
cat >"$work/solo.conf" <<EOF
access_log off;
max_connections 10000;
server {
    listen 127.0.0.1:$port;
    server_name localhost;
    root files;
    $gzip_conf
    location / { }
    location /uploads/ {
        upload on;
        methods GET PUT POST DELETE;
        client_max_body_size 10m;
    }
    location /cgi-bin/ {
        cgi .sh bash;
        cgi_timeout 2s;
        methods GET POST;
    }
}
EOF

# --- sampling -------------------------------------------------------------------------------------------------
fd_count() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
thread_count() { awk '/^Threads:/ {print $2}' "/proc/$1/status" 2>/dev/null || echo -1; }
close_wait_count() { ss -Htan state close-wait "( sport = :$port )" | wc -l; }
zombie_count() { ps -o stat= --ppid "$1" 2>/dev/null | grep -c '^Z' || true; }
part_file_count() { find "$work/files" -name '.upload-*.part' 2>/dev/null | wc -l; }
spool_file_count() { find "$work/tmp" -maxdepth 1 -name 'solo-*' 2>/dev/null | wc -l; }

samples="$work/samples.tsv"
printf 'time\theap_kib\tfds\tthreads\trss_kib\tclose_wait\tzombies\tpart_files\tspool_files\n' >"$samples"
sample() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(heap_after_gc_kb "$SOLO_PID")" "$(fd_count "$SOLO_PID")" \
        "$(thread_count "$SOLO_PID")" "$(rss_kb "$SOLO_PID")" "$(close_wait_count)" "$(zombie_count "$SOLO_PID")" \
        "$(part_file_count)" "$(spool_file_count)" | tee -a "$samples" >&2
}

# --- the curl mix ---------------------------------------------------------------------------------------------
# hit LABEL CURL-ARGS... : one curl request; appends "LABEL STATUS" to codes.log (000: no response).
hit() {
    local label="$1" code
    shift
    code="$(curl -s -o /dev/null -w '%{http_code}' "${accept[@]}" "$@" 2>/dev/null)" || true
    echo "$label ${code:-000}" >>"$work/codes.log"
}

# curl_mix END_EPOCH : one round of assorted requests after another until END_EPOCH (at most 100000 rounds).
curl_mix() {
    local end="$1" i base="http://127.0.0.1:$port" body="$work/body.bin" big="$work/big.bin"
    head -c 65536 /dev/urandom >"$body"
    head -c 2000000 /dev/urandom >"$big"
    for ((i = 0; i < 100000; i++)); do
        [ "$(date +%s)" -lt "$end" ] || break
        hit "cgi-get" --max-time 10 "$base/cgi-bin/hello.sh?round=$i"
        hit "cgi-post-64k" --max-time 10 --data-binary "@$body" "$base/cgi-bin/echo.sh"
        hit "upload-put-64k" --max-time 10 -T "$body" "$base/uploads/soak-$i.bin"
        hit "upload-get" --max-time 10 "$base/uploads/soak-$i.bin"
        hit "upload-delete" --max-time 10 -X DELETE "$base/uploads/soak-$i.bin"
        hit "missing" --max-time 10 "$base/missing-$i"
        hit "big-text" --max-time 10 "$base/big.txt"
        if ((i % 10 == 0)); then
            # The CGI outlives cgi_timeout (2 s): Solo answers 504 and must kill and reap the child.
            hit "cgi-timeout" --max-time 10 "$base/cgi-bin/sleep.sh?4"
            # The client gives up while the CGI runs: Solo must still kill and reap the child.
            hit "cgi-abandoned" --max-time 0.3 "$base/cgi-bin/sleep.sh?1"
            # The client gives up mid-body: Solo must delete the staged .upload-*.part file.
            hit "upload-abandoned" --max-time 0.5 --limit-rate 200k -T "$big" "$base/uploads/aborted-$i.bin"
            # A malformed request line: 400 and close.
            printf 'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n' | timeout 5 curl -s -o /dev/null \
                "telnet://127.0.0.1:$port" >/dev/null 2>&1 || true
        fi
    done
    echo "$i" >"$work/curl-rounds"
}

# --- run ------------------------------------------------------------------------------------------------------
JAVA_OPTS="$(solo_java_opts) -Djava.io.tmpdir=$work/tmp"
export JAVA_OPTS
start_solo "$work/solo.conf" "$work/solo.log"
wait_http "http://127.0.0.1:$port/small.txt" "$SOLO_PID" || { tail -n 30 "$work/solo.log" >&2; die "Solo did not start"; }
log "Solo started (pid $SOLO_PID) on 127.0.0.1:$port; JVM options: $JAVA_OPTS"
curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/cgi-bin/hello.sh" | grep -q 200 ||
    log "warning: the CGI probe did not answer 200"
baseline_fds="$(fd_count "$SOLO_PID")"
log "baseline: $baseline_fds fds; load for $minutes min, a sample every $interval s"
sample start

seconds=$((minutes * 60))
end=$(($(date +%s) + seconds))
wrk -t1 -c50 -d"${seconds}s" --timeout 10s "${accept[@]}" "http://127.0.0.1:$port/small.txt" >"$work/wrk-ka.out" 2>&1 &
helper_pids+=($!)
wrk -t1 -c10 -d"${seconds}s" --timeout 10s -H 'Connection: close' "${accept[@]}" "http://127.0.0.1:$port/missing.txt" \
    >"$work/wrk-close.out" 2>&1 &
helper_pids+=($!)
curl_mix "$end" >/dev/null 2>&1 &
helper_pids+=($!)

first_heap=""
first_rss=""
elapsed=0
while [ "$elapsed" -lt "$seconds" ]; do
    step=$((seconds - elapsed < interval ? seconds - elapsed : interval))
    sleep "$step"
    elapsed=$((elapsed + step))
    kill -0 "$SOLO_PID" 2>/dev/null || break
    sample "${elapsed}s"
    # The reference is the smallest heap sampled under load in the first half of the run: by then classes are
    # loaded and caches are warm, and the smallest sample carries the fewest objects of requests in flight.
    if [ $((elapsed * 2)) -le "$seconds" ] || [ -z "$first_heap" ]; then
        heap_now="$(tail -n 1 "$samples" | cut -f2)"
        if [ "$heap_now" -ge 0 ] && { [ -z "$first_heap" ] || [ "$heap_now" -lt "$first_heap" ]; }; then
            first_heap="$heap_now"
        fi
    fi
    # For the RSS, the largest sample of the first half: the JIT and the heap's committed size grow it early on;
    # what comes after that on an unchanging load is memory something keeps.
    if [ $((elapsed * 2)) -le "$seconds" ] || [ -z "$first_rss" ]; then
        rss_now="$(tail -n 1 "$samples" | cut -f5)"
        if [ -z "$first_rss" ] || [ "$rss_now" -gt "$first_rss" ]; then
            first_rss="$rss_now"
        fi
    fi
done

for p in "${helper_pids[@]}"; do
    # wrk stops by itself; the curl loop stops at $end; wait at most 30 s more for either.
    for ((i = 0; i < 120; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
    stop_pid "$p" load
done
helper_pids=()

alive=1
kill -0 "$SOLO_PID" 2>/dev/null || alive=0
failures=()
if [ "$alive" = 1 ]; then
    # Let closed connections and reaped children settle: up to 20 s for the fds to come back.
    for ((i = 0; i < 40; i++)); do
        [ "$(fd_count "$SOLO_PID")" -le $((baseline_fds + 2)) ] && break
        sleep 0.5
    done
    sample end
    read -r _ heap fds threads rss close_wait zombies parts spools < <(tail -n 1 "$samples")
    first_heap="${first_heap:-$heap}"
    allowed=$((first_heap + first_heap / 4 + heap_slack_mib * 1024))
    if [ "$heap" -lt 0 ]; then
        failures+=("jcmd could not read the heap at the end")
    elif [ "$heap" -gt "$allowed" ]; then
        failures+=("heap after GC grew from ${first_heap} KiB to ${heap} KiB (allowed ${allowed} KiB)")
    fi
    first_rss="${first_rss:-$rss}"
    allowed_rss=$((first_rss + rss_slack_mib * 1024))
    [ "$rss" -le "$allowed_rss" ] \
        || failures+=("RSS grew from ${first_rss} KiB (first half) to ${rss} KiB (allowed ${allowed_rss} KiB)")
    [ "$fds" -le $((baseline_fds + 2)) ] || failures+=("$fds open fds, baseline $baseline_fds")
    [ "$zombies" -eq 0 ] || failures+=("$zombies zombie child process(es)")
    [ "$parts" -eq 0 ] || failures+=("$parts leftover .upload-*.part file(s)")
    [ "$spools" -eq 0 ] || failures+=("$spools leftover solo-* temp file(s) in java.io.tmpdir")
    [ "$close_wait" -eq 0 ] || failures+=("$close_wait socket(s) in CLOSE_WAIT on port $port")
else
    failures+=("Solo died during the soak (see its log below)")
fi

echo
echo "Soak: $minutes min on 127.0.0.1:$port$([ "$gzip" = 1 ] && echo ', gzip on'); curl rounds: $(cat "$work/curl-rounds" 2>/dev/null || echo '?')"
echo
echo "| time | heap after GC KiB | fds | threads | RSS KiB | CLOSE_WAIT | zombies | .part files | solo-* files |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
awk -F'\t' 'NR > 1 {printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}' "$samples"
echo
echo "curl mix, requests by kind and status (000 = no response, expected for the abandoned ones):"
sort "$work/codes.log" 2>/dev/null | uniq -c | awk '{printf "  %-18s %s x %s\n", $2, $3, $1}'
echo
for f in wrk-ka wrk-close; do
    echo "$f: $(grep -E 'requests in|Socket errors|Non-2xx' "$work/$f.out" | tr -s ' ' | paste -sd ';' -)"
done
if grep -Eq 'ERROR|WARN|Exception' "$work/solo.log"; then
    echo
    echo "Solo logged warnings or errors (counts):"
    grep -E 'ERROR|WARN|Exception' "$work/solo.log" | sed -E 's/^[0-9:.]+ //' | sort | uniq -c | sort -rn | head -n 20
fi
[ "$alive" = 1 ] || tail -n 40 "$work/solo.log"
echo
if [ "${#failures[@]}" -gt 0 ]; then
    printf 'LEAK: %s\n' "${failures[@]}"
    exit 1
fi
echo "no leak found"
