#!/usr/bin/env bash
# Builds the Go programs the harness and the tests run (etcd 3.5 and 3.6, …) from the
# modules pinned under tools/, once per machine, into a cache keyed by the Go version and
# each module's go.mod, go.sum and our own main packages. Nothing is downloaded but Go
# modules, through the Go module proxy.
#
#   bash scripts/build-tools.sh            # every module under tools/
#   bash scripts/build-tools.sh etcd-3.6   # only these
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
)

if ! command -v go >/dev/null 2>&1; then
  echo "tools: no 'go' on PATH. Install Go 1.26 or newer (the modules under tools/ need it), then run: bash scripts/build-tools.sh" >&2
  exit 1
fi
go_version="$(go env GOVERSION)"

modules=("$@")
if [ "${#modules[@]}" -eq 0 ]; then
  for d in tools/*/go.mod; do modules+=("$(basename "$(dirname "$d")")"); done
fi

mkdir -p "$cache"
for m in "${modules[@]}"; do
  dir="tools/$m"
  if [ ! -f "$dir/go.mod" ]; then
    echo "tools: unknown tool module '$m' (no $dir/go.mod). Known: $(cd tools && ls -d */ | tr -d / | tr '\n' ' ')" >&2
    exit 2
  fi
  key="$( (echo "$go_version"; cat "$dir/go.mod" "$dir/go.sum"; find "$dir" -name '*.go' -print0 | sort -z | xargs -0 cat) | sha256sum | cut -c1-16)"
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
  if ! (cd "$dir" && CGO_ENABLED=0 go build -mod=readonly -trimpath -ldflags='-s -w' -o "$tmp/bin/" ./cmd/... tool); then
    rm -rf "$tmp"
    echo "tools: building the Go module $dir failed (see the go error above). It needs the Go module proxy ($(go env GOPROXY)) to serve the modules its go.sum pins; check the network and 'go env', then run: bash scripts/build-tools.sh $m" >&2
    exit 1
  fi
  date -u +%Y-%m-%dT%H:%M:%SZ >"$tmp/.complete"
  rm -rf "$out"
  mv "$tmp" "$out"
  ln -sfn "$out" "$cache/$m.tmp" && mv -T "$cache/$m.tmp" "$cache/$m"
  echo "tools: built $m in $(($(date +%s) - started)) s: $(ls "$out/bin" | tr '\n' ' ')→ $cache/$m/bin" >&2
done
