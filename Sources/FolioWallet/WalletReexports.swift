// The `folio` executable may import only FolioWallet (the layer table), yet its commands name
// addresses, networks and key entries. These re-exports give it exactly those types; signing,
// key files and the crypto stay behind FolioWallet's own API.
@_exported import struct FolioCore.Address
@_exported import enum FolioCore.NetworkKind
@_exported import enum FolioCrypto.HexCoding
@_exported import struct FolioKeystore.KeyEntry
@_exported import struct FolioKeystore.KeyListing
@_exported import struct FolioKeystore.ScryptCost
@_exported import enum FolioKeystore.KeystoreError
