#!/usr/bin/env bash
# Builds the Go programs the harness and the tests run (etcd 3.5 and 3.6, Kubernetes, crictl,
# act)
# from the modules pinned under tools/, once per machine, into a cache keyed by the Go version
# and each module's go.mod, go.sum and our own main packages. Nothing is downloaded but Go
# modules, through the Go module proxy.
#
#   bash scripts/build-tools.sh                        # the default modules (etcd, act)
#   bash scripts/build-tools.sh kubernetes cri-tools   # only these
#   KUBE_RESCUE_TOOLS="kubernetes cri-tools" bash scripts/build-tools.sh   # the default ones and these
#
# kubernetes and cri-tools are built only when asked: only the kubeadm provider needs them, and
# Kubernetes takes many minutes on 2 cores the first time. act (nektos/act, the workflow runner
# the action's tests run the example workflows with) is a default: `npm test` runs those tests,
# and its first build costs about 3.5 CPU-minutes, once per machine.
#
# Each module's binaries end up in  $KUBE_RESCUE_CACHE/tools/<module>/bin  (a link to the
# keyed build), which is where harness/tools.ts looks for them.
set -euo pipefail
cd "$(dirname "$0")/.."

cache="${KUBE_RESCUE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kube-rescue}/tools"

# Rough first-build times on 2 cores with an empty Go module cache, for the message only.
declare -A ESTIMATE=(
  [etcd-3.5]="about 1-2 min"
  [etcd-3.6]="about 1-2 min"
  [kubernetes]="about 20-40 min (23 min measured on a loaded 2-core machine)"
  [cri-tools]="about 1-2 min"
  [act]="a few minutes (9 min measured on a 2-core machine at load 16-25; 3.5 CPU-min)"
)
# Built only when named (an argument or KUBE_RESCUE_TOOLS).
OPT_IN=(kubernetes cri-tools)

if ! command -v go >/dev/null 2>&1; then
  echo "tools: no 'go' on PATH. Install Go 1.26 or newer (the modules under tools/ need it), then run: bash scripts/build-tools.sh" >&2
  exit 1
fi
go_version="$(go env GOVERSION)"

modules=("$@")
if [ "${#modules[@]}" -eq 0 ]; then
  for d in tools/*/go.mod; do
    m="$(basename "$(dirname "$d")")"
    [[ " ${OPT_IN[*]} " == *" $m "* ]] || modules+=("$m")
  done
  # shellcheck disable=SC2206 # a space-separated list of module names
  modules+=(${KUBE_RESCUE_TOOLS:-})
fi

mkdir -p "$cache"
for m in "${modules[@]}"; do
  dir="tools/$m"
  if [ ! -f "$dir/go.mod" ]; then
    echo "tools: unknown tool module '$m' (no $dir/go.mod). Known: $(cd tools && ls -d */ | tr -d / | tr '\n' ' ')" >&2
    exit 2
  fi
  ldflags='-s -w'
  if [ "$m" = kubernetes ]; then
    # Kubernetes stamps its version at link time (its hack/lib/version.sh); unstamped, every
    # binary says v0.0.0-master and kubeadm refuses the kubelet and the control plane.
    kv="$(cd "$dir" && go list -m -f '{{.Version}}' k8s.io/kubernetes)"
    minor="$(echo "$kv" | cut -d. -f2)"
    for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      ldflags+=" -X $pkg.gitVersion=$kv -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
    done
  elif [ "$m" = cri-tools ]; then
    ldflags+=" -X sigs.k8s.io/cri-tools/pkg/version.Version=$(cd "$dir" && go list -m -f '{{.Version}}' sigs.k8s.io/cri-tools)"
  fi
  # The default flags stay out of the key, so that the etcd builds keep their cache.
  key="$( (echo "$go_version"; [ "$ldflags" = '-s -w' ] || echo "$ldflags"; cat "$dir/go.mod" "$dir/go.sum"; find "$dir" -name '*.go' -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-16)"
  out="$cache/$m-$key"
  if [ -f "$out/.complete" ]; then
    ln -sfn "$out" "$cache/$m.tmp" && mv -T "$cache/$m.tmp" "$cache/$m"
    echo "tools: $m is cached ($out)" >&2
    continue
  fi
  what="$(cd "$dir" && { go list -m -f '{{if and (not .Main) (not .Indirect)}}{{.Path}}@{{.Version}}{{end}}' all; go list -f '{{.Module.Path}}@{{.Module.Version}}' tool; } 2>/dev/null | sort -u | tr '\n' ' ' || true)"
  echo "tools: building $m from $dir with $go_version (${ESTIMATE[$m]:-a few minutes} the first time): ${what}" >&2
  started=$(date +%s)
  tmp="$(mktemp -d "$cache/.$m-build.XXXXXX")"
  # go build is silent for minutes on a big module: say that it still runs.
  # The ticker's own stderr is muted (its killed sleep would print "Terminated"); it speaks on fd 3.
  exec 3>&2
  (while sleep 60; do echo "tools: still building $m ($(($(date +%s) - started)) s)" >&3; done) 2>/dev/null &
  ticker=$!
  # Its sleep holds our stderr open: end the sleep, and the loop ends with it.
  stop_ticker() { pkill -P "$ticker" sleep 2>/dev/null || true; kill "$ticker" 2>/dev/null || true; }
  if ! (cd "$dir" && CGO_ENABLED=0 go build -mod=readonly -trimpath -ldflags="$ldflags" -o "$tmp/bin/" $(test -d cmd && echo ./cmd/...) tool); then
    stop_ticker
    rm -rf "$tmp"
    echo "tools: building the Go module $dir failed (see the go error above). It needs the Go module proxy ($(go env GOPROXY)) to serve the modules its go.sum pins; check the network and 'go env', then run: bash scripts/build-tools.sh $m" >&2
    exit 1
  fi
  stop_ticker
  date -u +%Y-%m-%dT%H:%M:%SZ >"$tmp/.complete"
  rm -rf "$out"
  mv "$tmp" "$out"
  ln -sfn "$out" "$cache/$m.tmp" && mv -T "$cache/$m.tmp" "$cache/$m"
  echo "tools: built $m in $(($(date +%s) - started)) s: $(ls "$out/bin" | tr '\n' ' ')→ $cache/$m/bin" >&2
done
