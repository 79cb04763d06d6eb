# Shared helpers for the bench scripts (compare.sh, siege.sh, soak.sh, ...). Source it; do not run it.
#
# Everything here targets 127.0.0.1 only, and every wait loop is bounded in iterations.
# Environment understood by start_solo:
#   SOLO_NO_BUILD=1   run the jars already in server-app/target/modules even when a source is newer (./solo
#                     would rebuild them, and a tree that is being edited may not compile)
#   JAVA_OPTS         replaces the launcher's default JVM options, exactly as for ./solo

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
CLK_TCK="$(getconf CLK_TCK)"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 2; }

# need_tools TOOL... : installs the Debian packages that provide missing tools (needs root).
need_tools() {
    local missing=() tool pkg
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1 && ! [ -x "/usr/sbin/$tool" ]; then
            case "$tool" in
                ab) pkg=apache2-utils ;;
                taskset) pkg=util-linux ;;
                ss) pkg=iproute2 ;;
                *) pkg="$tool" ;;
            esac
            missing+=("$pkg")
        fi
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || die "missing ${missing[*]}; install them (apt-get install -y ${missing[*]})"
    log "installing ${missing[*]}"
    # The package lists may be empty on a fresh machine: update once, then install.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 || {
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    }
    # Debian starts the nginx/lighttpd services on install where it can; the benchmarks run their own copies.
    for pkg in nginx lighttpd; do
        if [[ " ${missing[*]} " == *" $pkg "* ]] && command -v service >/dev/null 2>&1; then
            service "$pkg" stop >/dev/null 2>&1 || true
        fi
    done
}

# port_free PORT : fails when something already listens on 127.0.0.1:PORT.
port_free() {
    ! ss -Htln "sport = :$1" | grep -q .
}

# wait_http URL PID [SECONDS] : waits until URL answers, as long as PID lives; fails after SECONDS (default 180,
# enough for ./solo to rebuild the project first).
wait_http() {
    local url="$1" pid="$2" limit="${3:-180}" i
    for ((i = 0; i < limit * 4; i++)); do
        curl -sk -o /dev/null --max-time 2 "$url" && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.25
    done
    return 1
}

# solo_java_opts : the JVM options Solo runs with: JAVA_OPTS if set, else the launcher's default_opts.
solo_java_opts() {
    if [ -n "${JAVA_OPTS:-}" ]; then
        printf '%s' "$JAVA_OPTS"
    else
        sed -n 's/^default_opts="\(.*\)"$/\1/p' "$ROOT_DIR/solo"
    fi
}

# start_solo CONFIG LOGFILE [CPU] : starts Solo in the background (pinned to CPU when given) and sets SOLO_PID.
# The PID is the JVM's: ./solo ends with exec, and so does taskset. Call it directly, not in $(...), so the JVM
# stays a child of the calling shell.
start_solo() {
    local config="$1" logfile="$2" cpu="${3:-}" pin=()
    [ -n "$cpu" ] && pin=(taskset -c "$cpu")
    if [ "${SOLO_NO_BUILD:-0}" = 1 ]; then
        [ -d "$ROOT_DIR/server-app/target/modules" ] || die "no server-app/target/modules: build first"
        # Through the launcher all the same, so the run gets its environment and class-data archive.
        SOLO_NO_BUILD=1 "${pin[@]}" "$ROOT_DIR/solo" "$config" >"$logfile" 2>&1 &
    else
        # Build (if stale) and validate outside the pinned CPU, so the build does not count as server start-up.
        "$ROOT_DIR/solo" --check "$config" >"$logfile" 2>&1 || {
            tail -n 30 "$logfile" >&2
            die "./solo --check $config failed (set SOLO_NO_BUILD=1 to run the jars already built)"
        }
        "${pin[@]}" "$ROOT_DIR/solo" "$config" >>"$logfile" 2>&1 &
    fi
    SOLO_PID=$!
}

# bench_workspace NAME : makes $work, a private directory /tmp/bench-NAME.XXXXXX, and sets a trap so that on any exit
# the processes in helper_pids (load generators, clients) and Solo ($SOLO_PID) are stopped and $work is removed.
bench_workspace() {
    work="$(mktemp -d "/tmp/bench-$1.XXXXXX")"
    SOLO_PID=""
    helper_pids=()
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

bench_cleanup() {
    local p
    for p in "${helper_pids[@]}"; do
        stop_pid "$p" helper
    done
    [ -n "$SOLO_PID" ] && stop_pid "$SOLO_PID" solo
    rm -rf "$work"
}

# stop_pid PID [NAME] : SIGTERM, then SIGKILL after 10 s. Only ever called with PIDs this script started.
stop_pid() {
    local pid="$1" name="${2:-process}" i
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.25
    done
    log "$name ($pid) ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

# tree_pids PID : PID and its direct children (nginx's master and worker).
tree_pids() {
    echo "$1"
    pgrep -P "$1" 2>/dev/null || true
}

# cpu_ticks PID : utime + stime of PID and its direct children, in clock ticks (/proc/PID/stat fields 14 and 15;
# the command name in field 2 may hold spaces, so fields are counted after its closing parenthesis).
cpu_ticks() {
    local total=0 p stat rest
    for p in $(tree_pids "$1"); do
        stat="$(cat "/proc/$p/stat" 2>/dev/null)" || continue
        rest="${stat##*) }"
        # shellcheck disable=SC2086
        set -- $rest
        total=$((total + ${12} + ${13}))
    done
    echo "$total"
}

# heap_after_gc_kb PID : used heap (all generations) right after a full GC, from jcmd GC.heap_info.
heap_after_gc_kb() {
    jcmd "$1" GC.run >/dev/null 2>&1 || { echo -1; return; }
    jcmd "$1" GC.heap_info 2>/dev/null | awk '
        /Metaspace|class space/ {next}
        /(generation|heap)[[:space:]]+total/ {
            for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); sum += v } }
        END {print sum + 0}'
}

# rss_kb PID : VmRSS of PID and its direct children, in KiB.
rss_kb() {
    local total=0 p kb
    for p in $(tree_pids "$1"); do
        kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null)" || continue
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# sample_max_rss PID OUTFILE SECONDS : writes the largest rss_kb seen every 0.2 s, for at most SECONDS.
# Run it in the background and kill it when the load ends.
sample_max_rss() {
    local pid="$1" out="$2" limit="$3" max=0 kb i
    for ((i = 0; i < limit * 5; i++)); do
        kb="$(rss_kb "$pid")"
        if [ "$kb" -gt "$max" ]; then
            max="$kb"
            # Write then rename, so a reader never sees the file empty.
            echo "$max" >"$out.tmp" && mv -f "$out.tmp" "$out"
        fi
        sleep 0.2
    done
}

# write_static_conf FILE PORT : the config the load scripts serve static files with: one server on 127.0.0.1:PORT
# whose root is the folder "files" beside FILE, no access log, and connection and keep-alive limits no run reaches.
write_static_conf() {
    cat >"$1" <<EOF
access_log off;
max_connections 10000;
keepalive_requests 100000000;
server {
    listen 127.0.0.1:$2;
    server_name localhost;
    root files;
    location / { }
}
EOF
}

# write_siegerc FILE MODE USERS : a siegerc for one connection mode (keep-alive or close) allowing USERS concurrent
# users, with logging and the HTML parser off, HTTP/1.1 and a JSON summary. Siege is always run with -R FILE, so
# nothing is read from ~/.siege.
write_siegerc() {
    cat >"$1" <<EOF
verbose = false
quiet = false
color = off
json_output = true
show-logfile = false
logging = false
parser = false
protocol = HTTP/1.1
connection = $2
limit = $3
timeout = 30
failures = 1000000
accept-encoding =
internet = false
benchmark = true
EOF
}

# siege_field NAME FILE : one number from siege's JSON summary (empty when siege wrote none).
siege_field() {
    sed -n "s/.*\"$1\":[[:space:]]*\([0-9.]*\).*/\1/p" "$2" | head -n 1
}

# write_nginx_conf HTTP_LINES: $work/nginx.conf for the side-by-side runs: one nginx worker in the foreground
# (pinned by the caller), pid, error log and temporary files under $work, keep-alive as long as Solo's runs allow.
# HTTP_LINES, the caller's own part of the http block (types, gzip, server blocks), come after the shared lines.
write_nginx_conf() {
    mkdir -p "$work/nginx-tmp"
    cat >"$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
worker_rlimit_nofile 8192;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000000;
    keepalive_timeout 60s;
    default_type application/octet-stream;
    client_body_temp_path $work/nginx-tmp/body;
    proxy_temp_path $work/nginx-tmp/proxy;
    fastcgi_temp_path $work/nginx-tmp/fastcgi;
    uwsgi_temp_path $work/nginx-tmp/uwsgi;
    scgi_temp_path $work/nginx-tmp/scgi;
$1
}
EOF
}
