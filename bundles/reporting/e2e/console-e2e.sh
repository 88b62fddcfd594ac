#!/bin/bash
# End-to-end test of the Web Console's "File Integrity" tab in a real browser (headless Chromium),
# against `fio run` on loopback with the example sha256sum provider. Screenshots of every page land in
# bundles/reporting/target/e2e/ (override with E2E_OUT). Needs the built distribution
# (distribution/target/fio, or FIO_HOME), chromium (CHROMIUM, default /usr/bin/chromium) and a JDK 17.
# The distribution is copied to a temporary folder; if bundles/reporting/target holds a different reporting
# jar it replaces the copy's, so the test checks the reporting code as built now.
# Exit codes: 0 passed, 1 an expectation failed, 2 something needed is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../../.." && pwd -P)
fio_home=${FIO_HOME:-$repo/distribution/target/fio}
chromium=${CHROMIUM:-/usr/bin/chromium}
out=${E2E_OUT:-$repo/bundles/reporting/target/e2e}
classes=$repo/bundles/reporting/target/classes

[ -x "$fio_home/bin/fio" ] || { echo "console-e2e: $fio_home/bin/fio is missing; run mvn -B package first" >&2; exit 2; }
[ -x "$chromium" ] || { echo "console-e2e: $chromium is missing; apt-get install chromium" >&2; exit 2; }
[ -d "$classes" ] || { echo "console-e2e: $classes is missing; build bundles/reporting first" >&2; exit 2; }
command -v javac >/dev/null || { echo "console-e2e: javac is missing (a JDK 17 is needed)" >&2; exit 2; }

work=$(mktemp -d)
fio_pid=
chromium_pid=
cleanup() {
    [ -n "$chromium_pid" ] && kill "$chromium_pid" 2>/dev/null || true
    [ -n "$fio_pid" ] && kill "$fio_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 20000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}

cp -r "$fio_home" "$work/fio"
jar=$(ls "$repo"/bundles/reporting/target/reporting-*.jar 2>/dev/null | head -1 || true)
if [ -n "$jar" ] && ! cmp -s "$jar" "$work/fio/bundle/core/$(basename "$jar")"; then
    echo "console-e2e: using $jar"
    cp "$jar" "$work/fio/bundle/core/"
fi
cp "$work"/fio/examples/provider-sha256sum-*.jar "$work/fio/deploy/"

mkdir -p "$work/host/etc" "$work/state" "$out"
for i in $(seq 1 300); do echo "content $i" > "$work/host/etc/f$i.conf"; done
(cd "$work/host" && for f in etc/*.conf; do echo "$(sha256sum "$f" | cut -d' ' -f1)  /$f"; done) > "$work/manifest"

http_port=$(free_port)
devtools_port=$(free_port)
metrics_port=$(free_port)
printf 'port=%s\nbindAddress=127.0.0.1\n' "$metrics_port" > "$work/fio/deploy/io.fileintegrity.reporting.metrics.cfg"
FIO_JAVA_OPTS="-XX:+UseSerialGC -Dorg.osgi.service.http.port=$http_port" FIO_CONSOLE_USER=e2e \
FIO_CONSOLE_PASSWORD=e2e-secret "$work/fio/bin/fio" run --provider sha256sum --config "$work/manifest" \
    --host-root "$work/host" --state "$work/state" --interval 3600 > "$out/fio-run.log" 2>&1 &
fio_pid=$!
"$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --remote-debugging-port="$devtools_port" --remote-allow-origins='*' --user-data-dir="$work/chromium" \
    --window-size=1280,1000 about:blank > "$out/chromium.log" 2>&1 &
chromium_pid=$!

javac -d "$work/e2e-classes" -cp "$classes" "$here/Cdp.java" "$here/ConsoleE2e.java"
java -cp "$work/e2e-classes:$classes" ConsoleE2e "http://127.0.0.1:$http_port" "$devtools_port" "$work/host" \
    "$out" e2e e2e-secret "http://127.0.0.1:$metrics_port"
