import FolioCore
import FolioCrypto

/// The text `foliod` prints at start in dev mode: the chain, the dev authority and the ten
/// prefunded accounts with their (public, published) secret seeds.
enum DevBanner {
    static func text(params: ChainParams, dataDirectory: String, keyFiles: [(address: Address, path: String)] = []) -> String {
        var lines = [
            "Folio dev chain \(params.chainId): proof of authority with a 1-second period, data in \(dataDirectory)",
            "Dev keys derive from the published seed \"\(DevChain.seedPhrase)\" (docs/node.md); never use them elsewhere.",
        ]
        if let authority = try? DevChain.authority() {
            lines.append("authority  \(HexCoding.encode(authority.publicKey.bytes))")
        }
        lines.append("Prefunded accounts (\(DevChain.prefundBaseUnits) base units each):")
        for index in 0..<DevChain.accountCount {
            guard let key = try? DevChain.account(index) else { continue }
            let address = Address(publicKey: key.publicKey).bech32m(on: params.network)
            let seed = key.withUnsafeSeedBytes { HexCoding.encode($0) }
            lines.append("  (\(index)) \(address)  secret seed \(seed)")
        }
        if keyFiles.isEmpty {
            lines.append("Keystore files could not be written; import a secret seed with `folio key import`.")
        } else {
            lines.append("Keystore files (passphrase \"\(DevKeystore.passphrase)\"): \(DevKeystore.directory(dataDirectory: dataDirectory))")
            lines.append("  try: folio balance \(keyFiles[0].address.bech32m(on: params.network)) --keystore \(DevKeystore.directory(dataDirectory: dataDirectory)) --datadir \(dataDirectory)")
        }
        return lines.joined(separator: "\n")
    }
}
