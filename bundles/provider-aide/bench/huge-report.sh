#!/usr/bin/env bash
# huge-report.sh - heap and RSS of a check in which every file of a big tree changed.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: huge-report.sh [WORKDIR]        (default /tmp/aide-huge-report)

Builds a tree with shared/tools/aide-bench/mktree.sh (FILES files, MB MiB, seed 42), runs
`fio aide --init` on it, changes every file (one byte appended: size, mtime, ctime and
sha256 change), then runs the check with the heap capped at HEAP and prints the numbers:
max RSS, wall and CPU seconds, exit code, report sizes, leftover spill files.

Environment:
  FILES=100000 MB=200 HEAP=150m   tree and heap
  MODE=cli        `fio aide -C` via AideMain, plain + JSON file reports and the exit code
  MODE=provider   the agent's path: AideIntegrityProvider.check (file report, changes sink,
                  the bounded ScanResult.report), run by bench/ProviderCheck.java
  CLASSES=dir|jar the engine to measure (default: this module's target/classes, run
                  `mvn -o -q compile -pl bundles/provider-aide` first); set it to an older jar to compare
USAGE
}
if [[ ${1:-} == -h || ${1:-} == --help ]]; then usage; exit 0; fi

HERE=$(cd "$(dirname "$0")" && pwd)
MODULE=$(cd "$HERE/.." && pwd)
REPO=$(cd "$MODULE/../.." && pwd)
SHARED=${SHARED:-$( [[ -d $REPO/shared ]] && echo "$REPO/shared" || echo "$REPO/../shared")}
WORK=${1:-/tmp/aide-huge-report}
FILES=${FILES:-100000} MB=${MB:-200} HEAP=${HEAP:-150m} MODE=${MODE:-cli}
CLASSES=${CLASSES:-$MODULE/target/classes}
CP=$(cd "$MODULE" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout | sed 's/\x1b\[[0-9;]*m//g' | tail -1)
# the GC log gives the live heap (after each collection), which RSS hides behind the heap's reserve
JAVA=(java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -Xlog:gc:file="$WORK/gc.log" -cp "$CLASSES:$CP")

mkdir -p "$WORK"
if [[ ! -d $WORK/tree ]]; then
  echo "making $FILES files, $MB MiB in $WORK/tree"
  bash "$SHARED/tools/aide-bench/mktree.sh" "$FILES" "$MB" "$WORK/tree" 42 > /dev/null
fi
SPILL=$WORK/tmp
rm -rf "$SPILL" "$WORK/state" && mkdir -p "$SPILL" "$WORK/state"
rm -f "$WORK/db" "$WORK/db.new" "$WORK/report.txt" "$WORK/report.json"
cat > "$WORK/aide.conf" <<CONF
database_in=file:$WORK/db
database_out=file:$WORK/db.new
report_url=file:$WORK/report.txt
report_format=json
report_url=file:$WORK/report.json
$WORK/tree p+u+g+s+m+c+sha256
CONF

measure() { # label, command...
  local label=$1; shift
  local rc=0
  /usr/bin/time -f "%M %e %U %S" -o "$WORK/time" "$@" > "$WORK/out" 2> "$WORK/err" || rc=$?
  read -r rss wall user sys < <(tail -1 "$WORK/time")
  local live
  live=$(grep -o 'Pause[^>]*->[0-9]*M' "$WORK/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
  printf '%-8s exit %-3s max RSS %6d MiB  max heap after GC %4s MiB  wall %6.2f s  CPU %6.2f s\n' "$label" "$rc" \
    $((rss / 1024)) "${live:-?}" "$wall" "$(echo "$user + $sys" | bc)"
  grep -v '^WARNING' "$WORK/err" | head -5 || true
}

if [[ $MODE == cli ]]; then
  measure init "${JAVA[@]}" -Djava.io.tmpdir="$SPILL" io.fileintegrity.provider.aide.cli.AideMain -i -c "$WORK/aide.conf"
  mv "$WORK/db.new" "$WORK/db"
else
  measure init "${JAVA[@]}" "$HERE/ProviderCheck.java" init "$WORK/aide.conf" "$WORK/state"
fi
echo "changing every file"
find "$WORK/tree" -type f -print0 | xargs -0 -n 2000 sh -c 'for f; do printf x >> "$f"; done' sh
if [[ $MODE == cli ]]; then
  measure check "${JAVA[@]}" -Djava.io.tmpdir="$SPILL" io.fileintegrity.provider.aide.cli.AideMain -C -c "$WORK/aide.conf"
else
  measure check "${JAVA[@]}" "$HERE/ProviderCheck.java" check "$WORK/aide.conf" "$WORK/state"
  cat "$WORK/out"
fi
echo "plain report $(stat -c %s "$WORK/report.txt") bytes, JSON report $(stat -c %s "$WORK/report.json" 2>/dev/null || echo 0) bytes," \
  "$(grep -c '^f' "$WORK/report.txt" || true) listed lines; spill files left: $(ls -A "$SPILL" "$WORK/state" | grep -c aide-differences || true)"
