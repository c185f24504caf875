#!/usr/bin/env bash
# Proves scripts/check-deps.sh can fail: it must pass on an allowed import and reject an upward
# import, a test-support import in production, and a target missing from the table.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

expect() { # expect pass|fail description
    local want=$1 what=$2
    if "$HERE/check-deps.sh" "$WORK/Sources" >/dev/null 2>&1; then got=pass; else got=fail; fi
    if [[ $got != "$want" ]]; then echo "check-deps-selftest: $what: expected $want, got $got" >&2; exit 1; fi
    echo "check-deps-selftest: ok: $what"
}
fresh() { rm -rf "$WORK/Sources"; mkdir -p "$WORK/Sources/FolioCore" "$WORK/Sources/FolioChain"; }

fresh
printf 'import Foundation\nimport FolioCrypto\n' >"$WORK/Sources/FolioCore/A.swift"
printf 'import FolioStore\n@_spi(X) import FolioCore\n' >"$WORK/Sources/FolioChain/B.swift"
expect pass "allowed imports"

printf 'import FolioChain\n' >"$WORK/Sources/FolioCore/Up.swift"
expect fail "lower layer importing a higher one"

fresh
printf '@testable import FolioNode\n' >"$WORK/Sources/FolioChain/C.swift"
expect fail "attributed import of a forbidden target"

fresh
printf 'import FolioTestSupport\n' >"$WORK/Sources/FolioChain/D.swift"
expect fail "production importing FolioTestSupport"

fresh
mkdir -p "$WORK/Sources/FolioMystery"
printf 'import FolioCore\n' >"$WORK/Sources/FolioMystery/E.swift"
expect fail "target missing from the layer table"
