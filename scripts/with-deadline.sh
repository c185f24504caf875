#!/usr/bin/env bash
# Runs a test command with a deadline, so that a stuck test fails the run with a diagnosis
# instead of running into CI's own limit with nothing said.
# Usage: scripts/with-deadline.sh SECONDS -- COMMAND [ARGUMENTS...]
# The command's output passes through. When SECONDS pass first, it prints the tests that had
# started but not finished and the thread stacks of the test process (eu-stack, when installed),
# kills the command's whole process group and exits 124.
set -euo pipefail

limit=${1:?usage: with-deadline.sh SECONDS -- COMMAND...}
shift
[[ ${1:-} == -- ]] && shift
[[ $# -gt 0 ]] || { echo "with-deadline: no command given" >&2; exit 2; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Its own process group, so the command and everything it started can be stopped together.
set -m
"$@" > >(tee "$log") 2>&1 &
pid=$!
set +m

waited=0
while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= limit )); then
        echo "with-deadline: '$*' still running after ${limit} s" >&2
        echo "with-deadline: tests started but not finished:" >&2
        # swift-testing prints "◇ Test NAME started." and later "✔ Test NAME passed after" or
        # "✘ Test NAME failed after", with " with N test cases" before the verb for a
        # parameterised test (whose cases, "Test case passing ...", are left out here).
        grep -a '◇ Test .* started\.' "$log" | grep -av '◇ Test case passing' \
            | sed -E 's/^.*◇ Test (.*) started\.$/\1/' | sort -u > "$log.started" || true
        grep -aE '(✔|✘) Test .* (passed|failed) after' "$log" | grep -av 'Test case passing' \
            | sed -E 's/^.*(✔|✘) Test (.*) (passed|failed) after.*$/\2/; s/ with [0-9]+ test cases?$//' \
            | sort -u > "$log.done" || true
        comm -23 "$log.started" "$log.done" | sed 's/^/    /' >&2 || true
        rm -f "$log.started" "$log.done"
        # eu-stack (elfutils, from scripts/setup.sh) prints every thread's stack; Swift names
        # go through the toolchain's demangler.
        for test_pid in $(pgrep -g "$pid" -f 'PackageTests\.xctest' || true); do
            if command -v eu-stack >/dev/null; then
                echo "with-deadline: thread stacks of test process $test_pid:" >&2
                timeout 60 eu-stack -p "$test_pid" 2>&1 | swift demangle --simplified 2>/dev/null | head -n 3000 >&2 || true
            fi
        done
        kill -KILL -- -"$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        exit 124
    fi
    sleep 5
    waited=$((waited + 5))
done
wait "$pid"
