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
TOOL_NAME=Mailpit TOOL_DIR=mailpit TOOL_VERSION=$MAILPIT_VERSION TOOL_BINARY=mailpit
tool_version() { "$1" version --no-release-check | head -n 1; }
# shellcheck source=lib/go-tool.sh
source "$repo/scripts/lib/go-tool.sh"
go_tool_init "$repo"

use_override MAILPIT_PATH
[[ -x "$bin" ]] && verify_and_print "$bin"

go_tool_lock_and_stage
[[ -n "$go" ]] || die "no Go toolchain to build Mailpit with: install Go (Debian: apt-get install golang-go) or set MAILPIT_PATH to a mailpit binary"
go_tool_build github.com/axllent/mailpit "several minutes" "set MAILPIT_PATH to a mailpit binary to skip building"
go_tool_install_staged
