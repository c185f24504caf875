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

// Node-talking commands print what the node answers and hand payloads built here back to
// `WalletNode.send`; these are the value types they name.
@_exported import struct FolioCore.Amount
@_exported import struct FolioCore.Transaction
@_exported import enum FolioCore.TransactionPayload
@_exported import struct FolioCore.Transfer
@_exported import struct FolioCrypto.PrivateKey
@_exported import struct FolioAPI.AccountSummary
@_exported import struct FolioAPI.ChainInfoResult
@_exported import struct FolioAPI.SyncStatus
@_exported import struct FolioAPI.PeerSummary
@_exported import struct FolioAPI.TransactionSummary
@_exported import struct FolioAPI.WorkSummary
@_exported import struct FolioAPI.OwnerShare
@_exported import struct FolioAPI.SimilarWork
@_exported import struct FolioAPI.OfferSummary
@_exported import struct FolioAPI.LicenceSummary
@_exported import struct FolioAPI.IdQuery
@_exported import struct FolioAPI.WorkSimilarParams
@_exported import struct FolioAPI.WorkListParams
@_exported import enum FolioAPI.TxGet
@_exported import enum FolioAPI.WorkGet
@_exported import enum FolioAPI.WorkSimilar
@_exported import enum FolioAPI.WorkList
@_exported import enum FolioAPI.NetPeers
@_exported import enum FolioAPI.LicenceOfferGet
@_exported import enum FolioAPI.LicenceCheck
@_exported import enum FolioAPI.LicenceTemplateGet
@_exported import struct FolioAPI.TemplateSummary
@_exported import struct FolioAPI.OfferParameterSummary
