#!/usr/bin/env bash
# Builds the two licence-language fuzz targets with libFuzzer and AddressSanitizer and runs
# each for ${FUZZ_SECONDS:-60} seconds on its committed seed corpus:
#   fuzz-licence-parser  source text → parser, checker, compiler, publish-time checks
#                        (corpus-parser: every shipped template)
#   fuzz-licence-vm      source or bytecode → loaded program → metered VM for every transaction
#                        kind; traps if the VM ever uses more gas than its limit
#                        (corpus-vm: every shipped template as source and as bytecode)
# Exits non-zero on any crash. Usage: fuzz/licence/run.sh   (from anywhere; needs swiftc, libssl-dev)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/.build/fuzz-licence"
mkdir -p "$OUT"
FLAGS=(-sanitize=fuzzer,address -parse-as-library -package-name folio -O -g -I "$OUT" -I "$ROOT/Sources/COpenSSL")

# LicenceTemplate+Shipped.swift reads the templates through SwiftPM's resource bundle, which a
# bare swiftc build has not; the fuzzers need no shipped templates (they are the seed corpus).
build_module() {
    local name="$1"
    swiftc "${FLAGS[@]}" -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -emit-library -static -o "$OUT/lib$name.a" \
        $(find "$ROOT/Sources/$name" -name '*.swift' ! -name 'LicenceTemplate+Shipped.swift')
}
build_module FolioCrypto
build_module FolioCore
build_module FolioLicence

for target in parser vm; do
    file="$ROOT/fuzz/licence/Fuzz$( [ "$target" = parser ] && echo Parser || echo VM ).swift"
    swiftc "${FLAGS[@]}" -module-name "FuzzLicence_$target" "$file" \
        -L "$OUT" -lFolioLicence -lFolioCore -lFolioCrypto -lcrypto -o "$OUT/fuzz-licence-$target"
    rm -rf "$OUT/work-$target" && mkdir -p "$OUT/work-$target"
    cp "$ROOT/fuzz/licence/corpus-$target"/* "$OUT/work-$target/"
    SWIFT_BACKTRACE=enable=no "$OUT/fuzz-licence-$target" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=16384 \
        "$OUT/work-$target"
    echo "fuzz-licence-$target: no crash in ${FUZZ_SECONDS:-60} s"
done
