#!/usr/bin/env bash
# Sets up a fresh machine and starts the main job: a development node (`foliod` in dev mode).
# Extra arguments go to foliod. Until the node issue lands, foliod prints its version and exits.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product foliod
exec .build/release/foliod "$@"
