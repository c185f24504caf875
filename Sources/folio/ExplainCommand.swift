import ArgumentParser
import FolioWallet

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain an error code, or why a transaction failed.",
        discussion: """
            Wallet error codes are explained offline; a transaction id needs a node.

            Example:
              folio explain wrong-passphrase
            """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: ArgumentHelp("An error code or a transaction id.", valueName: "CODE|TXID")) var subject: String

    func run() throws {
        if let entry = ErrorCatalogue.entry(for: subject) {
            if options.json {
                print(JSONOutput.render(entry))
            } else {
                print("\(options.style.bold(entry.code)) (exit \(entry.exit))\n\(entry.meaning)\nNext: \(entry.next)")
            }
            return
        }
        if subject.count == 64, HexCoding.decode(subject) != nil { throw node.unavailable("explain TXID") }
        let known = ErrorCatalogue.entries.map(\.code).joined(separator: ", ")
        throw WalletError.usage("\"\(subject)\" is neither a known code nor a transaction id. Known codes: \(known).")
    }
}
