#!/usr/bin/env bash
# Runs the embedded example in the foreground on 127.0.0.1:PORT, building what is missing first:
#   - Solo itself, installed into the local Maven repository (mvn install at the root) when it is not there yet or
#     when Solo's sources changed since this script last installed it;
#   - this program (mvn package here), which reaches Solo only by its coordinates, like any outside project.
# SOLO_MVN_FLAGS adds Maven flags to both builds (e.g. -o); JAVA_OPTS adds JVM options.
set -euo pipefail
port=${1:?usage: examples/embedded-app/run.sh PORT}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
repo=${SOLO_M2_REPO:-$HOME/.m2/repository}
mvn_flags=${SOLO_MVN_FLAGS:-}
version=$(sed -n 's:.*<solo.version>\(.*\)</solo.version>.*:\1:p' "$here/pom.xml")
installed="$repo/dev/solo/server-app/$version/server-app-$version.jar"
stamp="$here/target/solo-installed.stamp"
jar="$here/target/embedded-app-1.0.0-SNAPSHOT.jar"

changed_since() { # FILE PATH...: whether a file under the paths is newer than FILE
    local since=$1
    shift
    [ -n "$(find "$@" -type f -newer "$since" -print -quit 2>/dev/null)" ]
}

if [ ! -f "$installed" ] || [ ! -f "$stamp" ] \
        || changed_since "$stamp" "$root/pom.xml" "$root"/server-*/pom.xml "$root"/server-*/src; then
    echo "run.sh: installing Solo $version into $repo (mvn install -DskipTests at the root)" >&2
    # shellcheck disable=SC2086 # the flags are words
    (cd "$root" && mvn -q $mvn_flags install -DskipTests)
    mkdir -p "$here/target"
    touch "$stamp"
fi
if [ ! -f "$jar" ] || [ ! -d "$here/target/lib" ] || changed_since "$jar" "$here/pom.xml" "$here/src" "$stamp"; then
    echo "run.sh: building the embedded app" >&2
    # shellcheck disable=SC2086
    (cd "$here" && mvn -q $mvn_flags package)
fi
cd "$here"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -cp "$jar:target/lib/*" dev.solo.examples.embedded.EmbeddedApp "$port" public
