#!/usr/bin/env bash
# A real Kubernetes API server (kube-apiserver + etcd) on 127.0.0.1 for the end-to-end tests.
#
#   apiserver.sh build [BIN..]  build the binaries into the cache (only those missing; kubectl only when
#                               none is on the PATH, unless named)
#   apiserver.sh start [DIR]    start etcd and kube-apiserver with their state in DIR (default: a new temp dir),
#                               wait for /readyz, print "export KUBECONFIG=..." (idempotent for the same DIR)
#   apiserver.sh env [DIR]      print the exports of a running instance
#   apiserver.sh status [DIR]   exit 0 when that instance answers /readyz
#   apiserver.sh restart [DIR]  restart kube-apiserver alone on the same port (etcd and its data stay);
#                               FIO_K8S_DOWN_SECONDS=N keeps it down N seconds in between
#   apiserver.sh writes [DIR]   successful API writes so far, per user, verb and resource (from the audit log)
#   apiserver.sh stop [DIR]     stop both processes and remove DIR
#
# Environment: FIO_K8S_CACHE (binary cache, default ~/.cache/fio/k8s), FIO_K8S_VERSION (k8s.io/kubernetes
# release, default v1.34.4), FIO_K8S_DIR (state dir when no DIR argument is given), GO (the go command),
# FIO_K8S_GO_TOOLCHAIN (Go fetched when the local go is older than 1.21), FIO_KUBECTL (kubectl to use),
# FIO_K8S_CONTROLLERS (controllers of kube-controller-manager to run too, e.g. garbage-collector-controller).
# No kubelet or scheduler runs (tests play the nodes); kube-controller-manager only with FIO_K8S_CONTROLLERS.
set -euo pipefail
shopt -s inherit_errexit

K8S_VERSION="${FIO_K8S_VERSION:-v1.34.4}"
CACHE="${FIO_K8S_CACHE:-$HOME/.cache/fio/k8s}"
BIN="$CACHE/bin-$K8S_VERSION"
DEFAULT_DIR_POINTER="${TMPDIR:-/tmp}/fio-k8s-current"
TOKEN_USER="fio-e2e-admin"

log() { echo "apiserver.sh: $*" >&2; }
die() { log "error: $*"; exit 1; }

# A Go toolchain able to build k8s 1.34 (>= 1.21, which fetches newer toolchains itself). An older go, such as
# Debian 12's golang-go 1.19, only downloads the module golang.org/toolchain (FIO_K8S_GO_TOOLCHAIN) once.
resolve_go() {
  local go="${GO:-}" bootstrap="$CACHE/${FIO_K8S_GO_TOOLCHAIN:-go1.24.13}"
  if [[ -z "$go" ]]; then
    go="$(command -v go || true)"
    [[ -z "$go" && -x /usr/local/go/bin/go ]] && go=/usr/local/go/bin/go
    [[ -z "$go" ]] && go="$(ls -d /usr/lib/go-1.*/bin/go 2>/dev/null | sort -V | tail -1 || true)"
  fi
  [[ -n "$go" && -x "$go" ]] || die "no Go toolchain ('${go:-go}' is not there; put go on the PATH, install \
/usr/local/go or golang-go, or set GO=...)"
  if go_is_recent "$go"; then GO_BIN="$go"; return 0; fi
  [[ -x "$bootstrap/bin/go" ]] || bootstrap_go "$go" "$bootstrap"
  GO_BIN="$bootstrap/bin/go"
}

go_is_recent() {
  local version
  version="$("$1" env GOVERSION 2>/dev/null || true)"
  [[ "$version" =~ ^go1\.([0-9]+) ]] && (( BASH_REMATCH[1] >= 21 ))
}

bootstrap_go() {
  local old="$1" target="$2" arch json dir
  case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; *) die "no Go toolchain for $(uname -m)" ;; esac
  log "$old is older than Go 1.21; downloading golang.org/toolchain ${target##*/} with it"
  json="$(cd / && GOMODCACHE="$CACHE/go/mod" GOFLAGS= "$old" mod download -json \
    "golang.org/toolchain@v0.0.1-${target##*/}.linux-$arch" 2>&1)" || die "downloading the Go toolchain failed: $json"
  dir="$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p' <<<"$json")"
  [[ -x "$dir/bin/go" || -f "$dir/bin/go" ]] || die "no bin/go in the downloaded toolchain: $json"
  rm -rf "$target.tmp"
  cp -r "$dir" "$target.tmp"
  chmod -R u+w "$target.tmp"
  chmod +x "$target.tmp"/bin/* "$target.tmp"/pkg/tool/*/*
  mv "$target.tmp" "$target"
}

# Runs go with module and build caches inside the fio cache, so that one folder holds everything.
run_go() {
  GOMODCACHE="$CACHE/go/mod" GOCACHE="$CACHE/go/build" GOFLAGS=-mod=mod GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" \
    CGO_ENABLED=0 "$GO_BIN" "$@"
}

# A throw-away module that requires k8s.io/kubernetes and maps each staging module to its published v0.x.
write_kubernetes_module() {
  local dir="$1" json gomod minor
  mkdir -p "$dir"
  printf 'module fio.local/k8sbuild\n\ngo 1.24.0\n' >"$dir/go.mod"
  json="$(cd "$dir" && run_go mod download -json "k8s.io/kubernetes@$K8S_VERSION" 2>&1)" \
    || die "go mod download k8s.io/kubernetes@$K8S_VERSION failed: $json"
  gomod="$(sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",*$/\1/p' <<<"$json")"
  [[ -f "$gomod" ]] || die "no go.mod of k8s.io/kubernetes@$K8S_VERSION in: $json"
  minor="v0.${K8S_VERSION#v1.}"
  {
    printf 'module fio.local/k8sbuild\n\ngo 1.24.0\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n' "$K8S_VERSION"
    # every staging module that k8s.io/kubernetes requires at v0.0.0 and replaces by ./staging/src/...
    sed -n 's#^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/.*#\1#p' "$gomod" | while read -r module; do
      if grep -Eq "^[[:space:]]*$module v0\.0\.0" "$gomod"; then
        printf '\t%s => %s %s\n' "$module" "$module" "$minor"
      fi
    done
    printf ')\n'
  } >"$dir/go.mod"
  # the etcd server version the API server is tested with
  sed -n 's#^[[:space:]]*go\.etcd\.io/etcd/server/v3 \(v[0-9.]*\).*#\1#p' "$gomod" | head -1 >"$dir/etcd-version"
}

# The version the binaries report (kubectl version, /version); a plain go build would say v0.0.0-master.
version_flags() {
  local v minor="${K8S_VERSION#v1.}"
  for v in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    printf -- '-X %s.gitVersion=%s -X %s.gitMajor=1 -X %s.gitMinor=%s -X %s.gitTreeState=clean ' \
      "$v" "$K8S_VERSION" "$v" "$v" "${minor%%.*}" "$v"
  done
}

# build [BINARY...]: the named binaries (default: kube-apiserver, etcd, and kubectl when none is on the PATH),
# each only when it is not in the cache yet.
build() {
  local wanted=("$@") missing=() work start etcd_version
  if [[ ${#wanted[@]} -eq 0 ]]; then
    wanted=(kube-apiserver etcd)
    command -v kubectl >/dev/null || wanted+=(kubectl)
    [[ -z "${FIO_K8S_CONTROLLERS:-}" ]] || wanted+=(kube-controller-manager)
  fi
  for b in "${wanted[@]}"; do
    case "$b" in kube-apiserver|etcd|kubectl|kube-controller-manager) ;;
      *) die "cannot build '$b' (only kube-apiserver, etcd, kubectl, kube-controller-manager)" ;; esac
    [[ -x "$BIN/$b" ]] || missing+=("$b")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  resolve_go
  log "building ${missing[*]} ($K8S_VERSION) into $BIN with $GO_BIN; this takes a while on a small machine"
  start=$(date +%s)
  mkdir -p "$BIN"
  work="$(mktemp -d "${TMPDIR:-/tmp}/fio-k8s-build.XXXXXX")"
  BUILD_WORK="$work"
  trap 'rm -rf "$BUILD_WORK"' EXIT
  write_kubernetes_module "$work/kubernetes"
  etcd_version="$(cat "$work/kubernetes/etcd-version")"
  [[ -n "$etcd_version" ]] || die "k8s.io/kubernetes@$K8S_VERSION names no go.etcd.io/etcd/server/v3 version"
  for b in "${missing[@]}"; do
    case "$b" in
      kube-apiserver|kubectl|kube-controller-manager)
        (cd "$work/kubernetes" && run_go build -trimpath -ldflags="-s $(version_flags)" -o "$BIN/$b.tmp" \
          "k8s.io/kubernetes/cmd/$b") ;;
      etcd)
        mkdir -p "$work/etcd"
        printf 'module fio.local/etcdbuild\n\ngo 1.24.0\n\nrequire go.etcd.io/etcd/server/v3 %s\n' "$etcd_version" >"$work/etcd/go.mod"
        (cd "$work/etcd" && run_go build -trimpath -ldflags=-s -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3) ;;
    esac
    mv "$BIN/$b.tmp" "$BIN/$b"
  done
  rm -rf "$work"
  trap - EXIT
  log "built ${missing[*]} in $(( $(date +%s) - start )) s; cache $(du -sh "$CACHE" | cut -f1), binaries $(du -sh "$BIN" | cut -f1)"
}

# FIO_KUBECTL if set, else the kubectl on the PATH, else the one built into the cache.
kubectl_command() {
  if [[ -n "${FIO_KUBECTL:-}" ]]; then echo "$FIO_KUBECTL"
  elif command -v kubectl >/dev/null; then command -v kubectl
  else echo "$BIN/kubectl"; fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % 30000 ))
    if port_is_free "$port"; then echo "$port"; return 0; fi
  done
  die "no free port found on 127.0.0.1"
}

make_certificates() {
  local dir="$1"
  (
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj "/CN=fio-e2e-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >apiserver.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 2 \
      -extfile apiserver.ext 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    openssl rand -hex 24 >token
    printf '%s,%s,%s-uid,"system:masters"\n' "$(cat token)" "$TOKEN_USER" "$TOKEN_USER" >tokens.csv
    chmod 600 ./*.key token tokens.csv
  )
}

write_kubeconfig() {
  local dir="$1" port="$2"
  cat >"$dir/kubeconfig" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: fio-e2e
  cluster:
    server: https://127.0.0.1:$port
    certificate-authority-data: $(base64 -w0 "$dir/ca.crt")
users:
- name: $TOKEN_USER
  user:
    token: $(cat "$dir/token")
contexts:
- name: fio-e2e
  context: {cluster: fio-e2e, user: $TOKEN_USER, namespace: default}
current-context: fio-e2e
EOF
  chmod 600 "$dir/kubeconfig"
}

start_etcd() {
  local dir="$1" client peer
  client=$(free_port); peer=$(free_port)
  "$BIN/etcd" --name fio-e2e --data-dir "$dir/etcd-data" \
    --listen-client-urls "http://127.0.0.1:$client" --advertise-client-urls "http://127.0.0.1:$client" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "fio-e2e=http://127.0.0.1:$peer" --unsafe-no-fsync --log-level warn \
    >"$dir/etcd.log" 2>&1 &
  echo $! >"$dir/etcd.pid"
  echo "http://127.0.0.1:$client" >"$dir/etcd.url"
  for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$client/health" 2>/dev/null | grep -q '"health":"true"'; then return 0; fi
    kill -0 "$(cat "$dir/etcd.pid")" 2>/dev/null || { tail -20 "$dir/etcd.log" >&2; die "etcd exited"; }
    sleep 0.2
  done
  tail -20 "$dir/etcd.log" >&2
  die "etcd did not become healthy in 20 s"
}

start_apiserver() {
  local dir="$1" port="${2:-}"
  [[ -n "$port" ]] || port=$(free_port)
  # Admission: the defaults minus ServiceAccount (no token controller creates the default ServiceAccount).
  "$BIN/kube-apiserver" --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$port" \
    --etcd-servers "$(cat "$dir/etcd.url")" \
    --tls-cert-file "$dir/apiserver.crt" --tls-private-key-file "$dir/apiserver.key" --client-ca-file "$dir/ca.crt" \
    --token-auth-file "$dir/tokens.csv" --authorization-mode RBAC --anonymous-auth=false \
    --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$dir/sa.pub" \
    --service-account-signing-key-file "$dir/sa.key" --service-cluster-ip-range 10.96.0.0/24 \
    --disable-admission-plugins ServiceAccount --allow-privileged=true --profiling=false \
    --audit-log-path "$dir/audit.log" --audit-policy-file "$dir/audit-policy.yaml" \
    >"$dir/apiserver.log" 2>&1 &
  echo $! >"$dir/apiserver.pid"
  echo "$port" >"$dir/apiserver.port"
}

write_audit_policy() {
  # Metadata of every write and read (not watches), so that benchmarks can count API writes per node and tests
  # can show that an idle operator sends nothing.
  cat >"$1/audit-policy.yaml" <<'EOF'
apiVersion: audit.k8s.io/v1
kind: Policy
omitStages: [RequestReceived]
rules:
- level: Metadata
  verbs: [create, update, patch, delete, deletecollection, get, list]
- level: None
EOF
}

# Optional controllers (FIO_K8S_CONTROLLERS, e.g. garbage-collector-controller,namespace-controller), run by
# kube-controller-manager with the admin kubeconfig, no leader election and no serving port.
start_controllers() {
  local dir="$1"
  [[ -n "${FIO_K8S_CONTROLLERS:-}" ]] || return 0
  "$BIN/kube-controller-manager" --kubeconfig "$dir/kubeconfig" --controllers "$FIO_K8S_CONTROLLERS" \
    --leader-elect=false --secure-port 0 --use-service-account-credentials=false \
    >"$dir/controller-manager.log" 2>&1 &
  echo $! >"$dir/controller-manager.pid"
  sleep 1
  kill -0 "$(cat "$dir/controller-manager.pid")" 2>/dev/null \
    || { tail -20 "$dir/controller-manager.log" >&2; die "kube-controller-manager exited"; }
}

is_ready() {
  local dir="$1"
  [[ -f "$dir/apiserver.port" && -f "$dir/token" ]] || return 1
  [[ "$(curl -fsS --max-time 3 --cacert "$dir/ca.crt" -H "Authorization: Bearer $(cat "$dir/token")" \
    "https://127.0.0.1:$(cat "$dir/apiserver.port")/readyz" 2>/dev/null)" == ok ]]
}

wait_ready() {
  local dir="$1"
  for _ in $(seq 1 300); do
    is_ready "$dir" && return 0
    kill -0 "$(cat "$dir/apiserver.pid")" 2>/dev/null || { tail -30 "$dir/apiserver.log" >&2; die "kube-apiserver exited"; }
    sleep 0.2
  done
  tail -30 "$dir/apiserver.log" >&2
  die "kube-apiserver was not ready in 60 s"
}

print_env() {
  local dir="$1"
  echo "export KUBECONFIG=$dir/kubeconfig"
  echo "export FIO_K8S_DIR=$dir"
  echo "export FIO_KUBECTL=$(kubectl_command)"
}

resolve_dir() {
  local dir="${1:-${FIO_K8S_DIR:-}}"
  if [[ -z "$dir" && -f "$DEFAULT_DIR_POINTER" ]]; then dir="$(cat "$DEFAULT_DIR_POINTER")"; fi
  echo "$dir"
}

start() {
  local dir
  dir="$(resolve_dir "${1:-}")"
  if [[ -n "$dir" ]] && is_ready "$dir"; then print_env "$dir"; return 0; fi
  [[ -n "$dir" && -d "$dir" && -f "$dir/apiserver.pid" ]] && stop "$dir"
  build
  if [[ -z "$dir" ]]; then
    dir="$(mktemp -d "${TMPDIR:-/tmp}/fio-k8s.XXXXXX")"
    echo "$dir" >"$DEFAULT_DIR_POINTER"
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  make_certificates "$dir"
  write_audit_policy "$dir"
  start_etcd "$dir"
  start_apiserver "$dir"
  write_kubeconfig "$dir" "$(cat "$dir/apiserver.port")"
  wait_ready "$dir"
  start_controllers "$dir"
  log "ready: https://127.0.0.1:$(cat "$dir/apiserver.port") (state in $dir)"
  print_env "$dir"
}

stop_process() {
  local pidfile="$1" pid
  [[ -f "$pidfile" ]] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

stop() {
  local dir
  dir="$(resolve_dir "${1:-}")"
  [[ -n "$dir" && -d "$dir" ]] || { log "nothing to stop"; return 0; }
  [[ -f "$dir/apiserver.port" || -f "$dir/etcd.pid" || -f "$dir/kubeconfig" ]] \
    || die "$dir does not look like a state dir of this script; not removing it"
  stop_process "$dir/controller-manager.pid"
  stop_process "$dir/apiserver.pid"
  stop_process "$dir/etcd.pid"
  rm -rf "$dir"
  if [[ -f "$DEFAULT_DIR_POINTER" && "$(cat "$DEFAULT_DIR_POINTER")" == "$dir" ]]; then rm -f "$DEFAULT_DIR_POINTER"; fi
  log "stopped; removed $dir"
}

# Restarts kube-apiserver alone on the same port (etcd and the data stay): clients see a connection loss.
restart() {
  local dir
  dir="$(resolve_dir "${1:-}")"
  [[ -n "$dir" && -f "$dir/apiserver.port" && -f "$dir/etcd.url" ]] || die "no API server state in '$dir'"
  stop_process "$dir/apiserver.pid"
  for _ in $(seq 1 50); do port_is_free "$(cat "$dir/apiserver.port")" && break; sleep 0.2; done
  # FIO_K8S_DOWN_SECONDS: stay down that long (an outage longer than a client's lease renew deadline)
  sleep "${FIO_K8S_DOWN_SECONDS:-0}"
  start_apiserver "$dir" "$(cat "$dir/apiserver.port")"
  wait_ready "$dir"
  log "restarted kube-apiserver on https://127.0.0.1:$(cat "$dir/apiserver.port")"
}

# Successful writes in the audit log, counted per user, verb and resource (for the API-writes benchmark).
writes() {
  local dir
  dir="$(resolve_dir "${1:-}")"
  [[ -f "$dir/audit.log" ]] || die "no audit log in '$dir'"
  python3 - "$dir/audit.log" <<'PY'
import collections, json, sys
counts = collections.Counter()
with open(sys.argv[1]) as log:
    for line in log:
        event = json.loads(line)
        if event.get("stage") != "ResponseComplete" or event.get("responseStatus", {}).get("code", 0) >= 400:
            continue
        if event.get("verb") not in ("create", "update", "patch", "delete", "deletecollection"):
            continue
        ref = event.get("objectRef", {})
        resource = ref.get("resource", "?") + ("/" + ref["subresource"] if ref.get("subresource") else "")
        counts[(event["user"]["username"], event["verb"], resource)] += 1
for (user, verb, resource), n in sorted(counts.items()):
    print(f"{n:6d} {user} {verb} {resource}")
PY
}

case "${1:-}" in
  build) shift; build "$@" ;;
  start) start "${2:-}" ;;
  stop) stop "${2:-}" ;;
  env) d="$(resolve_dir "${2:-}")"; is_ready "$d" || die "no running API server in '${d}'"; print_env "$d" ;;
  status) is_ready "$(resolve_dir "${2:-}")" ;;
  writes) writes "${2:-}" ;;
  restart) restart "${2:-}" ;;
  *) sed -n '2,/^[^#]/{/^#/p}' "$0" >&2; exit 64 ;;
esac
