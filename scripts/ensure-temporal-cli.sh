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
TOOL_NAME="the Temporal CLI" TOOL_DIR=temporal-cli TOOL_VERSION=$TEMPORAL_CLI_VERSION TOOL_BINARY=temporal
tool_version() { "$1" --version; }
# shellcheck source=lib/go-tool.sh
source "$repo/scripts/lib/go-tool.sh"
go_tool_init "$repo"

use_override TEMPORAL_CLI_PATH
# Where earlier versions of this script put it, for this checkout only.
legacy="$repo/.tools/bin/temporal"
[[ -x "$legacy" ]] && verify_and_print "$legacy"
[[ -x "$bin" ]] && verify_and_print "$bin"

go_tool_lock_and_stage
if [[ -n "$go" ]]; then
  go_tool_build github.com/temporalio/cli/cmd/temporal "4-12 minutes" "set TEMPORAL_CLI_PATH to a Temporal CLI to skip building"
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
go_tool_install_staged
