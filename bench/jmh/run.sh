#!/usr/bin/env bash
# Builds and runs the JMH micro-benchmarks of Solo's HTTP codec, with the GC profiler (allocation per operation).
#
# usage: bench/jmh/run.sh [JMH OPTIONS...]     e.g. bench/jmh/run.sh PathDecoder    or    bench/jmh/run.sh -f 2
#   Installs server-http and what it needs (parent pom, server-config, server-core) into the local Maven repository
#   (mvn -DskipTests install -pl server-http -am at the root), builds target/benchmarks.jar, then runs every
#   benchmark with short iterations (1 fork, 3 x 1 s warm-up, 5 x 1 s measurement: a few minutes in all) and
#   -prof gc. A default is left out when you give the same option (JMH refuses an option given twice).
#   A pattern is a regex over benchmark names: bench/jmh/run.sh 'ResponseHead|HeadEncoder|Router' (encoders, router).
# Environment: SKIP_INSTALL=1 skips the install step (use what the local repository already holds).
# Writes the human-readable output to bench/results/jmh-latest.txt and JMH's JSON to bench/results/jmh-latest.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
results="$root/bench/results"
mkdir -p "$results"

if [ "${SKIP_INSTALL:-0}" != 1 ]; then
    echo "installing server-http into the local repository..." >&2
    (cd "$root" && mvn -q -B -DskipTests install -pl server-http -am) >&2
fi
echo "building bench/jmh/target/benchmarks.jar..." >&2
(cd "$here" && mvn -q -B -DskipTests package) >&2

# Defaults, each dropped when the caller gives that option.
defaults=()
for pair in "-f 1" "-wi 3" "-w 1s" "-i 5" "-r 1s" "-prof gc"; do
    flag="${pair%% *}"
    given=0
    for arg in "$@"; do
        [ "$arg" = "$flag" ] && given=1
    done
    [ "$given" = 1 ] || defaults+=($pair)
done

# timeout bounds the whole run even if a benchmark misbehaves. The report replaces the last one only on success.
partial="$results/.jmh-partial.txt"
timeout -k 10 1800 java -jar "$here/target/benchmarks.jar" "${defaults[@]}" \
    -rf json -rff "$results/.jmh-partial.json" \
    "$@" | tee "$partial"
mv "$partial" "$results/jmh-latest.txt"
mv "$results/.jmh-partial.json" "$results/jmh-latest.json"
