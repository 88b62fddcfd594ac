#!/usr/bin/env bash
# aide-vs-fio.sh - time AIDE 0.18 and `fio aide` on the same trees, rules and mutation, and print a table.
set -euo pipefail

HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd -- "$HERE/../../.." && pwd -P)

usage() {
  cat <<'USAGE'
Usage: aide-vs-fio.sh [WORKDIR]

For each tree size (SIZES, default "20000:500 100000:200" = files:MiB) and each hash provider
(PROVIDERS, default "bc-fips jdk"): makes the tree with mktree.sh (seed 42), then runs
run-aide.sh (warm cache, HASHES=sha256+sha512, AIDE with WORKERS=2) with fio's init and check
as EXTRA_INIT_CMD / EXTRA_CHECK_CMD on the very same tree states, checks fio's lists against AIDE's
(compare.sh), and prints wall / CPU / max RSS for both and the ratio AIDE/fio.

Environment:
  FIO_CMD     the command that runs `fio aide` (default: distribution/target/fio/bin/fio aide if
              built, else java -cp <provider-aide jar + deps> ...AideMain)
  SIZES       tree sizes, "files:MiB ..." (default "20000:500 100000:200")
  PROVIDERS   hash providers for fio (default "bc-fips jdk")
  RUNS        repetitions of AIDE per phase (default 3; the fastest run is shown)
  FIO_RUNS    repetitions of fio per phase (default RUNS; the fastest is shown). run-aide.sh times fio's
              first init and check; the others run afterwards on the mutated tree (init writes a scratch
              database), so every fio cell is the best of FIO_RUNS samples like AIDE's
  HASHES      hash part of the rule (default sha256+sha512)
  SHARED      the shared folder with tools/aide-bench (default: ../shared next to the repository)
Whole-process times: JVM and framework start are included.
USAGE
}
if [[ ${1:-} == -h || ${1:-} == --help ]]; then usage; exit 0; fi

WORK=${1:-$(mktemp -d "${TMPDIR:-/tmp}/aide-vs-fio.XXXXXX")}
mkdir -p -- "$WORK"
SHARED=${SHARED:-$REPO/../shared}
[[ -d $SHARED/tools/aide-bench ]] || SHARED=/work/shared
BENCH=$SHARED/tools/aide-bench
[[ -x $BENCH/run-aide.sh ]] || { echo "aide-vs-fio.sh: no run-aide.sh under $BENCH (set SHARED)" >&2; exit 2; }
SIZES=${SIZES:-"20000:500 100000:200"}
PROVIDERS=${PROVIDERS:-"bc-fips jdk"}
export RUNS=${RUNS:-3} HASHES=${HASHES:-sha256+sha512} WORKERS=2
FIO_RUNS=${FIO_RUNS:-$RUNS}

if [[ -z ${FIO_CMD:-} ]]; then
  if [[ -x $REPO/distribution/target/fio/bin/fio ]]; then
    FIO_CMD="$REPO/distribution/target/fio/bin/fio aide"
  else
    CP=$(cd "$REPO/bundles/provider-aide" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
    FIO_CMD="java -cp $REPO/bundles/provider-aide/target/provider-aide-0.1.0-SNAPSHOT.jar:$CP io.fileintegrity.provider.aide.cli.AideMain"
  fi
fi
echo "fio command: $FIO_CMD"
export FIO_CMD

row() { # row PHASE FILE -> "wall user sys rss"
  awk -F'\t' -v p="$1" '$1 == p { print $3, $5, $6, $7 }' "$2"
}

fio_sample() { # fio_sample SAMPLES_FILE ARGS... : runs $FIO_CMD ARGS once, appends "wall user sys rss"
  local samples=$1 t0 t1 u s m
  shift
  t0=$(date +%s.%N)
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %S %M' -o "$WORK/.fio-time" $FIO_CMD "$@" > /dev/null 2>&1 || true
  t1=$(date +%s.%N)
  read -r u s m < <(tail -n 1 "$WORK/.fio-time")
  awk -v a="$t0" -v b="$t1" -v u="$u" -v s="$s" -v m="$m" 'BEGIN { printf "%.3f %s %s %s\n", b - a, u, s, m }' >> "$samples"
}

printf '\n%-14s %-8s %-6s %9s %9s %9s %9s %10s %10s %8s %8s\n' tree provider phase aide_wall fio_wall \
  aide_cpu fio_cpu aide_rssMB fio_rssMB wall_x cpu_x
for size in $SIZES; do
  files=${size%%:*} mb=${size##*:}
  for provider in $PROVIDERS; do
    tree=$WORK/t$files
    out=$WORK/out-$files-$provider
    rm -rf -- "$tree" "$out"
    "$BENCH/mktree.sh" "$files" "$mb" "$tree" 42 > /dev/null
    mkdir -p "$out/fio"
    export FIO_PROVIDER=$provider
    # fio gets its own copy of AIDE's config: own databases and report files under OUT/fio
    EXTRA_INIT_CMD='sed "s#$OUT/#$OUT/fio/#g" "$AIDE_CONF" > "$OUT/fio/aide.conf" && $FIO_CMD --hash-provider=$FIO_PROVIDER -c "$OUT/fio/aide.conf" --init > /dev/null && mv -f "$OUT/fio/aide.db.new" "$OUT/fio/aide.db"' \
    EXTRA_CHECK_CMD='$FIO_CMD --hash-provider=$FIO_PROVIDER -c "$OUT/fio/aide.conf" --check > /dev/null; test $? -lt 14' \
    OUT=$out "$BENCH/run-aide.sh" "$tree" > "$out.log" 2>&1 || { echo "run-aide.sh failed, see $out.log" >&2; cat "$out.log" >&2; exit 1; }
    for kind in added removed changed; do
      { grep "^$kind: " "$out/fio/check.list" || true; } | sed "s/^$kind: //" | LC_ALL=C sort -u > "$out/fio/$kind.txt"
    done
    "$BENCH/compare.sh" "$out" "$out/fio" > "$out/compare.txt" || { echo "fio's lists differ from AIDE's:" >&2; cat "$out/compare.txt" >&2; }
    for phase in init check; do
      row "extra-$phase" "$out/timings.tsv" > "$out/fio-$phase.samples"
      for ((r = 1; r < FIO_RUNS; r++)); do
        if [[ $phase == init ]]; then
          fio_sample "$out/fio-init.samples" --hash-provider="$provider" -c "$out/fio/aide.conf" --init
          rm -f -- "$out/fio/aide.db.new"
        else
          fio_sample "$out/fio-check.samples" --hash-provider="$provider" -c "$out/fio/aide.conf" --check
        fi
      done
      read -r aw au as ar < <(row "$phase" "$out/timings.tsv")
      read -r fw fu fs fr < <(sort -n "$out/fio-$phase.samples" | head -n 1)
      awk -v t="${files}f/${mb}M" -v p="$provider" -v ph="$phase" -v aw="$aw" -v fw="$fw" -v ac="$(awk -v a="$au" -v b="$as" 'BEGIN{print a+b}')" \
        -v fc="$(awk -v a="$fu" -v b="$fs" 'BEGIN{print a+b}')" -v ar="$ar" -v fr="$fr" 'BEGIN {
        printf "%-14s %-8s %-6s %9.2f %9.2f %9.2f %9.2f %10.0f %10.0f %7.1fx %7.1fx\n", t, p, ph, aw, fw, ac, fc, ar/1024, fr/1024, aw/fw, ac/fc }'
    done
  done
done
echo
echo "AIDE: fastest of $RUNS runs; fio: fastest of $FIO_RUNS (all samples in fio-<phase>.samples: wall user sys rssKB)."
echo "Outputs and logs: $WORK (timings.tsv and compare.txt per run)"
