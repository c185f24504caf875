#!/usr/bin/env bash
# Installs the system packages Folio needs, only when they are missing, so running it twice
# changes nothing. Needs root (or sudo) the first time on a fresh Debian machine.
set -euo pipefail

# libssl-dev: libcrypto for every primitive (COpenSSL). libsqlite3-dev: the chain store.
# pkg-config: how SwiftPM finds libcrypto. libpng-dev / libjpeg62-turbo-dev: fingerprint readers.
# chromium: the headless browser the explorer test loads pages in. iproute2 / nftables:
# `folio-testnet up --netns` (root only: one network namespace per node, kernel drops for
# partitions and loss), which TestnetNamespaceTests runs where the machine allows it.
# elfutils: eu-stack, with which scripts/with-deadline.sh shows where a stuck test waits.
PACKAGES=(pkg-config libssl-dev libsqlite3-dev libpng-dev libjpeg62-turbo-dev chromium iproute2 nftables elfutils)

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} > 0)); then
    echo "setup: installing ${missing[*]}"
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then
        if command -v sudo >/dev/null; then SUDO="sudo"; else
            echo "setup: ${missing[*]} missing and not root; run: apt-get install ${missing[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
    echo "setup: system packages present (${PACKAGES[*]})"
fi

if ! command -v swift >/dev/null; then
    echo "setup: the Swift toolchain (6.1 or newer) is not on PATH; install it from swift.org" >&2
    exit 1
fi
