# shellcheck shell=bash
# Shared environment for the project's scripts: sourced, never run. It finds the repository,
# puts the tools that setup.sh installs on PATH, and points cargo and trunk at one target
# directory outside the clone so that builds are reused across clones on the same machine.

# CI may run with a bare environment; cargo and rustup still need a home.
: "${HOME:=$(getent passwd "$(id -u)" | cut -d: -f6)}"
export HOME

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ROOT

# Where setup.sh puts things: cargo-installed binaries and the project-local npm tools.
TOOLS_DIR="$ROOT/tools"
export PATH="$TOOLS_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# One target directory for cargo and trunk alike: trunk asks cargo where its target directory
# is, and cargo reads this variable, so both agree as long as it is exported before either runs.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/element-playground/target}"

# trunk must never reach for the internet: its tools come from PATH, its crates from
# `cargo fetch --locked` (TRUNK_OFFLINE also passes --offline to cargo).
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true

# Pinned versions, read by setup.sh and printed by the other scripts.
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
export CHROMIUM CHROMEDRIVER

# The wasm-bindgen version the lock file pins; wasm-bindgen-cli must match it exactly.
lock_version() {
    awk -v name="$1" '
        $0 == "name = \"" name "\"" { found = 1; next }
        found && /^version = / { gsub(/"/, "", $3); print $3; exit }
    ' "$ROOT/Cargo.lock"
}

# Prints "[HH:MM:SS] message" on stderr, so that stdout stays for what a command produces.
say() {
    printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2
}
