#!/usr/bin/env bash
# memory.sh - does `fio agent` stay inside FIO's daemon memory limit (600Mi) on a 100k-file tree? (issue 6)
#
# Usage: itest/k8s/nodes/memory.sh [N_FILES=100000] [TOTAL_MB=200] [LIMIT_MIB=600]
#   FIO_MEMORY_TREE=DIR  reuse a tree made earlier by mktree.sh N_FILES TOTAL_MB DIR 7 (made there when missing)
#   FIO_AGENT_OPTS=...   JVM options of the agent (default: exactly what bin/fio gives `agent` in the pod)
#
# Runs the real `fio operator` and one real `fio agent` against a real kube-apiserver (../apiserver.sh). The agent
# runs in a memory cgroup limited to LIMIT_MIB, swap off (cgroup v2 memory.max, or v1 memory.limit_in_bytes on a
# hybrid host), in a private mount namespace with the tree's host root at /hostroot, as the DaemonSet pod does.
# The tree's pages are evicted from the page cache first (a cold node). It builds the baseline (init), then runs one
# check. Printed: the cgroup's peak (page cache included: the kernel
# reclaims cache at the limit, so a peak near the limit alone is no danger), the JVM's peak RSS (VmHWM, reset
# between init and check), anonymous memory and page cache after the check, the JVM's heap limit, the times the
# limit was hit and OOM kills. Needs root, python3, the built distribution and the API server binaries.
set -euo pipefail

FILES=${1:-100000} MB=${2:-200} LIMIT_MIB=${3:-600}
NS=openshift-file-integrity FI=memory NODE=memory-node-0
here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../../.." && pwd -P)
fio="$repo/distribution/target/fio/bin/fio"
mktree=""
for d in "$repo/.." "$repo/../.." "$repo"; do [[ -f "$d/shared/tools/aide-bench/mktree.sh" ]] && mktree="$d/shared/tools/aide-bench/mktree.sh" && break; done
[[ -x "$fio" ]] || { echo "memory.sh: build the distribution first ($fio missing)" >&2; exit 2; }
[[ -n "$mktree" ]] || { echo "memory.sh: cannot find shared/tools/aide-bench/mktree.sh" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "memory.sh: needs root (memory cgroup, mount namespace)" >&2; exit 2; }

work=$(mktemp -d /tmp/fio-memory-XXXXXX)
root=${FIO_MEMORY_TREE:-$work/root}
pids=() cg=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [[ -n $cg && -d $cg ]] && rmdir "$cg" 2>/dev/null || true
  bash "$repo/itest/k8s/apiserver.sh" stop "$work/k8s" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# --- the memory cgroup: v2 when the memory controller is there, else v1 (hybrid hosts) ---
limit=$((LIMIT_MIB * 1024 * 1024))
if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2>/dev/null; then
  cg=/sys/fs/cgroup/fio-agent-memory-$$
  mkdir "$cg"; echo "$limit" >"$cg/memory.max"; echo 0 >"$cg/memory.swap.max"
  peak() { cat "$cg/memory.peak"; }
  stat_of() { awk -v k="$1" '$1 == k {print $2}' "$cg/memory.stat"; }
  anon_key=anon file_key=file
  limit_hits() { awk '$1 == "max" {print $2}' "$cg/memory.events"; }
  oom_kills() { awk '$1 == "oom_kill" {print $2}' "$cg/memory.events"; }
  version=v2
elif [[ -d /sys/fs/cgroup/memory ]]; then
  cg=/sys/fs/cgroup/memory/fio-agent-memory-$$
  mkdir "$cg"; echo "$limit" >"$cg/memory.limit_in_bytes"
  [[ -f $cg/memory.memsw.limit_in_bytes ]] && echo "$limit" >"$cg/memory.memsw.limit_in_bytes"
  peak() { cat "$cg/memory.max_usage_in_bytes"; }
  stat_of() { awk -v k="$1" '$1 == k {print $2}' "$cg/memory.stat"; }
  anon_key=total_rss file_key=total_cache
  limit_hits() { cat "$cg/memory.failcnt"; }
  oom_kills() { awk '$1 == "oom_kill" {print $2}' "$cg/memory.oom_control"; }
  version=v1
else
  echo "memory.sh: no memory cgroup controller under /sys/fs/cgroup" >&2; exit 2
fi
mib() { awk -v b="$1" 'BEGIN {printf "%.0f MiB", b / 1048576}'; }

if [[ ! -d $root/data ]]; then
  echo "memory: making the tree ($FILES files, $MB MiB) in $root/data"
  bash "$mktree" "$FILES" "$MB" "$root/data" 7 >/dev/null
fi
mkdir -p "$root/etc/kubernetes" /hostroot
rm -rf "$root/etc/kubernetes/"{aide.*,fio}
# a cold tree, as on a node: its pages leave the page cache (only this tree's), so the cache the scans read in is
# charged to the agent's cgroup and the numbers show whether the provider releases it
python3 - "$root/data" <<'PY'
import os, sys
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        p = os.path.join(d, f)
        if os.path.isfile(p) and not os.path.islink(p):
            fd = os.open(p, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
PY

eval "$(bash "$repo/itest/k8s/apiserver.sh" start "$work/k8s")"
k() { "$FIO_KUBECTL" --kubeconfig "$KUBECONFIG" "$@"; }
m="$repo/bundles/k8s-bridge/src/main/k8s"
k apply -f "$m/crds" >/dev/null && k wait --for=condition=Established crd --all --timeout=60s >/dev/null
for f in "$m"/0[0-4]-*.yaml; do k apply -f "$f" >/dev/null; done
printf 'apiVersion: v1\nkind: Node\nmetadata:\n  name: %s\n  labels: {node-role.kubernetes.io/worker: ""}\n' $NODE | k apply -f - >/dev/null
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

mkdir -p "$work/operator" "$work/agent"
(cd "$work/operator" && FIO_JAVA_OPTS="-XX:+UseSerialGC -Xss512k -Dorg.osgi.service.http.port=$(port)" exec "$fio" \
  operator --kubeconfig="$KUBECONFIG" --namespace=$NS --image=fio:memory >out.log 2>err.log) &
pids+=($!)
printf '@@define DBDIR /etc/kubernetes\n@@define LOGDIR /etc/kubernetes\ndatabase=file:@@{DBDIR}/aide.db.gz\ndatabase_out=file:@@{DBDIR}/aide.db.gz.new\ngzip_dbout=yes\nreport_url=file:@@{LOGDIR}/aide.log\nCONTENT_EX = sha512+ftype+p+u+g+n+acl+selinux+xattrs\n/data CONTENT_EX\n' >"$work/aide.conf"
k -n $NS create configmap memory-conf --from-file=aide.conf="$work/aide.conf" >/dev/null
k apply -f - >/dev/null <<YAML
apiVersion: fileintegrity.openshift.io/v1alpha1
kind: FileIntegrity
metadata: {name: $FI, namespace: $NS}
spec:
  nodeSelector: {node-role.kubernetes.io/worker: ""}
  config: {name: memory-conf, namespace: $NS, key: aide.conf, gracePeriod: 10}
YAML
until k -n $NS get configmap $FI >/dev/null 2>&1; do sleep 1; done

# bin/fio gives `agent` "-XX:+UseSerialGC -Xss512k" (no heap cap: the JVM takes 1/4 of the cgroup limit); the
# Containerfile adds only temp-dir properties. A console port of its own so it cannot collide with other runs.
opts=${FIO_AGENT_OPTS:-"-XX:+UseSerialGC -Xss512k"}
(cd "$work/agent" && echo "$BASHPID" >"$cg/cgroup.procs" && NODE_NAME=$NODE \
  FIO_JAVA_OPTS="$opts -Dorg.osgi.service.http.port=$(port)" exec unshare --mount --propagation private \
  sh -c 'mount --bind "$0" /hostroot && exec "$@"' "$root" "$fio" agent --name=$FI --namespace=$NS \
  --kubeconfig="$KUBECONFIG" --hostRoot=/hostroot --stateRoot=/hostroot/etc/kubernetes/fio --interval=10 \
  >out.log 2>err.log) &
pids+=($!)
t0=$(date +%s)

jvm_pid() { pgrep -f -n "fio-launcher.jar agent --name=$FI" || true; }
status() { k -n $NS get fileintegritynodestatuses "$FI-$NODE" -o jsonpath='{.lastResult.condition} {.lastResult.lastProbeTime}' 2>/dev/null || true; }
wait_for() { # what predicate-command timeout
  local what=$1 timeout=$3
  until eval "$2"; do
    if (( $(date +%s) - t0 > timeout )) || ! kill -0 "${pids[1]}" 2>/dev/null; then
      echo "memory.sh: no $what within ${timeout}s (agent alive: $(kill -0 "${pids[1]}" 2>/dev/null && echo yes || echo no))" >&2
      tail -20 "$work/agent/err.log" >&2; echo "oom kills: $(oom_kills)" >&2; exit 1
    fi
    sleep 1
  done
}
wait_for "baseline (first result)" '[[ $(status) == Succeeded* ]]' 900
init_done=$(date +%s); first=$(status)
pid=$(jvm_pid)
init_hwm=$(awk '/VmHWM/ {print $2 * 1024}' "/proc/$pid/status"); init_peak=$(peak)
heap_max=$(jcmd "$pid" VM.flags 2>/dev/null | tr ' ' '\n' | awk -F= '/MaxHeapSize/ {print $2}')
echo 5 >"/proc/$pid/clear_refs" # resets VmHWM: the check's peak RSS is its own
wait_for "check result" '[[ $(status) != "$first" && $(status) == Succeeded* ]]' 1800
check_done=$(date +%s)
check_hwm=$(awk '/VmHWM/ {print $2 * 1024}' "/proc/$pid/status")
heap=$(jcmd "$pid" GC.heap_info 2>/dev/null \
  | sed -nE 's/^ *([a-z ]*generation) +total ([0-9]+K), used ([0-9]+K).*/\1 used \3 of \2/p' | paste -sd ';' -)

echo "tree: $FILES files, $MB MiB; cgroup $version limit ${LIMIT_MIB} MiB, swap off; agent JVM options: $opts"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "init (start to first Succeeded, JVM start included): $((init_done - t0)) s; check: until $((check_done - init_done)) s later (interval 10 s)"
echo "JVM heap limit (MaxHeapSize chosen by the JVM in the cgroup): $(mib "${heap_max:-0}")"
echo "JVM peak RSS (VmHWM): init $(mib "$init_hwm"), check $(mib "$check_hwm"); heap after the check: ${heap:-?}"
echo "cgroup peak (anon + page cache + kernel): after init $(mib "$init_peak"), after check $(mib "$(peak)")"
echo "cgroup now: anon $(mib "$(stat_of $anon_key)"), page cache $(mib "$(stat_of $file_key)")"
echo "limit reached (reclaim) count: $(limit_hits); OOM kills: $(oom_kills); results: $(status)"
