import ArgumentParser
import FolioWallet

struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx", abstract: "Look up transactions.",
        discussion: "Example:\n  folio tx wait 9f2c…",
        subcommands: [TxShowCommand.self, TxWaitCommand.self])
}

/// A transaction as a two-column table.
func transactionTable(_ tx: TransactionSummary, style: OutputStyle) -> String {
    var rows = [["id", tx.id], ["kind", tx.kind], ["sender", tx.sender], ["nonce", "\(tx.nonce)"], ["fee", tx.fee]]
    if let summary = tx.summary { rows.append(["what", summary]) }
    if let height = tx.height, let block = tx.block {
        rows += [["status", "included"], ["height", "\(height)"], ["block", block],
                 ["confirmations", "\(tx.confirmations ?? 1)"]]
    } else {
        rows.append(["status", "pending"])
    }
    return TextTable(header: ["FIELD", "VALUE"], rows: rows).render(style: style)
}

struct TxShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a transaction and its status.",
        discussion: "Example:\n  folio tx show 9f2c…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The transaction id (64 hex digits).") var id: String

    func run() async throws {
        try checkHash(id, name: "transaction id")
        let tx = try await node.connect(options).call(TxGet.self, IdQuery(id: id.lowercased()))
        print(options.json ? JSONOutput.render(tx) : transactionTable(tx, style: options.style))
    }
}

struct TxWaitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait", abstract: "Wait until a transaction is included, showing confirmations.",
        discussion: "Example:\n  folio tx wait 9f2c… --confirmations 3 --timeout 120")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Confirmations to wait for.") var confirmations: UInt = 1
    @Option(help: ArgumentHelp("Give up after this many seconds.", valueName: "S")) var timeout: Double = 120
    @Argument(help: "The transaction id (64 hex digits).") var id: String

    func run() async throws {
        try checkHash(id, name: "transaction id")
        guard timeout > 0 else { throw WalletError.usage("--timeout must be more than 0 seconds.") }
        let connection = try node.connect(options)
        let query = IdQuery(id: id.lowercased())
        var spinner = Spinner(json: options.json)
        let wanted = UInt64(confirmations)
        let wait = TransactionWait(confirmations: wanted, timeoutSeconds: timeout)
        let result: TransactionSummary
        do {
            result = try await wait.run(id: query.id, fetch: { () async throws(WalletError) in
                try await connection.call(TxGet.self, query)
            }, progress: { tx in
                let seen = tx.height == nil ? "pending" : "\(tx.confirmations ?? 1)/\(wanted) confirmations"
                spinner.show("waiting for \(query.id.prefix(12))… \(seen)")
            })
        } catch {
            spinner.clear()
            throw error
        }
        spinner.clear()
        if options.json {
            print(JSONOutput.render(result))
        } else {
            print("\(options.style.good("confirmed")) \(result.id) at height \(result.height.map { "\($0)" } ?? "?") "
                  + "with \(result.confirmations ?? 1) confirmation(s)")
        }
    }
}
