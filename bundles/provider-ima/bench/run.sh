#!/usr/bin/env bash
# Benchmark of the ima provider's verifier on a synthetic list (see SyntheticListBench.java).
# Usage: bench/run.sh [entries=100000] [runs=5] [out-dir]   (after `mvn -o -q install -pl bundles/provider-ima`)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(dirname "$HERE")"
BCFIPS="$(ls ~/.m2/repository/org/bouncycastle/bc-fips/*/bc-fips-*.jar | grep -v sources | head -1)"
API="$(ls ~/.m2/repository/io/fileintegrity/api/*/api-*.jar | head -1)"
CP="$MODULE/target/classes:$MODULE/target/test-classes:$BCFIPS:$API"
[ -d "$MODULE/target/test-classes" ] || { echo "build the module first: mvn -o -q install -pl bundles/provider-ima" >&2; exit 1; }
echo "# $(nproc) cores, $(java -version 2>&1 | head -1)"
exec java -Xmx1g -cp "$CP" "$HERE/SyntheticListBench.java" "${1:-100000}" "${2:-5}" ${3:+"$3"}
