#!/bin/bash
# End-to-end test of `fio report` through the built distribution's bin/fio (the lean CLI runtime,
# without the HTTP bundles): a stored result in three formats, and failure ConfigMaps printed by kubectl
# (YAML, JSON, standard input). Fixtures: bundles/reporting/src/test/resources/{stored,configmap}.
# Exit codes: 0 passed, 1 a check failed, 2 the distribution is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../../.." && pwd -P)
fio_home=${FIO_HOME:-$repo/distribution/target/fio}
fixtures=$repo/bundles/reporting/src/test/resources
[ -x "$fio_home/bin/fio" ] || { echo "report-e2e: $fio_home/bin/fio is missing; run mvn -B package first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$fio_home" "$work/fio"
jar=$(ls "$repo"/bundles/reporting/target/reporting-*.jar 2>/dev/null | head -1 || true)
if [ -n "$jar" ] && ! cmp -s "$jar" "$work/fio/bundle/core/$(basename "$jar")"; then
    cp "$jar" "$work/fio/bundle/core/"
fi
fio=$work/fio/bin/fio
failures=0
check() {
    if eval "$2"; then echo "report-e2e: ok   $1"; else echo "report-e2e: FAIL $1" >&2; failures=$((failures + 1)); fi
}

"$fio" report --format json "$fixtures/stored/failed-check.json" > "$work/again.json"
check "json of a stored result is the stored result" 'cmp -s "$work/again.json" "$fixtures/stored/failed-check.json"'
"$fio" report --format ndjson "$fixtures/stored/failed-check.json" > "$work/out.ndjson"
check "ndjson has changes + 1 lines" '[ "$(wc -l < "$work/out.ndjson")" -eq 4 ]'
"$fio" report "$fixtures/stored/failed-check.json" > "$work/out.aide"
check "aide format has the summary lines FIO parses" 'grep -qP "^  Added entries:\t\t1$" "$work/out.aide"'
"$fio" report --configmap "$fixtures/configmap/compressed.yaml" > "$work/log1"
check "compressed ConfigMap (yaml) decodes to the log" 'cmp -s "$work/log1" "$fixtures/configmap/aide-check.log"'
"$fio" report --configmap - < "$fixtures/configmap/compressed.json" > "$work/log2"
check "compressed ConfigMap (json, stdin) decodes to the log" 'cmp -s "$work/log2" "$fixtures/configmap/aide-check.log"'
"$fio" report --configmap "$fixtures/configmap/plain.yaml" > "$work/log3"
check "plain ConfigMap (yaml) prints the log" 'cmp -s "$work/log3" "$fixtures/configmap/aide-check.log"'
set +e
"$fio" report "$work/missing.json" 2> "$work/err"; code=$?
set -e
check "missing file exits 3 naming it" '[ $code -eq 3 ] && grep -q "missing.json: no such file" "$work/err"'
[ "$failures" -eq 0 ] || exit 1
echo "report-e2e: all checks passed"
