#!/bin/sh
# Regenerates the kubectl fixtures from aide-check.log (a real `aide --check` report, AIDE 0.18.3).
# Needs kubectl (client only, no cluster): the files are what `kubectl get cm -o yaml|json` prints.
set -eu
cd "$(dirname "$0")"
name=aide-ds-example-fileintegrity-worker-1-failed
kubectl create configmap "$name" -n openshift-file-integrity --from-file=integritylog=aide-check.log \
    --dry-run=client -o yaml \
  | kubectl annotate --local -f - -o yaml file-integrity.openshift.io/files-added=1 \
      file-integrity.openshift.io/files-changed=1 file-integrity.openshift.io/files-removed=1 > plain.yaml
gzip -c aide-check.log | base64 -w0 > compressed.b64
kubectl create configmap "$name" -n openshift-file-integrity --from-file=integritylog=compressed.b64 \
    --dry-run=client -o yaml \
  | kubectl annotate --local -f - -o yaml file-integrity.openshift.io/compressed= > compressed.yaml
kubectl annotate --local -f compressed.yaml -o json file-integrity.openshift.io/compressed= > compressed.json
rm compressed.b64
# Without tabs go-yaml prints the log as a literal block scalar (|) instead of a quoted string.
tr '\t' ' ' < aide-check.log | sed 's/ *$//' > aide-check-notabs.log
kubectl create configmap "$name" -n openshift-file-integrity --from-file=integritylog=aide-check-notabs.log \
    --dry-run=client -o yaml > literal.yaml
