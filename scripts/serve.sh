#!/usr/bin/env bash
# Does the setup that serving needs (no browser), then serves the playground with `trunk serve`,
# rebuilding on every change. Extra arguments go to trunk (for example `--release`).
#   PORT=8080 ADDRESS=127.0.0.1 scripts/serve.sh
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

scripts/setup.sh --no-browser

address=${ADDRESS:-127.0.0.1}
port=${PORT:-8080}
say "serve: Element Playground at http://$address:$port/ (Ctrl+C stops it)"
exec trunk serve --address "$address" --port "$port" "$@"
