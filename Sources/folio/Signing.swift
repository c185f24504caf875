import FolioWallet
import Foundation

/// Signs `payload` with `--from` (else the keystore's first key) and sends it: the node is
/// asked for the chain id and nonce first, then the passphrase opens the key, so nobody types
/// a passphrase for a node that is down.
func signAndSend(
    _ payload: TransactionPayload, fee: UInt64, from: String?, options: GlobalOptions, node: WalletNode
) async throws(WalletError) -> Transaction {
    let network = try options.networkKind()
    let keys = WalletKeys(directory: options.keystore)
    let wanted = try from.map { text throws(WalletError) in try AddressText.parse(text, network: network) }
    let address = try keys.signer(from: wanted)
    if !options.json, let note = NodeSyncNotice.text(try await node.chainInfo().sync) { printNote(note) }
    let unsigned = try await node.prepare(payload, fee: Amount(baseUnits: fee), sender: address)
    let passphrase = try options.passphrases.passphrase(prompt: "Passphrase of \(AddressText.format(address, network: network)): ")
    return try await node.submit(unsigned, key: try keys.unlock(address, passphrase: passphrase))
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

/// Prints `text` as a note on standard error, where it never mixes with output for scripts.
func printNote(_ text: String) {
    var standardError = StandardError()
    print("note: \(text)", to: &standardError)
}
