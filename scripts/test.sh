#!/usr/bin/env bash
# Does all setup, then runs every test: the native tests of the workspace, the SolidFire Python
# SDK against the emulator (scripts/sdk-test.sh), a release build with trunk, the size report of
# what it ships, and the browser test against that build served on 127.0.0.1. Every stage runs
# even when an earlier independent one failed; the output ends with one line per stage and a
# "tests: N passed, N failed" line, and the exit code is non-zero if any stage failed.
set -euo pipefail
source "$(dirname "$0")/lib/env.sh"
cd "$ROOT"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

declare -A status=() seconds=() note=()
stages=()

# Runs one stage: its output goes to the terminal and to a log that the summary reads.
stage() {
    local name=$1
    shift
    stages+=("$name")
    say "=== $name: $*"
    local t0=$SECONDS
    if "$@" 2>&1 | tee "$logs/$name.log"; then
        status[$name]=ok
    else
        status[$name]=FAILED
    fi
    seconds[$name]=$((SECONDS - t0))
}

skip() {
    stages+=("$1")
    status[$1]=skipped
    seconds[$1]=0
    note[$1]=$2
}

# Each *_counts prints "passed failed" and a newline: without it `read` meets end of input,
# returns 1, and `set -e` ends the script before the summary.

# Sums "test result: ok. N passed; M failed" over every test binary cargo ran.
cargo_counts() {
    awk '/^test result:/ { p += $4; f += $6 } END { printf "%d %d\n", p, f }' "$1"
}

# pytest ends with a line like "==== 1 failed, 47 passed in 1.92s ====" (errors count as failed).
pytest_counts() {
    awk '/^=+ .* in [0-9.]+s/ {
        p = 0; f = 0
        for (i = 2; i <= NF; i++) {
            word = $i; sub(/,$/, "", word)
            if (word == "passed") p = $(i - 1)
            if (word == "failed" || word == "error" || word == "errors") f += $(i - 1)
        }
    } END { printf "%d %d\n", p, f }' "$1"
}

# node's spec reporter ends with "ℹ pass N" and "ℹ fail N".
node_counts() {
    awk '$2 == "pass" { p = $3 } $2 == "fail" { f = $3 } END { printf "%d %d\n", p, f }' "$1"
}

stage setup scripts/setup.sh
if [[ ${status[setup]} != ok ]]; then
    echo "test.sh: setup failed; nothing else can run" >&2
    exit 1
fi

stage native-tests cargo test --workspace --locked
read -r native_passed native_failed < <(cargo_counts "$logs/native-tests.log")
note[native-tests]="$native_passed passed, $native_failed failed"

stage sdk-test scripts/sdk-test.sh
read -r sdk_passed sdk_failed < <(pytest_counts "$logs/sdk-test.log")
note[sdk-test]="$sdk_passed passed, $sdk_failed failed"

stage release-build trunk build --release
if [[ ${status[release-build]} == ok ]]; then
    stage size-report python3 scripts/size-report.py
    note[size-report]=$(awk '
        /^total \(/ { all = $(NF - 1) " B raw, " $NF " B gzip" }
        /^first page view/ { first = $(NF - 1) " B raw, " $NF " B gzip" }
        END { print "all files " all "; first view " first }' "$logs/size-report.log")

    stage browser-test scripts/e2e.sh
    read -r e2e_passed e2e_failed < <(node_counts "$logs/browser-test.log")
    note[browser-test]="$e2e_passed passed, $e2e_failed failed"
    figures=$(grep -o 'click to paint: .*' "$logs/browser-test.log" || true)
    if [[ -n $figures ]]; then
        note[browser-test]+="; $figures"
    fi
else
    skip size-report "no release build"
    skip browser-test "no release build"
    e2e_passed=0
    e2e_failed=0
fi

# The summary: one line per stage, then the counts of every test run.
echo
echo "=== summary"
failed=0
for name in "${stages[@]}"; do
    printf '%-14s %-8s %5ss  %s\n' "$name" "${status[$name]}" "${seconds[$name]}" "${note[$name]:-}"
    [[ ${status[$name]} == FAILED ]] && failed=1
done
passed=$((native_passed + sdk_passed + e2e_passed))
echo "tests: $passed passed, $((native_failed + sdk_failed + e2e_failed)) failed"
exit "$failed"
