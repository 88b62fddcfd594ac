#!/usr/bin/env bash
# resident-check.sh - what a check costs in fio's long-running roles (`fio run`, the operator's node agent),
# where the JVM, Felix and BC-FIPS start once and every later scan runs warm, beside AIDE's check
# (a new process per scan, as FIO's daemon runs it) on the same tree and rule.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd -- "$HERE/../../.." && pwd -P)

usage() {
  cat <<'USAGE'
Usage: resident-check.sh WORKDIR

WORKDIR is a directory aide-vs-fio.sh has filled (trees t<files> in their mutated state, AIDE's
timings in out-<files>-bc-fips/timings.tsv, fio's config in out-<files>-bc-fips/fio/aide.conf).
For each tree: starts `fio run` (standalone mode, default hash provider BC-FIPS) on a copy of that
config with its own databases, lets it build the baseline, then times CHECKS checks (default 5)
from the runtime's own metrics (fio_last_scan_duration_seconds on /metrics) and the process's CPU
(/proc/PID/stat) between scans; prints the median check beside AIDE's check (best of its runs).

Environment: SIZES (default "20000:500 100000:200"), CHECKS (default 5), PORT (default 18080),
FIO (default distribution/target/fio/bin/fio).
USAGE
}
if [[ $# -ne 1 || ${1:-} == -h || ${1:-} == --help ]]; then usage; [[ $# -eq 1 ]]; exit $?; fi
WORK=$(cd -- "$1" && pwd -P)
SIZES=${SIZES:-"20000:500 100000:200"}
CHECKS=${CHECKS:-5}
PORT=${PORT:-18080}
FIO=${FIO:-$REPO/distribution/target/fio/bin/fio}
[[ -x $FIO ]] || { echo "resident-check.sh: $FIO missing; build with: mvn -B -q -DskipTests package" >&2; exit 2; }
TICKS=$(getconf CLK_TCK)
PASSWORD=bench-$$
PID=

cleanup() {
  if [[ -n $PID ]]; then kill "$PID" 2> /dev/null || true; wait "$PID" 2> /dev/null || true; fi
  PID=
}
trap cleanup EXIT

metric() { # metric NAME -> value of the first sample, or empty
  curl -sf -u "admin:$PASSWORD" "http://127.0.0.1:$PORT/metrics" | awk -v n="$1" '$1 ~ "^"n"[{ ]" || $1 == n { print $2; exit }'
}

cpu_seconds() { # user+sys of the whole JVM
  awk -v t="$TICKS" '{ print ($14 + $15) / t }' "/proc/$1/stat"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '\n%-14s %10s %10s %10s %10s %8s %8s\n' tree aide_wall aide_cpu fio_wall fio_cpu wall_x cpu_x
for size in $SIZES; do
  files=${size%%:*} mb=${size##*:}
  src=$WORK/out-$files-bc-fips
  [[ -r $src/fio/aide.conf && -r $src/timings.tsv ]] || { echo "resident-check.sh: run aide-vs-fio.sh on $WORK first ($src missing)" >&2; exit 2; }
  res=$WORK/resident-$files
  rm -rf -- "$res" && mkdir -p "$res/state"
  # own databases, no report files (the loop keeps the report in its result)
  sed -e "s#$src/fio/#$res/#g" -e '/^report_url=/d' -e '/^report_/d' "$src/fio/aide.conf" > "$res/aide.conf"
  FIO_CONSOLE_PASSWORD=$PASSWORD FIO_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Dorg.osgi.service.http.port=$PORT" \
    "$FIO" run --config "$res/aide.conf" --state "$res/state" --interval 1 > "$res/run.log" 2>&1 &
  PID=$!
  : > "$res/scans.tsv"
  last=
  cpu_before=
  deadline=$((SECONDS + 600))
  while (( $(wc -l < "$res/scans.tsv") < CHECKS + 1 )); do
    (( SECONDS < deadline )) || { echo "resident-check.sh: no scans after 600 s, see $res/run.log" >&2; exit 1; }
    kill -0 "$PID" 2> /dev/null || { echo "resident-check.sh: fio run ended, see $res/run.log" >&2; exit 1; }
    stamp=$(metric fio_last_scan_timestamp_seconds || true)
    if [[ -n $stamp && $stamp != "$last" ]]; then
      cpu_now=$(cpu_seconds "$PID")
      duration=$(metric fio_last_scan_duration_seconds)
      # CPU between two scan ends = one scan plus the 1 s idle interval (idle costs ~nothing)
      [[ -n $cpu_before ]] && printf '%s\t%s\n' "$duration" "$(awk -v a="$cpu_before" -v b="$cpu_now" 'BEGIN { print b - a }')" >> "$res/scans.tsv"
      [[ -z $cpu_before ]] && echo "baseline built in ${duration}s" > "$res/init.txt"
      cpu_before=$cpu_now
      last=$stamp
    fi
    sleep 0.2
  done
  cleanup
  fio_wall=$(cut -f1 "$res/scans.tsv" | median)
  fio_cpu=$(cut -f2 "$res/scans.tsv" | median)
  read -r aide_wall aide_cpu < <(awk -F'\t' '$1 == "check" { print $3, $5 + $6 }' "$src/timings.tsv")
  awk -v t="${files}f/${mb}M" -v aw="$aide_wall" -v ac="$aide_cpu" -v fw="$fio_wall" -v fc="$fio_cpu" 'BEGIN {
    printf "%-14s %10.2f %10.2f %10.2f %10.2f %7.1fx %7.1fx\n", t, aw, ac, fw, fc, aw / fw, ac / fc }'
done
echo
echo "fio: median of $CHECKS warm checks in one 'fio run' process (BC-FIPS); AIDE: best check of run-aide.sh."
echo "Per-scan figures in $WORK/resident-*/scans.tsv (duration s, CPU s)."
