#!/usr/bin/env bash
# R1 (BENCHMARKS.md): a child process imports blocks into a SQLite chain store and reports
# each acknowledged height; this parent SIGKILLs it at random moments (default at least 100
# times), reopens the store after each kill and checks PRAGMA integrity_check, that the tip is
# not behind the last acknowledged height, and that the stored state root equals the
# never-crashed chain's at that height. Exits non-zero on the first violation.
# usage: scripts/crash-test.sh [kills=100] [blocks=40] [transactions-per-block=20]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --target folio-store-tool >/dev/null
"$(swift build --show-bin-path)/folio-store-tool" crash-test "${1:-100}" "${2:-40}" "${3:-20}"
