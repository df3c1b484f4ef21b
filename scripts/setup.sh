#!/usr/bin/env bash
# Installs everything that building, serving and testing Element Playground needs, each piece
# only when it is missing or at the wrong version, so a second run takes seconds.
#
#   scripts/setup.sh               everything (what scripts/test.sh and .ci/run need)
#   scripts/setup.sh --no-browser  skip Chromium, the e2e npm packages and the SDK test's
#                                  Python venv (enough to serve)
#
# The versions are those known to build here (README.md, "What setup installs"): trunk 0.21.14,
# wasm-bindgen-cli at the lock file's wasm-bindgen version, wasm-opt from npm's binaryen 132,
# Debian's chromium and chromium-driver,
# playwright-core from e2e/package-lock.json (it drives /usr/bin/chromium and downloads nothing),
# the SolidFire SDK and pytest as sdk-test/requirements.txt pins them, in tools/venv.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"

browser=true
for arg in "$@"; do
    case "$arg" in
        --browser) browser=true ;;
        --no-browser) browser=false ;;
        -h | --help) sed -n '2,13p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option: $arg" >&2; exit 2 ;;
    esac
done

started=$SECONDS
summary=()

# Runs "$@" and records how long it took on the summary line of the tool it installed.
install_step() {
    local name=$1
    shift
    local t0=$SECONDS
    say "setup: installing $name"
    "$@"
    summary+=("$(printf '  %-22s installed (%ds)' "$name" $((SECONDS - t0)))")
}

have_step() {
    summary+=("$(printf '  %-22s ok (%s)' "$1" "$2")")
}

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# --- Rust: the wasm32 target and the lint components -------------------------------------------
targets=$(rustup target list --installed)
if grep -qx wasm32-unknown-unknown <<<"$targets"; then
    have_step "wasm32 target" "wasm32-unknown-unknown"
else
    install_step "wasm32 target" rustup target add wasm32-unknown-unknown
fi

components=$(rustup component list --installed)
for component in clippy rustfmt; do
    if grep -q "^$component" <<<"$components"; then
        have_step "$component" "$(rustc --version | cut -d' ' -f2)"
    else
        install_step "$component" rustup component add "$component"
    fi
done

# --- trunk -------------------------------------------------------------------------------------
# cargo install builds in a temporary folder of its own, not in our shared target directory.
found=$(trunk --version 2>/dev/null | awk '{print $2}' || true)
if [[ $found == "$TRUNK_VERSION" ]]; then
    have_step trunk "$found"
else
    install_step "trunk $TRUNK_VERSION" \
        env -u CARGO_TARGET_DIR cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# --- wasm-bindgen-cli, at exactly the lock file's wasm-bindgen ----------------------------------
# Not --locked: its own lock file pins a webpki-roots release that the registry no longer serves.
bindgen_version=$(lock_version wasm-bindgen)
if [[ -z $bindgen_version ]]; then
    echo "setup.sh: no wasm-bindgen in Cargo.lock" >&2
    exit 1
fi
found=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ $found == "$bindgen_version" ]]; then
    have_step wasm-bindgen-cli "$found"
else
    install_step "wasm-bindgen-cli $bindgen_version" \
        env -u CARGO_TARGET_DIR cargo install wasm-bindgen-cli --version "$bindgen_version"
fi

# --- wasm-opt, from npm's binaryen, in tools/node_modules (gitignored) --------------------------
# Debian's binaryen and the wasm-opt crate are too old to read this compiler's output.
binaryen_major=${BINARYEN_VERSION%%.*}
found=$("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null || true)
if [[ $found == *"version_$binaryen_major"* ]]; then
    have_step wasm-opt "binaryen $binaryen_major"
else
    mkdir -p "$TOOLS_DIR"
    install_step "binaryen $BINARYEN_VERSION" \
        npm install --prefix "$TOOLS_DIR" --no-save --no-package-lock --no-audit --no-fund \
        "binaryen@$BINARYEN_VERSION"
fi

# --- crates, so that trunk can build with TRUNK_OFFLINE=true ------------------------------------
t0=$SECONDS
cargo fetch --locked --quiet
have_step "crates" "cargo fetch --locked, $((SECONDS - t0))s"

make_venv() {
    python3 -m venv "$1"
    "$1/bin/python" -m pip install --quiet --disable-pip-version-check --requirement "$2"
}

# --- Chromium and its driver, from Debian -------------------------------------------------------
apt_install() {
    # Try the package lists we have; refresh them only when that fails (none yet, or stale).
    if ! as_root apt-get install -y --no-install-recommends chromium chromium-driver; then
        as_root apt-get update
        as_root apt-get install -y --no-install-recommends chromium chromium-driver
    fi
}

if $browser; then
    if [[ -x $CHROMIUM && -x $CHROMEDRIVER ]]; then
        have_step chromium "$("$CHROMIUM" --version 2>/dev/null | awk '{print $2}')"
    else
        install_step "chromium + driver" apt_install
    fi

    # --- the e2e test's npm packages, exactly as e2e/package-lock.json pins them ---------------
    # A stamp holding the lock file's checksum tells whether node_modules matches it.
    lock_sum=$(sha256sum "$ROOT/e2e/package-lock.json" | cut -d' ' -f1)
    stamp="$ROOT/e2e/node_modules/.setup-stamp"
    if [[ -f $stamp && $(cat "$stamp") == "$lock_sum" ]]; then
        have_step "e2e npm packages" "playwright-core $(node -p 'require("'"$ROOT"'/e2e/node_modules/playwright-core/package.json").version')"
    else
        install_step "e2e npm packages" \
            env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$ROOT/e2e" --no-audit --no-fund
        echo "$lock_sum" >"$stamp"
    fi

    # --- the SDK test's Python venv, exactly as sdk-test/requirements.txt pins it -------------
    # The same stamp idea: a changed requirements file rebuilds the venv from scratch.
    venv="$TOOLS_DIR/venv"
    requirements_sum=$(sha256sum "$ROOT/sdk-test/requirements.txt" | cut -d' ' -f1)
    stamp="$venv/.setup-stamp"
    if [[ -x $venv/bin/python && -f $stamp && $(cat "$stamp") == "$requirements_sum" ]]; then
        have_step "sdk-test venv" "$(grep -v '^#' "$ROOT/sdk-test/requirements.txt" | paste -sd' ')"
    else
        rm -rf "$venv"
        install_step "sdk-test venv" make_venv "$venv" "$ROOT/sdk-test/requirements.txt"
        echo "$requirements_sum" >"$stamp"
    fi
fi

echo "setup: done in $((SECONDS - started))s"
printf '%s\n' "${summary[@]}"
