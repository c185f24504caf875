#!/usr/bin/env bash
# Builds the wire fuzz target with libFuzzer and AddressSanitizer and runs it for
# ${FUZZ_SECONDS:-60} seconds on the committed seed corpus. Exits non-zero on any crash.
# Usage: fuzz/wire/run.sh   (from anywhere; needs swiftc and libssl-dev)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/.build/fuzz-wire"
mkdir -p "$OUT/work-corpus"
FLAGS=(-sanitize=fuzzer,address -parse-as-library -package-name folio -O -g -I "$OUT" -I "$ROOT/Sources/COpenSSL")

build_module() {
    local name="$1"
    swiftc "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -emit-library -static -o "$OUT/lib$name.a" $(find "$ROOT/Sources/$name" -name '*.swift')
}
build_module FolioCrypto
build_module FolioCore
build_module FolioWire
swiftc "${FLAGS[@]}" -module-name FuzzWire "$ROOT/fuzz/wire/FuzzWire.swift" \
    -L "$OUT" -lFolioWire -lFolioCore -lFolioCrypto -lcrypto -o "$OUT/fuzz-wire"

cp "$ROOT"/fuzz/wire/corpus/* "$OUT/work-corpus/"
SWIFT_BACKTRACE=enable=no "$OUT/fuzz-wire" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 \
    "$OUT/work-corpus"
echo "fuzz-wire: no crash in ${FUZZ_SECONDS:-60} s"
