// FolioCore's data model is built from FolioCrypto's value types, so the targets above Core
// (licence, fingerprint, wire, ...) get those types and SHA-256 through Core without importing
// FolioCrypto itself. Signing, key agreement and encryption stay behind an explicit import.
@_exported import struct FolioCrypto.Hash256
@_exported import struct FolioCrypto.PublicKey
@_exported import struct FolioCrypto.Signature
@_exported import enum FolioCrypto.SHA256
@_exported import enum FolioCrypto.HexCoding
@_exported import enum FolioCrypto.CryptoError
