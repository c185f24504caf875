import ArgumentParser
import FolioWallet

struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain an error code, or why a transaction failed.",
        discussion: """
            Wallet error codes are explained offline; a transaction id is looked up on the node, which says why it was dropped if it was.

            Example:
              folio explain wrong-passphrase
            """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: ArgumentHelp("An error code or a transaction id.", valueName: "CODE|TXID")) var subject: String

    func run() async throws {
        if let entry = ErrorCatalogue.entry(for: subject) {
            if options.json {
                print(JSONOutput.render(entry))
            } else {
                print("\(options.style.bold(entry.code)) (exit \(entry.exit))\n\(entry.meaning)\nNext: \(entry.next)")
            }
            return
        }
        if subject.count == 64, HexCoding.decode(subject) != nil {
            // A transaction the node still knows is shown as it stands; one it refused or
            // dropped comes back as a not-found error carrying the node's reason.
            let tx = try await node.connect(options).call(TxGet.self, IdQuery(id: subject.lowercased()))
            print(options.json ? JSONOutput.render(tx) : transactionTable(tx, style: options.style))
            return
        }
        let known = ErrorCatalogue.entries.map(\.code).joined(separator: ", ")
        throw WalletError.usage("\"\(subject)\" is neither a known code nor a transaction id. Known codes: \(known).")
    }
}
