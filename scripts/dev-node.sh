#!/usr/bin/env bash
# Sets up a fresh machine, builds foliod and starts a development node (single-node PoA dev
# chain in ~/.folio/dev, RPC and explorer on http://127.0.0.1:9332). Extra arguments go to
# foliod, e.g. `scripts/dev-node.sh --datadir /tmp/dev --rpc-port 9400`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product foliod
swift build -c release --product folio
exec .build/release/foliod "$@"
