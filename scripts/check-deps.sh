#!/usr/bin/env bash
# Fails when a Folio target imports a Folio target that the layer table in
# ARCHITECTURE.md does not allow. Reads the `import` lines of every Swift file under
# Sources/<Target>/. Usage: scripts/check-deps.sh [SOURCES_DIR]
set -euo pipefail

SOURCES="${1:-$(cd "$(dirname "$0")/.." && pwd)/Sources}"

# target: the Folio modules it may import (besides itself). Keep in step with Package.swift.
declare -A ALLOWED=(
    [COpenSSL]=""
    [CLibPNG]=""
    [CLibJPEG]=""
    [CSimilarityScan]=""
    [folio-train]="FolioFingerprint"
    [FolioCrypto]="COpenSSL"
    [FolioCore]="FolioCrypto"
    [FolioLicence]="FolioCore"
    [FolioFingerprint]="FolioCore CLibPNG CLibJPEG CSimilarityScan"
    [FolioWire]="FolioCore"
    [FolioKeystore]="FolioCrypto FolioCore"
    [FolioConsensus]="FolioCore"
    [FolioPoW]="FolioConsensus FolioCore FolioCrypto"
    [FolioPoA]="FolioConsensus FolioCore FolioCrypto"
    [FolioStore]="FolioCore"
    [FolioChain]="FolioConsensus FolioStore FolioLicence FolioFingerprint FolioCore"
    [FolioMempool]="FolioChain FolioCore"
    [FolioPeer]="FolioWire FolioCore"
    [FolioNetwork]="FolioPeer FolioWire"
    [FolioAPI]="FolioCore"
    [FolioNode]="COpenSSL FolioCrypto FolioCore FolioLicence FolioFingerprint FolioWire FolioKeystore FolioConsensus FolioPoW FolioPoA FolioStore FolioChain FolioMempool FolioPeer FolioNetwork FolioAPI"
    [FolioWallet]="FolioAPI FolioKeystore FolioLicence FolioFingerprint FolioCore FolioCrypto"
    [foliod]="FolioNode"
    [folio]="FolioWallet"
    [folio-testnet]="FolioNode"
    [FolioTestSupport]="*"
)
FOLIO_MODULES=" COpenSSL CLibPNG CLibJPEG CSimilarityScan FolioTestSupport ${!ALLOWED[*]} "

failures=0
for dir in "$SOURCES"/*/; do
    target=$(basename "$dir")
    if [[ -z ${ALLOWED[$target]+set} ]]; then
        echo "check-deps: target '$target' is not in the layer table; add it to scripts/check-deps.sh" >&2
        failures=$((failures + 1))
        continue
    fi
    allowed=" ${ALLOWED[$target]} "
    while IFS=: read -r file line text; do
        module=$(sed -E 's/^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]+(struct |class |enum |protocol |func |var |let |typealias )?([A-Za-z0-9_]+).*/\4/' <<<"$text")
        [[ $FOLIO_MODULES == *" $module "* ]] || continue   # a system or package module
        [[ $module == "$target" ]] && continue
        if [[ $module == FolioTestSupport && $target != FolioTestSupport ]]; then
            echo "check-deps: $file:$line: production target $target imports FolioTestSupport" >&2
            failures=$((failures + 1))
        elif [[ $allowed != " * " && $allowed != *" $module "* ]]; then
            echo "check-deps: $file:$line: $target may not import $module (allowed: ${ALLOWED[$target]:-none})" >&2
            failures=$((failures + 1))
        fi
    done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]' --include='*.swift' "$dir" || true)
done

if ((failures > 0)); then
    echo "check-deps: $failures forbidden import(s); see the layer table in ARCHITECTURE.md" >&2
    exit 1
fi
echo "check-deps: every import follows the layer table"
