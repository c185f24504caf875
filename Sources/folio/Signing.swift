import FolioWallet
import Foundation

/// The key a signing command signs with: `--from` if given, else the keystore's first key,
/// opened with the run's passphrase source.
func signingKey(_ options: GlobalOptions, from: String?) throws(WalletError) -> PrivateKey {
    let keys = WalletKeys(directory: options.keystore)
    let wanted = try from.map { text throws(WalletError) in try AddressText.parse(text, network: try options.networkKind()) }
    let address = try keys.signer(from: wanted)
    let shown = AddressText.format(address, network: try options.networkKind())
    let passphrase = try options.passphrases.passphrase(prompt: "Passphrase of \(shown): ")
    return try keys.unlock(address, passphrase: passphrase)
}

/// Prints a sent transaction's id (and, as text, how to follow it).
func printSent(_ transaction: Transaction, what: String, options: GlobalOptions, extra: [String: String] = [:]) {
    let id = transaction.id.hex
    if options.json {
        print(JSONOutput.render(extra.merging(["id": id, "kind": what]) { old, _ in old }))
    } else {
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { print("\(key): \(value)") }
        print("\(options.style.good("sent")) \(what) \(options.style.bold(id))")
        print("follow it with: folio tx wait \(id)")
    }
}
