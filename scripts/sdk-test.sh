#!/usr/bin/env bash
# Runs the SolidFire Python SDK against the emulator (sdk-test/): builds `element-emulator`,
# then runs pytest from tools/venv, which scripts/setup.sh creates from sdk-test/requirements.txt.
# Each test drives its own `element-emulator replay` process through the SDK's dispatcher hook.
# Extra arguments go to pytest (e.g. `scripts/sdk-test.sh -k async`).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

python="$TOOLS_DIR/venv/bin/python"
if [[ ! -x $python ]]; then
    echo "sdk-test.sh: $TOOLS_DIR/venv is missing; run scripts/setup.sh first" >&2
    exit 1
fi

say "sdk-test: building element-emulator"
cargo build -p element-emulator --bin element-emulator --locked
export ELEMENT_EMULATOR="$CARGO_TARGET_DIR/debug/element-emulator"

cd "$ROOT/sdk-test"
exec "$python" -m pytest -v -p no:cacheprovider "$@"
