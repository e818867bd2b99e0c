#!/usr/bin/env bash
# Prints the absolute path of a usable Mailpit (a local SMTP server with a web UI and a JSON
# API) on stdout, and nothing else there: callers do `MAILPIT_PATH="$(bash scripts/ensure-mailpit.sh)"`.
# Progress and errors go to stderr.
#
# Order: $MAILPIT_PATH, then the user-level cache shared by every checkout (the one the Temporal
# CLI uses: $CREATOROPS_CACHE_DIR, default ~/.cache/creatorops, or $XDG_CACHE_HOME/creatorops),
# then build it there with Go. No Debian or npm package ships Mailpit, and its releases are
# not fetched: building from the Go module is the path the tests and CI rely on.
set -euo pipefail

readonly MAILPIT_VERSION=v1.33.1

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
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
tools="$cache/mailpit/$MAILPIT_VERSION"
bin="$tools/mailpit"

log() { echo "ensure-mailpit: $*" >&2; }
die() { log "error: $*"; exit 1; }

verify_and_print() {
  local path="$1" version
  version="$("$path" version --no-release-check 2>&1 | head -n 1)" || die "$path version failed: $version"
  log "using $path ($version)"
  printf '%s\n' "$path"
  exit 0
}

if [[ -n "${MAILPIT_PATH:-}" ]]; then
  path="$MAILPIT_PATH"
  [[ "$path" == /* ]] || path="$PWD/$path"
  [[ -f "$path" && -x "$path" ]] \
    || die "MAILPIT_PATH=$MAILPIT_PATH is not an executable file (unset it to build Mailpit into $tools)"
  verify_and_print "$path"
fi

[[ -x "$bin" ]] && verify_and_print "$bin"

mkdir -p "$tools"
# Two callers (say, parallel CI jobs) must not build at the same time.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$tools/.lock"
  log "waiting for $tools/.lock"
  flock 9
  # Whoever held the lock may have just produced the binary.
  [[ -x "$bin" ]] && verify_and_print "$bin"
fi

# Build into a staging directory inside the cache (same filesystem) and rename into place, so
# an interrupted run never leaves a half-written executable at $bin that the check above trusts.
staging="$(mktemp -d "$tools/.staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

go=""
if command -v go >/dev/null 2>&1; then
  go="$(command -v go)"
elif [[ -x /usr/local/go/bin/go ]]; then
  go=/usr/local/go/bin/go
fi
[[ -n "$go" ]] || die "no Go toolchain to build Mailpit with: install Go (Debian: apt-get install golang-go) or set MAILPIT_PATH to a mailpit binary"

log "building Mailpit $MAILPIT_VERSION with $go into $tools"
log "this happens once per machine (the cache is shared by every checkout): several minutes on 2 cores, mostly silent compiling"
# Without HOME, go has nowhere for its module and build caches.
if [[ -z "${HOME:-}" ]]; then
  export GOPATH="$tools/go" GOCACHE="$tools/go-cache"
fi
# CGO_ENABLED=0: a static binary; Mailpit's SQLite is pure Go.
GOBIN="$staging" CGO_ENABLED=0 \
  "$go" install "github.com/axllent/mailpit@$MAILPIT_VERSION" >&2 &
builder=$!
started=$SECONDS
# go prints nothing while it compiles: say every 30 s that it is still at it.
while kill -0 "$builder" 2>/dev/null; do
  for _ in $(seq 30); do
    kill -0 "$builder" 2>/dev/null || break
    sleep 1
  done
  kill -0 "$builder" 2>/dev/null && log "still building Mailpit ($((SECONDS - started)) s so far)"
done
wait "$builder" || die "go install failed (see above); set MAILPIT_PATH to a mailpit binary to skip building"
log "built in $((SECONDS - started)) s"

[[ -f "$staging/mailpit" ]] || die "no mailpit binary was produced"
chmod +x "$staging/mailpit"
mv -f "$staging/mailpit" "$bin"
verify_and_print "$bin"
