#!/bin/sh
# Prints render/read/pack times for a result with N changes (default 100000). Needs bundles/reporting
# built (target/classes) and the api jar in ~/.m2. Usage: bench/render-bench.sh [N]
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
classes=$here/../target/classes
api=$(ls ~/.m2/repository/io/fileintegrity/api/*/api-*.jar | grep -v sources | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" -cp "$classes:$api" "$here/RenderBench.java"
java -Xmx1g -cp "$work:$classes:$api" RenderBench "${1:-100000}"
