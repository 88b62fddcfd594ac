#!/usr/bin/env bash
# bench.sh - many-node benchmark of the operator and the node agents on a real kube-apiserver (issue 6).
#
# Usage: itest/k8s/nodes/bench.sh [N_NODES] [REAL_AGENTS] [SCANS]   (defaults 200 3 3)
#
# One JVM per agent is too heavy for 200 nodes on a small machine, so:
#   * REAL_AGENTS nodes run the real `fio agent` (each in a private mount namespace with its own mktree.sh tree
#     at /hostroot, as NodeSimulationIT does; needs root). Their API writes are counted in the API server's
#     audit log, per node and per scan.
#   * the other N_NODES - REAL_AGENTS nodes are played by this script: every interval it writes each one's
#     FileIntegrityNodeStatus once (server-side apply of all of them from one kubectl), the one write per scan
#     an unchanged agent makes (docs/adr/0002-agent-channel.md). That gives the operator N_NODES nodes and
#     N_NODES statuses changing every interval.
# Prints: API writes per node per scan (real agents, unchanged and failed scans), the operator's CPU seconds and
# RSS with N_NODES nodes, and the time from a file change to a Failed status. Needs the built distribution,
# python3, the API server binaries (apiserver.sh builds them).
set -euo pipefail

N=${1:-200} REAL=${2:-3} SCANS=${3:-3}
INTERVAL=10 NS=openshift-file-integrity FI=bench
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../../.." && pwd -P)
fio="$repo/distribution/target/fio/bin/fio"
mktree=""
for d in "$repo/.." "$repo/../.." "$repo"; do [[ -f "$d/shared/tools/aide-bench/mktree.sh" ]] && mktree="$d/shared/tools/aide-bench/mktree.sh" && break; done
[[ -x "$fio" ]] || { echo "bench.sh: build the distribution first ($fio missing)" >&2; exit 2; }
[[ -n "$mktree" ]] || { echo "bench.sh: cannot find shared/tools/aide-bench/mktree.sh" >&2; exit 2; }
(( REAL >= 1 && REAL <= N )) || { echo "bench.sh: need 1 <= REAL_AGENTS <= N_NODES" >&2; exit 2; }

work=$(mktemp -d /tmp/fio-bench-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  bash "$repo/itest/k8s/apiserver.sh" stop "$work/k8s" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p /hostroot

eval "$(bash "$repo/itest/k8s/apiserver.sh" start "$work/k8s")"
k() { "$FIO_KUBECTL" --kubeconfig "$KUBECONFIG" "$@"; }
m="$repo/bundles/k8s-bridge/src/main/k8s"
k apply -f "$m/crds" >/dev/null && k wait --for=condition=Established crd --all --timeout=60s >/dev/null
for f in "$m"/0[0-4]-*.yaml; do k apply -f "$f" >/dev/null; done
for ((i = 0; i < N; i++)); do
  printf -- '---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-%03d\n  labels: {node-role.kubernetes.io/worker: ""}\n' "$i"
done | k apply -f - >/dev/null
echo "bench: $N Node objects"

start_role() { # logdir hostroot(or -) args...
  local logs=$1 root=$2; shift 2
  mkdir -p "$logs"
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export FIO_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Xmx192m -XX:TieredStopAtLevel=1 -Dorg.osgi.service.http.port=$port"
  if [[ $root == - ]]; then
    (cd "$logs" && exec "$fio" "$@" >out.log 2>err.log) &
  else
    (cd "$logs" && exec unshare --mount --propagation private sh -c 'mount --bind "$0" /hostroot && exec "$@"' \
      "$root" "$fio" "$@" >out.log 2>err.log) &
  fi
  pids+=($!)
}

start_role "$work/operator" - operator --kubeconfig="$KUBECONFIG" --namespace=$NS --image=fio:bench --resyncSeconds=30
op_pid=${pids[0]}
printf '@@define DBDIR /etc/kubernetes\n@@define LOGDIR /etc/kubernetes\ndatabase=file:@@{DBDIR}/aide.db.gz\ndatabase_out=file:@@{DBDIR}/aide.db.gz.new\ngzip_dbout=yes\nreport_url=file:@@{LOGDIR}/aide.log\nCONTENT_EX = sha512+ftype+p+u+g+n\n/data CONTENT_EX\n' >"$work/aide.conf"
k -n $NS create configmap bench-conf --from-file=aide.conf="$work/aide.conf" >/dev/null
k apply -f - >/dev/null <<YAML
apiVersion: fileintegrity.openshift.io/v1alpha1
kind: FileIntegrity
metadata: {name: $FI, namespace: $NS}
spec:
  nodeSelector: {node-role.kubernetes.io/worker: ""}
  config: {name: bench-conf, namespace: $NS, key: aide.conf, gracePeriod: $INTERVAL}
YAML
until k -n $NS get daemonset aide-$FI >/dev/null 2>&1; do sleep 1; done
gen=$(k -n $NS get daemonset aide-$FI -o jsonpath='{.metadata.generation}')
k -n $NS patch daemonset aide-$FI --subresource=status --type=merge -p "{\"status\":{\"currentNumberScheduled\":$N,\"desiredNumberScheduled\":$N,\"numberAvailable\":$N,\"numberReady\":$N,\"updatedNumberScheduled\":$N,\"numberMisscheduled\":0,\"observedGeneration\":$gen}}" >/dev/null

for ((i = 0; i < REAL; i++)); do
  node=$(printf 'node-%03d' "$i")
  mkdir -p "$work/roots/$node/etc/kubernetes"
  bash "$mktree" 200 2 "$work/roots/$node/data" "$((i + 1))" >/dev/null
  NODE_NAME=$node start_role "$work/agents/$node" "$work/roots/$node" agent --name=$FI --namespace=$NS \
    --kubeconfig="$KUBECONFIG" --hostRoot=/hostroot --stateRoot=/hostroot/etc/kubernetes/fio --interval=$INTERVAL
done

play_agents() { # the simulated nodes: one status write each per interval
  while true; do
    now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    for ((i = REAL; i < N; i++)); do
      printf -- '---\napiVersion: fileintegrity.openshift.io/v1alpha1\nkind: FileIntegrityNodeStatus\nmetadata:\n  name: %s-node-%03d\n  namespace: %s\n  labels: {file-integrity.openshift.io/owner: %s}\nnodeName: node-%03d\nlastResult: {condition: Succeeded, lastProbeTime: "%s"}\nresults:\n- {condition: Succeeded, lastProbeTime: "%s"}\n' \
        "$FI" "$i" "$NS" "$FI" "$i" "$now" "$now"
    done | k apply --server-side --field-manager=bench-agents -f - >/dev/null
    sleep $INTERVAL
  done
}
if (( N > REAL )); then play_agents & pids+=($!); fi

status_of() { k -n $NS get fileintegritynodestatuses "$FI-$1" -o jsonpath='{.lastResult.condition}' 2>/dev/null || true; }
t0=$(date +%s)
for ((i = 0; i < REAL; i++)); do
  node=$(printf 'node-%03d' "$i")
  until [[ $(status_of $node) == Succeeded ]]; do
    (( $(date +%s) - t0 < 300 )) || { echo "bench: no Succeeded from $node in 300 s" >&2; tail "$work/agents/$node/err.log" >&2; exit 1; }
    sleep 2
  done
  echo "bench: first result of $node after $(( $(date +%s) - t0 )) s"
done
sleep $((INTERVAL / 2)) # windows start between scans, not at a second boundary next to a write

cpu() { awk '{print $14 + $15}' "/proc/$op_pid/stat"; }
tick=$(getconf CLK_TCK)
window_start=$(date -u +%Y-%m-%dT%H:%M:%S); cpu0=$(cpu)
sleep $((SCANS * INTERVAL))
window_end=$(date -u +%Y-%m-%dT%H:%M:%S); cpu1=$(cpu)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$op_pid/status")

writes_per_node() { # from to: writes to objects of the real agents' nodes in the window, per node
  python3 - "$work/k8s/audit.log" "$1" "$2" "$FI" "$REAL" <<'PY'
import json, sys
log, start, end, fi, real = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
names = {}
for i in range(real):
    node = "node-%03d" % i
    names[f"{fi}-{node}"] = node
    names[f"aide-{fi}-{node}-failed"] = node
counts = {n: [0, 0] for n in set(names.values())}
for line in open(log):
    e = json.loads(line)
    if e.get("stage") != "ResponseComplete" or e.get("responseStatus", {}).get("code", 0) >= 400:
        continue
    t = e.get("stageTimestamp", "")[:19]
    node = names.get(e.get("objectRef", {}).get("name", ""))
    if node and start <= t < end and e["verb"] in ("create", "update", "patch"):
        counts[node][e["objectRef"]["resource"] == "configmaps"] += 1
print(" ".join(f"{n}={s + c} (status {s}, failure ConfigMap {c})" for n, (s, c) in sorted(counts.items())))
PY
}
unchanged=$(writes_per_node "$window_start" "$window_end")

# time from a file change to a Failed status on node-000, then writes of failed scans
f=$(find "$work/roots/node-000/data" -maxdepth 1 -type f -name 'f*' | sort | head -1)
echo tampered >>"$f"; c0=$(date +%s.%N)
until [[ $(status_of node-000) == Failed ]]; do sleep 0.2; done
c1=$(date +%s.%N)
sleep $((INTERVAL / 2)) # the first Failed scan (ConfigMap + status) is done; count only the scans that repeat it
fail_start=$(date -u +%Y-%m-%dT%H:%M:%S); sleep $((SCANS * INTERVAL)); fail_end=$(date -u +%Y-%m-%dT%H:%M:%S)
failed=$(writes_per_node "$fail_start" "$fail_end")

echo "nodes=$N real_agents=$REAL interval=${INTERVAL}s window=$((SCANS * INTERVAL))s (about $SCANS scans)"
echo "api writes per real node in the window, unchanged scans: $unchanged  (per scan: divide by $SCANS)"
echo "api writes per real node in the window, node-000 Failed every scan: $failed"
echo "operator cpu: $(awk -v a="$cpu0" -v b="$cpu1" -v t="$tick" -v w=$((SCANS * INTERVAL)) 'BEGIN {printf "%.2f s in %d s (%.1f%% of one core)", (b-a)/t, w, 100*(b-a)/t/w}')"
echo "operator rss: $((rss / 1024)) MiB"
echo "file change to Failed status: $(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.1f", b-a}') s (interval ${INTERVAL}s)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "operator and API server writes by user (whole run):"
bash "$repo/itest/k8s/apiserver.sh" writes "$work/k8s" | sort -rn | head -8
