#!/usr/bin/env bash
# Runs the browser test (e2e/tour.test.mjs) against the release build in dist/, served by a
# static server on 127.0.0.1 at a free port. The server is stopped on exit, failure included.
# Expects scripts/setup.sh and `trunk build --release` to have run (scripts/test.sh does both).
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"

dist="$ROOT/dist"
if [[ ! -f $dist/index.html ]]; then
    echo "e2e.sh: no $dist/index.html; run \`trunk build --release\` first" >&2
    exit 1
fi
if [[ ! -d $ROOT/e2e/node_modules/playwright-core ]]; then
    echo "e2e.sh: e2e/node_modules is missing; run scripts/setup.sh first" >&2
    exit 1
fi

# A free port: bind to port 0 and let the kernel choose (tiny race, fine on a test machine).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$ROOT/e2e/artifacts"
server_log="$ROOT/e2e/artifacts/server.log"

python3 -m http.server --bind 127.0.0.1 --directory "$dist" "$port" >"$server_log" 2>&1 &
server_pid=$!
stop_server() {
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# Wait until it answers, at most 10 s.
base_url="http://127.0.0.1:$port/"
for _ in $(seq 1 50); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
        "$base_url" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "e2e.sh: the static server exited; see $server_log" >&2
        cat "$server_log" >&2
        exit 1
    fi
    sleep 0.2
done
say "e2e: serving $dist at $base_url"

cd "$ROOT/e2e"
BASE_URL="$base_url" node --test --test-reporter=spec tour.test.mjs
