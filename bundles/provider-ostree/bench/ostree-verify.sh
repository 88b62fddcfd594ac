#!/usr/bin/env bash
# ostree-verify.sh: compare `fio ostree verify` with `ostree fsck` and with the SHA-256 floor on one
# generated repository. Prints numbers; asserts nothing.
#
# Usage: bench/ostree-verify.sh [FILES] [WORKDIR]     (defaults: 20000 files, a new temp dir)
# Needs: ostree, python3, GNU time (/usr/bin/time), java 17, the module built (`mvn -o install -pl bundles/provider-ostree`), its jars in ~/.m2.
set -euo pipefail

FILES="${1:-20000}"
WORK="${2:-$(mktemp -d /tmp/ostree-bench.XXXXXX)}"
HERE="$(cd "$(dirname "$0")" && pwd)"
M2="${M2_REPO:-$HOME/.m2/repository}"
THREADS="${THREADS:-2}"
CP="$HERE/../target/classes:$M2/io/fileintegrity/api/0.1.0-SNAPSHOT/api-0.1.0-SNAPSHOT.jar"
CP="$CP:$M2/org/bouncycastle/bc-fips/2.1.0/bc-fips-2.1.0.jar:$M2/net/java/dev/jna/jna/5.17.0/jna-5.17.0.jar"
for jar in ${CP//:/ }; do [ -e "$jar" ] || { echo "missing $jar (build the module first)" >&2; exit 2; }; done

mkdir -p "$WORK"
TREE="$WORK/tree"; REPO="$WORK/repo"; CO="$WORK/checkout"
if [ ! -d "$REPO" ]; then
  echo "generating $FILES files in $TREE ..." >&2
  python3 - "$TREE" "$FILES" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
for i in range(n):
    d = os.path.join(root, "usr", "lib", "d%03d" % (i % 400), "s%02d" % (i % 7))
    os.makedirs(d, exist_ok=True)
    # mostly small files, some medium, a few large: like /usr
    r = rnd.random()
    size = rnd.randint(100, 8192) if r < 0.80 else rnd.randint(8192, 131072) if r < 0.98 else rnd.randint(131072, 2097152)
    with open(os.path.join(d, "f%06d" % i), "wb") as f:
        f.write(os.urandom(size))
    if i % 50 == 0:
        os.symlink("f%06d" % i, os.path.join(d, "l%06d" % i))
PY
  ostree --repo="$REPO" init --mode=bare-user
  ostree --repo="$REPO" commit --branch=bench --owner-uid=0 --owner-gid=0 --no-xattrs "$TREE" >/dev/null
  ostree --repo="$REPO" checkout -U bench "$CO"
fi
COMMIT="$(ostree --repo="$REPO" rev-parse bench)"
ENTRIES="$(find "$CO" | wc -l)"
BYTES="$(du -sb --apparent-size "$TREE" | cut -f1)"
echo "repository: $REPO (bare-user), $ENTRIES entries, $BYTES bytes of content"

drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null || true; }
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
secs() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); calc "$e - $s"; }

# warm cache for all runs (the comparison is CPU-bound hashing, not disk)
cat $(find "$CO" -type f) > /dev/null 2>&1 || find "$CO" -type f -exec cat {} + > /dev/null

T_FSCK="$(secs ostree --repo="$REPO" fsck)"
SPEED="$(java -cp "$CP" "$HERE/RunVerify.java" sha256-speed)"
# one JVM, two runs: the first pays BC-FIPS's power-up self-tests (~1.7 s CPU) and JIT warm-up, the second is
# what a long-running agent sees on every check
RUNS="$( { REPEAT=2 java -cp "$CP" "$HERE/RunVerify.java" verify --repo "$REPO" --commit "$COMMIT" --tree "$CO" \
             --threads "$THREADS" --quiet >/dev/null; } 2>&1 | awk '/fio-ostree-verify-seconds/ {print $2, $4}')"
T_FIO_COLD="$(echo "$RUNS" | sed -n 1p | cut -d' ' -f1)"; CPU_FIO_COLD="$(echo "$RUNS" | sed -n 1p | cut -d' ' -f2)"
T_FIO="$(echo "$RUNS" | sed -n 2p | cut -d' ' -f1)"; CPU_FIO="$(echo "$RUNS" | sed -n 2p | cut -d' ' -f2)"
/usr/bin/time -o "$WORK/fsck.time" -f "%U %S" ostree --repo="$REPO" fsck >/dev/null 2>&1 || true
FSCK_CPU="$(awk '{print $1 + $2}' "$WORK/fsck.time")"
T_SHA="$(secs sh -c "find '$CO' -type f -print0 | xargs -0 -P $THREADS -n 500 sha256sum")"
FLOOR="$(calc "$BYTES / 1000000 / ($SPEED * $THREADS)")"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "ostree fsck (whole repo, 1 thread):              ${T_FSCK} s wall, ${FSCK_CPU} s CPU"
echo "fio ostree verify, first run in a JVM:           ${T_FIO_COLD} s wall, ${CPU_FIO_COLD} s CPU"
echo "fio ostree verify, warm ($THREADS threads):             ${T_FIO} s wall, ${CPU_FIO} s CPU"
echo "sha256sum over the checkout ($THREADS processes):  ${T_SHA} s"
echo "BC-FIPS SHA-256, one thread:                  ${SPEED} MB/s"
echo "hashing floor (bytes / (speed x $THREADS)):         ${FLOOR} s"
echo "ratio verify / floor:                          $(calc "$T_FIO / $FLOOR")"
echo "ratio verify / fsck:                           $(calc "$T_FIO / $T_FSCK")"
echo "(work dir kept: $WORK)"
