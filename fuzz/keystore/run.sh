#!/usr/bin/env bash
# Builds the keystore-reader fuzz target (R9 of BENCHMARKS.md) with libFuzzer and
# AddressSanitizer and runs it for ${FUZZ_SECONDS:-60} seconds on the committed seed corpus
# (a light-cost key file, the same with a cheap KDF, a future version, missing fields).
# Exits non-zero on any crash. Usage: fuzz/keystore/run.sh   (from anywhere; needs swiftc, libssl-dev)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/.build/fuzz-keystore"
mkdir -p "$OUT"
FLAGS=(-sanitize=fuzzer,address -parse-as-library -package-name folio -O -g -I "$OUT" -I "$ROOT/Sources/COpenSSL")

build_module() {
    local name="$1"
    swiftc "${FLAGS[@]}" -enable-testing -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -emit-library -static -o "$OUT/lib$name.a" $(find "$ROOT/Sources/$name" -name '*.swift')
}
build_module FolioCrypto
build_module FolioCore
build_module FolioKeystore
swiftc "${FLAGS[@]}" -module-name FuzzKeystore "$ROOT/fuzz/keystore/FuzzKeystore.swift" \
    -L "$OUT" -lFolioKeystore -lFolioCore -lFolioCrypto -lcrypto -o "$OUT/fuzz-keystore"

rm -rf "$OUT/work-corpus" && mkdir -p "$OUT/work-corpus"
cp "$ROOT"/fuzz/keystore/corpus/* "$OUT/work-corpus/"
SWIFT_BACKTRACE=enable=no "$OUT/fuzz-keystore" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=8192 "$OUT/work-corpus"
echo "fuzz-keystore: no crash in ${FUZZ_SECONDS:-60} s"
