#!/usr/bin/env bash
# hash-providers.sh - SHA-256 / SHA-512 throughput of `fio aide --init` with BC-FIPS and with the JDK provider.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: hash-providers.sh [WORKDIR]

Writes one file of SIZE_MB MiB (default 1024) of random data, warms the page cache, then for each hash
(sha256, sha512) and provider (bc-fips, jdk) times `fio aide --init` RUNS times (default 3) on it,
with a single hashing thread. Startup is measured on a one-byte file and subtracted, so MiB/s is the
engine's read+hash rate. FIO_CMD as in aide-vs-fio.sh.
USAGE
}
if [[ ${1:-} == -h || ${1:-} == --help ]]; then usage; exit 0; fi
HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO=$(cd -- "$HERE/../../.." && pwd -P)
WORK=${1:-$(mktemp -d "${TMPDIR:-/tmp}/hash-providers.XXXXXX")}
SIZE_MB=${SIZE_MB:-1024}
RUNS=${RUNS:-3}
if [[ -z ${FIO_CMD:-} ]]; then
  if [[ -x $REPO/distribution/target/fio/bin/fio ]]; then
    FIO_CMD="$REPO/distribution/target/fio/bin/fio aide"
  else
    CP=$(cd "$REPO/bundles/provider-aide" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
    FIO_CMD="java -cp $REPO/bundles/provider-aide/target/provider-aide-0.1.0-SNAPSHOT.jar:$CP io.fileintegrity.provider.aide.cli.AideMain"
  fi
fi
mkdir -p "$WORK/big" "$WORK/empty"
# one byte, so that the provider is loaded and self-tested in the start-up measurement too
printf x > "$WORK/empty/one-byte"
[[ -f $WORK/big/data ]] || head -c "$((SIZE_MB * 1048576))" /dev/urandom > "$WORK/big/data"
cat "$WORK/big/data" > /dev/null

best() { # best DIR HASH PROVIDER -> fastest wall seconds
  local dir=$1 hash=$2 provider=$3 best=999999 t0 t1 w
  printf 'database_out=file:%s/db\ndatabase_attrs=E\nreport_url=file:/dev/null\n%s(/|$) p+%s\n' "$WORK" "$dir" "$hash" > "$WORK/conf"
  for ((r = 0; r < RUNS; r++)); do
    t0=$(date +%s.%N)
    $FIO_CMD --hash-provider="$provider" -W 1 -c "$WORK/conf" --init > /dev/null
    t1=$(date +%s.%N)
    w=$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')
    best=$(awk -v a="$best" -v b="$w" 'BEGIN {print (b < a) ? b : a}')
  done
  echo "$best"
}

printf '%-8s %-8s %10s %10s %10s\n' hash provider wall_s startup_s MiB/s
for hash in sha256 sha512; do
  for provider in bc-fips jdk; do
    start=$(best "$WORK/empty" "$hash" "$provider")
    full=$(best "$WORK/big" "$hash" "$provider")
    awk -v h="$hash" -v p="$provider" -v f="$full" -v s="$start" -v mb="$SIZE_MB" 'BEGIN {
      printf "%-8s %-8s %10.2f %10.2f %10.0f\n", h, p, f, s, mb / (f - s) }'
  done
done
