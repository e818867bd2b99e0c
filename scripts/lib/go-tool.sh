# Sourced by scripts/ensure-*.sh: the steps every tool CreatorOps builds from a Go module shares.
# Each tool lives in the user-level cache shared by every checkout ($CREATOROPS_CACHE_DIR, default
# ~/.cache/creatorops, or $XDG_CACHE_HOME/creatorops), one directory per version; it is built
# once, under a lock, into a staging directory and renamed into place, so an interrupted run never
# leaves a half-written executable that a later run would trust.
#
# The sourcing script sets TOOL_NAME (for messages), TOOL_DIR (under the cache), TOOL_VERSION and
# TOOL_BINARY, and defines `tool_version <path>` (prints the tool's version line). After
# `go_tool_init`, $tools, $bin, $staging (after `go_tool_lock_and_stage`) and $go are set.

go_tool_init() {
  local repo="$1"
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
  tools="$cache/$TOOL_DIR/$TOOL_VERSION"
  bin="$tools/$TOOL_BINARY"
}

log() { echo "ensure-$TOOL_DIR: $*" >&2; }
die() { log "error: $*"; exit 1; }

verify_and_print() {
  local path="$1" version
  version="$(tool_version "$path" 2>&1)" || die "$path: asking its version failed: $version"
  log "using $path ($version)"
  printf '%s\n' "$path"
  exit 0
}

# The executable an environment variable names ($1: its name), if set: it must be one.
use_override() {
  local name="$1" value="${!1:-}" path
  [[ -n "$value" ]] || return 0
  path="$value"
  [[ "$path" == /* ]] || path="$PWD/$path"
  [[ -f "$path" && -x "$path" ]] || die "$name=$value is not an executable file (unset it to build $TOOL_NAME into $tools)"
  verify_and_print "$path"
}

go_tool_lock_and_stage() {
  mkdir -p "$tools"
  # Two callers (say, parallel CI jobs) must not build at the same time.
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$tools/.lock"
    log "waiting for $tools/.lock"
    flock 9
    # Whoever held the lock may have just produced the binary.
    [[ -x "$bin" ]] && verify_and_print "$bin"
  fi
  staging="$(mktemp -d "$tools/.staging.XXXXXX")"
  trap 'rm -rf "$staging"' EXIT
  go=""
  if command -v go >/dev/null 2>&1; then
    go="$(command -v go)"
  elif [[ -x /usr/local/go/bin/go ]]; then
    go=/usr/local/go/bin/go
  fi
}

# `go install <module path>@$TOOL_VERSION` into the staging directory, saying every 30 s that it
# is still at it (go prints nothing while it compiles). $2: how long it roughly takes; $3: the
# hint given when it fails.
go_tool_build() {
  local module="$1" duration="$2" hint="$3" builder started
  log "building $TOOL_NAME $TOOL_VERSION with $go into $tools"
  log "this happens once per machine (the cache is shared by every checkout): $duration on 2 cores, mostly silent compiling"
  # Without HOME, go has nowhere for its module and build caches.
  if [[ -z "${HOME:-}" ]]; then
    export GOPATH="$tools/go" GOCACHE="$tools/go-cache"
  fi
  # CGO_ENABLED=0: a static binary (both tools' SQLite is pure Go).
  GOBIN="$staging" CGO_ENABLED=0 "$go" install "$module@$TOOL_VERSION" >&2 &
  builder=$!
  started=$SECONDS
  while kill -0 "$builder" 2>/dev/null; do
    for _ in $(seq 30); do
      kill -0 "$builder" 2>/dev/null || break
      sleep 1
    done
    kill -0 "$builder" 2>/dev/null && log "still building $TOOL_NAME ($((SECONDS - started)) s so far)"
  done
  wait "$builder" || die "go install failed (see above); $hint"
  log "built in $((SECONDS - started)) s"
}

# Moves the staged binary into place and prints its path.
go_tool_install_staged() {
  [[ -f "$staging/$TOOL_BINARY" ]] || die "no $TOOL_BINARY binary was produced"
  chmod +x "$staging/$TOOL_BINARY"
  mv -f "$staging/$TOOL_BINARY" "$bin"
  verify_and_print "$bin"
}
