#!/usr/bin/env bash
# Compression side by side with nginx, in one run, over loopback only.
#
# usage: bench/gzip.sh [--duration SECONDS] [--warmup SECONDS] [--server-warmup SECONDS]
#   --duration       length of each wrk run (default 10)
#   --warmup         unmeasured wrk run before each workload (default 2)
#   --server-warmup  unmeasured wrk run when a server starts (default 15; Solo's JIT needs it)
# Environment: SOLO_NO_BUILD=1 runs the jars already built instead of ./solo (see bench/lib.sh).
#
# Part 1, requests per server CPU-second for one 20 KiB HTML page (generated; about 9:1 compressible), wrk -t1 -c50 keep-alive
# with "Accept-Encoding: gzip", each server pinned to CPU 0 and wrk to CPU 1, the same settings on both:
#   off     gzip off
#   gzip1   gzip on, gzip_comp_level 1
#   gzip6   gzip on, gzip_comp_level 6
#   static  gzip_static on (page.html.gz made with gzip -9 beside the page)
# Part 2, bytes on the wire of the demo's pages: Solo serving examples/solo.conf, each page fetched with curl without
# and with Accept-Encoding (the demo before and after compression; headers not counted).
# Writes the report to bench/results/gzip.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

duration=10
warmup=2
server_warmup=15
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration="${2:?}"; shift 2 ;;
        --warmup) warmup="${2:?}"; shift 2 ;;
        --server-warmup) server_warmup="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done
[[ "$duration" =~ ^[0-9]+$ && "$duration" -ge 1 && "$duration" -le 600 ]] || die "--duration must be 1..600"
[[ "$warmup" =~ ^[0-9]+$ && "$warmup" -le 60 ]] || die "--warmup must be 0..60"
[[ "$server_warmup" =~ ^[0-9]+$ && "$server_warmup" -le 300 ]] || die "--server-warmup must be 0..300"

declare -A port=([solo]=18091 [nginx]=18092)
demo_port=18093
need_tools wrk taskset curl ss gzip nginx
for p in "${port[solo]}" "${port[nginx]}" "$demo_port"; do
    port_free "$p" || die "port $p is in use"
done

bench_workspace gzip
chmod 755 "$work"
nginx_pid=""
cleanup_nginx() {
    [ -n "$nginx_pid" ] && stop_pid "$nginx_pid" nginx
    bench_cleanup
}
trap cleanup_nginx EXIT

# --- the page ------------------------------------------------------------------------------------------------
# HTML-like text that compresses about as a real page does; the same bytes in each location's directory.
python3 - "$work/page.html" <<'EOF'
import sys
out = ['<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Solo bench page</title></head><body>\n']
size, i = len(out[0]), 0
while size < 20 * 1024:
    line = ('<p class="row-%d"><a href="/articles/%d.html">Article %d</a>: the loop serves line %d of this page, '
            'compressed or not.</p>\n' % (i % 13, i * 7919 % 10007, i, i))
    out.append(line)
    size += len(line)
    i += 1
sys.stdout = open(sys.argv[1], 'w')
sys.stdout.write(''.join(out)[:20 * 1024])
EOF
for dir in off gzip1 gzip6 static; do
    mkdir -p "$work/files/$dir"
    cp "$work/page.html" "$work/files/$dir/page.html"
done
gzip -9 -k -n "$work/files/static/page.html"
chmod -R a+rX "$work/files"

# --- configs -------------------------------------------------------------------------------------------------
cat >"$work/solo.conf" <<EOF
access_log off;
max_connections 10000;
keepalive_requests 100000000;
server {
    listen 127.0.0.1:${port[solo]};
    server_name localhost;
    root files;
    gzip_types text/html;
    gzip_min_length 1000;
    location /off/ { gzip off; }
    location /gzip1/ { gzip on; gzip_comp_level 1; }
    location /gzip6/ { gzip on; gzip_comp_level 6; }
    location /static/ { gzip_static on; }
}
EOF

write_nginx_conf "$(cat <<EOF
    types { text/html html; }
    gzip_types text/html;
    gzip_min_length 1000;
    gzip_vary on;
    server {
        listen 127.0.0.1:${port[nginx]};
        server_name localhost;
        root $work/files;
        location /off/ { gzip off; }
        location /gzip1/ { gzip on; gzip_comp_level 1; }
        location /gzip6/ { gzip on; gzip_comp_level 6; }
        location /static/ { gzip_static on; }
    }
EOF
)"

start_solo "$work/solo.conf" "$work/solo.log" 0
wait_http "http://127.0.0.1:${port[solo]}/off/page.html" "$SOLO_PID" || { tail -n 30 "$work/solo.log" >&2; die "Solo did not start"; }
taskset -c 0 nginx -c "$work/nginx.conf" -p "$work" >"$work/nginx.log" 2>&1 &
nginx_pid=$!
wait_http "http://127.0.0.1:${port[nginx]}/off/page.html" "$nginx_pid" 30 || { cat "$work/nginx.log" >&2; die "nginx did not start"; }
declare -A pid=([solo]="$SOLO_PID" [nginx]="$nginx_pid")
log "Solo (pid $SOLO_PID) and nginx (pid $nginx_pid) started"

# Both must send the same thing: compressed where asked, and decoding to the page.
for s in solo nginx; do
    for w in gzip1 gzip6 static; do
        url="http://127.0.0.1:${port[$s]}/$w/page.html"
        enc="$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%header{content-encoding}' "$url" 2>/dev/null || true)"
        curl -s --compressed "$url" | cmp -s - "$work/page.html" || die "$s $w: the decoded body differs from the page"
        [ -z "$enc" ] || [ "$enc" = gzip ] || die "$s $w: Content-Encoding '$enc'"
    done
done

for s in solo nginx; do
    if [ "$server_warmup" -gt 0 ]; then
        log "warming $s up for ${server_warmup}s"
        for w in off gzip1 gzip6 static; do
            timeout $((server_warmup + 30)) taskset -c 1 wrk -t1 -c50 -d"$(( (server_warmup + 3) / 4 ))s" \
                -H 'Accept-Encoding: gzip' "http://127.0.0.1:${port[$s]}/$w/page.html" >/dev/null 2>&1 || true
        done
    fi
done

results="$work/results.tsv"
printf 'workload\tserver\trps\treq_per_cpu_s\tbytes_per_response\n' >"$results"
measure() {
    local w="$1" s="$2" url="http://127.0.0.1:${port[$2]}/$1/page.html" out="$work/wrk.out" t0 t1 requests rps cpu_s
    local per_cpu bytes
    [ "$warmup" -gt 0 ] && taskset -c 1 wrk -t1 -c50 -d"${warmup}s" -H 'Accept-Encoding: gzip' "$url" >/dev/null 2>&1 || true
    t0="$(cpu_ticks "${pid[$s]}")"
    timeout $((duration + 30)) taskset -c 1 wrk -t1 -c50 -d"${duration}s" --timeout 5s -H 'Accept-Encoding: gzip' \
        "$url" >"$out" 2>&1 || true
    t1="$(cpu_ticks "${pid[$s]}")"
    requests="$(awk '/requests in/ {print $1}' "$out")"
    rps="$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out")"
    cpu_s="$(awk -v a="$t0" -v b="$t1" -v hz="$CLK_TCK" 'BEGIN {printf "%.3f", (b - a) / hz}')"
    per_cpu="$(awk -v r="${requests:-0}" -v c="$cpu_s" 'BEGIN {if (c > 0) printf "%.0f", r / c; else print "n/a"}')"
    bytes="$(curl -s -o /dev/null -H 'Accept-Encoding: gzip' -w '%{size_download}' "$url")"
    log "  $w $s: ${rps:-0} req/s, $per_cpu req/CPU-s (cpu ${cpu_s}s), $bytes B per response"
    printf '%s\t%s\t%s\t%s\t%s\n' "$w" "$s" "${rps:-0}" "$per_cpu" "$bytes" >>"$results"
}
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for w in off gzip1 gzip6 static; do
    for s in solo nginx; do
        kill -0 "${pid[$s]}" 2>/dev/null || die "$s died"
        measure "$w" "$s"
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
if grep -Eq 'ERROR|WARN|Exception' "$work/solo.log"; then
    log "Solo logged warnings or errors:"
    grep -E 'ERROR|WARN|Exception' "$work/solo.log" | head -n 20 | sed 's/^/    /' >&2
fi
stop_pid "$SOLO_PID" solo
SOLO_PID=""

# --- bytes on the wire of the demo ------------------------------------------------------------------------------
cp -r "$ROOT_DIR/examples" "$work/demo"
sed -i "s/listen 127.0.0.1:8080;/listen 127.0.0.1:$demo_port;/; s/listen 127.0.0.1:8081;/listen 127.0.0.1:$((demo_port + 1));/" \
    "$work/demo/solo.conf"
port_free $((demo_port + 1)) || die "port $((demo_port + 1)) is in use"
start_solo "$work/demo/solo.conf" "$work/demo.log"
wait_http "http://127.0.0.1:$demo_port/" "$SOLO_PID" || { tail -n 30 "$work/demo.log" >&2; die "the demo did not start"; }
demo="$work/demo.tsv"
for page in / /about.html /css/site.css /images/logo.svg /upload.html /files/ /cgi-bin/env.py /no-such-page; do
    plain="$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$demo_port$page")"
    packed="$(curl -s -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' -w '%{size_download} %header{content-encoding}' \
        "http://127.0.0.1:$demo_port$page")"
    printf '%s\t%s\t%s\t%s\n' "$page" "$plain" "${packed%% *}" "${packed#* }" >>"$demo"
done

report="$work/report.md"
{
    echo "# Compression: Solo vs nginx, one 20 KiB HTML page, and the demo's bytes on the wire"
    echo
    echo "- date: $started; machine: $(nproc) CPUs, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "- load average before/after: $load_before / $load_after (other work on the machine skews results)"
    echo "- servers on CPU 0, wrk -t1 -c50 on CPU 1 with Accept-Encoding: gzip, ${duration}s per run after ${warmup}s"
    echo "- Solo: $(git -C "$ROOT_DIR" rev-parse --short HEAD 2>/dev/null || echo '?'), JVM options: $(solo_java_opts)"
    echo "- $(nginx -v 2>&1 | sed 's/^nginx version: //') (1 worker, sendfile on, access_log off, gzip_vary on)"
    echo
    echo "| workload | server | req/s | req/CPU-s | bytes per response |"
    echo "|---|---|---:|---:|---:|"
    awk -F'\t' 'NR > 1 {printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}' "$results"
    echo
    echo "| workload | req/CPU-s Solo / nginx | Solo req/CPU-s vs its own gzip off |"
    echo "|---|---:|---:|"
    awk -F'\t' 'NR > 1 { if (!($1 in seen)) { seen[$1] = ++n; names[n] = $1 } cpu[$1, $2] = $4 }
        END { for (i = 1; i <= n; i++) { w = names[i]
            printf "| %s | %.2f | %.2f |\n", w, cpu[w, "solo"] / cpu[w, "nginx"], cpu[w, "solo"] / cpu["off", "solo"] } }' \
        "$results"
    echo
    echo "Demo pages (examples/solo.conf), body bytes without and with Accept-Encoding:"
    echo
    echo "| page | identity | compressed | coding | saved |"
    echo "|---|---:|---:|---|---:|"
    awk -F'\t' '{ saved = ($2 > 0) ? sprintf("%.0f %%", 100 * (1 - $3 / $2)) : "n/a"
        printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, ($4 == "" ? "identity" : $4), saved
        a += $2; b += $3 } END { printf "| all | %d | %d | | %.0f %% |\n", a, b, 100 * (1 - b / a) }' "$demo"
} >"$report"
mkdir -p "$BENCH_DIR/results"
cp "$report" "$BENCH_DIR/results/gzip.md"
echo
cat "$report"
log "written to bench/results/gzip.md"
