#!/usr/bin/env python3
"""Writes the keystore vector files from docs/keystore.md alone, with Python's hashlib.scrypt
and the `cryptography` package, so the Swift reader is checked against an independent writer.

The seeds, passphrases, salts and nonces below are the chosen inputs; each vector's expected
seed is the seed chosen here, never a value read back from Swift. Run from this directory:

    python3 make-vectors.py

It rewrites vector-*.json and vectors.json; the output is the same on every run.
"""
import hashlib
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

VECTORS = [
    # name, passphrase, seed, salt, nonce, (n, r, p)
    ("vector-ascii", "correct horse battery staple", bytes(range(32)),
     bytes(range(0xA0, 0xC0)), bytes(range(0x10, 0x1C)), (4096, 8, 1)),
    ("vector-unicode", "pässwörd-🔑", bytes(0xFF - i for i in range(32)),
     bytes([0x5A] * 32), bytes([0x07] * 12), (1024, 8, 2)),
    ("vector-empty-passphrase", "", bytes([0x11] * 32),
     bytes([0x00] * 32), bytes([0x00] * 12), (16, 1, 1)),
]


def make(name, passphrase, seed, salt, nonce, cost):
    n, r, p = cost
    public = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    address = hashlib.sha256(public).digest()[:20]
    derived = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=1 << 30, dklen=64)
    check = hashlib.sha256(b"folio-keystore-check" + derived[32:]).digest()
    file = {
        "version": 1,
        "address": address.hex(),
        "publicKey": public.hex(),
        "kdf": {"name": "scrypt", "n": n, "r": r, "p": p, "salt": salt.hex()},
        "check": check.hex(),
        "cipher": {"name": "chacha20-poly1305", "nonce": nonce.hex()},
    }
    aad = "|".join(["folio-keystore", "1", file["address"], file["publicKey"], "scrypt", str(n), str(r), str(p),
                    file["kdf"]["salt"], file["check"], "chacha20-poly1305", file["cipher"]["nonce"]]).encode()
    sealed = ChaCha20Poly1305(derived[:32]).encrypt(nonce, seed, aad)
    file["ciphertext"] = sealed[:32].hex()
    file["tag"] = sealed[32:].hex()
    with open(name + ".json", "w", encoding="utf-8") as out:
        json.dump(file, out, indent=2, sort_keys=True)
        out.write("\n")
    return {"file": name, "passphrase": passphrase, "seed": seed.hex(), "address": address.hex(),
            "publicKey": public.hex()}


manifest = [make(*vector) for vector in VECTORS]
with open("vectors.json", "w", encoding="utf-8") as out:
    json.dump({"vectors": manifest}, out, indent=2, ensure_ascii=False)
    out.write("\n")
