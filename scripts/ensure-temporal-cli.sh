#!/usr/bin/env bash
# Prints the absolute path of a usable Temporal CLI (which bundles the dev server) on
# stdout, and nothing else there: callers do `TEMPORAL_CLI_PATH="$(bash scripts/ensure-temporal-cli.sh)"`.
# Progress and errors go to stderr.
#
# Order: $TEMPORAL_CLI_PATH, then a CLI already built for this checkout (<repo>/.tools/bin/temporal,
# where earlier versions put it), then the user-level cache shared by every checkout
# ($CREATOROPS_CACHE_DIR, default ~/.cache/creatorops, or $XDG_CACHE_HOME/creatorops), then build
# it there with Go, then download the official release.
set -euo pipefail

# v1.5.1 is pinned on purpose: later tags carry a `replace` directive that
# `go install pkg@version` refuses. It bundles Temporal server 1.29.
readonly TEMPORAL_CLI_VERSION=v1.5.1

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
legacy="$repo/.tools/bin/temporal"
if [[ -n "${CREATOROPS_CACHE_DIR:-}" ]]; then
  cache="$CREATOROPS_CACHE_DIR"
elif [[ -n "${XDG_CACHE_HOME:-}" ]]; then
  cache="$XDG_CACHE_HOME/creatorops"
elif [[ -n "${HOME:-}" ]]; then
  cache="$HOME/.cache/creatorops"
else
  cache="$repo/.tools"
fi
# One directory per version, so checkouts pinned to different versions share the cache.
tools="$cache/temporal-cli/$TEMPORAL_CLI_VERSION"
bin="$tools/temporal"

log() { echo "ensure-temporal-cli: $*" >&2; }
die() { log "error: $*"; exit 1; }

verify_and_print() {
  local path="$1" version
  version="$("$path" --version 2>&1)" || die "$path --version failed: $version"
  log "using $path ($version)"
  printf '%s\n' "$path"
  exit 0
}

if [[ -n "${TEMPORAL_CLI_PATH:-}" ]]; then
  path="$TEMPORAL_CLI_PATH"
  [[ "$path" == /* ]] || path="$PWD/$path"
  [[ -f "$path" && -x "$path" ]] \
    || die "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file (unset it to build or download the CLI into $tools)"
  verify_and_print "$path"
fi

[[ -x "$legacy" ]] && verify_and_print "$legacy"
[[ -x "$bin" ]] && verify_and_print "$bin"

mkdir -p "$tools"
# Two callers (say, parallel CI jobs on one checkout) must not build at the same time.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$tools/.lock"
  log "waiting for $tools/.lock"
  flock 9
  # Whoever held the lock may have just produced the binary.
  [[ -x "$bin" ]] && verify_and_print "$bin"
fi

# Build or download into a staging directory inside the cache (same filesystem) and rename
# into place, so an interrupted run never leaves a half-written executable at $bin that
# the check above would then trust.
staging="$(mktemp -d "$tools/.staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

go=""
if command -v go >/dev/null 2>&1; then
  go="$(command -v go)"
elif [[ -x /usr/local/go/bin/go ]]; then
  go=/usr/local/go/bin/go
fi

if [[ -n "$go" ]]; then
  log "building the Temporal CLI $TEMPORAL_CLI_VERSION with $go into $tools"
  log "this happens once per machine (the cache is shared by every checkout): 4-12 minutes on 2 cores, mostly silent compiling"
  # Without HOME, go has nowhere for its module and build caches.
  if [[ -z "${HOME:-}" ]]; then
    export GOPATH="$tools/go" GOCACHE="$tools/go-cache"
  fi
  # CGO_ENABLED=0: a static binary, like the official release; the CLI's SQLite is pure Go.
  GOBIN="$staging" CGO_ENABLED=0 \
    "$go" install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2 &
  builder=$!
  started=$SECONDS
  # go prints nothing while it compiles: say every 30 s that it is still at it.
  while kill -0 "$builder" 2>/dev/null; do
    for _ in $(seq 30); do
      kill -0 "$builder" 2>/dev/null || break
      sleep 1
    done
    kill -0 "$builder" 2>/dev/null && log "still building the Temporal CLI ($((SECONDS - started)) s so far)"
  done
  wait "$builder" || die "go install failed (see above); set TEMPORAL_CLI_PATH to a Temporal CLI to skip building"
  log "built in $((SECONDS - started)) s"
else
  case "$(uname -s)" in
    Linux) platform=linux ;;
    Darwin) platform=darwin ;;
    *) die "no Go toolchain and no release for $(uname -s); set TEMPORAL_CLI_PATH" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "no Go toolchain and no release for $(uname -m); set TEMPORAL_CLI_PATH" ;;
  esac
  url="https://temporal.download/cli/archive/$TEMPORAL_CLI_VERSION?platform=$platform&arch=$arch"
  log "no Go toolchain; downloading $url"
  curl -fsSL "$url" -o "$staging/temporal.tar.gz" || die "download failed: $url"
  tar -xzf "$staging/temporal.tar.gz" -C "$staging" temporal || die "no temporal binary in $url"
fi

[[ -f "$staging/temporal" ]] || die "no temporal binary was produced"
chmod +x "$staging/temporal"
mv -f "$staging/temporal" "$bin"
verify_and_print "$bin"
