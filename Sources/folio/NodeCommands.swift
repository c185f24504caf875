import ArgumentParser
import FolioWallet

// Commands that read or change accounts and the chain through a node (docs/wallet.md).

struct BalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance", abstract: "Show an account's balance (default: the first key).",
        discussion: "Example:\n  folio balance tfolio1… --datadir ~/.folio/dev")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The account address.") var address: String?

    func run() async throws {
        let network = try options.networkKind()
        let target = try address.map { text throws(WalletError) in try AddressText.parse(text, network: network) }
            ?? WalletKeys(directory: options.keystore).signer(from: nil)
        let connection = try node.connect(options)
        let account = try await connection.account(target)
        if options.json {
            print(JSONOutput.render(account))
        } else {
            if let note = NodeSyncNotice.text(try await connection.chainInfo().sync) { printNote(note) }
            print(TextTable(header: ["ADDRESS", "BALANCE", "NEXT NONCE"],
                            rows: [[account.address, account.balance, "\(account.nonce)"]]).render(style: options.style))
        }
    }
}

struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send currency to an address.",
        discussion: "Example:\n  folio send tfolio1… 2500 --fee 10")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "Fee in base units.") var fee: UInt64 = 1
    @Argument(help: "The recipient's address.") var to: String
    @Argument(help: "The amount in base units.") var amount: UInt64

    func run() async throws {
        let recipient = try AddressText.parse(to, network: try options.networkKind())
        guard amount > 0 else { throw WalletError.usage("AMOUNT must be at least 1 base unit.") }
        let payload = TransactionPayload.transfer(Transfer(to: recipient, amount: Amount(baseUnits: amount)))
        let sent = try await signAndSend(payload, fee: fee, from: from, options: options, node: try node.connect(options))
        printSent(sent, what: "transfer", options: options)
    }
}

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the node's chain height, peers and sync state.",
        discussion: "Example:\n  folio status --rpc http://127.0.0.1:9332/rpc")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions

    func run() async throws {
        let connection = try node.connect(options)
        let info = try await connection.chainInfo()
        if options.json {
            print(JSONOutput.render(info))
            return
        }
        var rows = [
            ["node", connection.client.endpoint.absoluteString], ["chain id", "\(info.chainId)"],
            ["network", info.network], ["engine", info.engine], ["height", "\(info.height)"],
            ["best block", info.bestBlockId], ["sync", info.sync.state.rawValue], ["peers", "\(info.sync.peers)"],
        ]
        if info.sync.knownHeight > info.sync.validatedHeight { rows.append(["known height", "\(info.sync.knownHeight)"]) }
        if let eta = info.sync.etaSeconds { rows.append(["sync eta", "\(eta) s"]) }
        print(TextTable(header: ["FIELD", "VALUE"], rows: rows).render(style: options.style))
    }
}

/// Refuses anything but 64 hex digits, naming the argument.
func checkHash(_ text: String, name: String) throws(WalletError) {
    guard text.count == 64, HexCoding.decode(text) != nil else {
        throw .usage("the \(name) must be 64 hex digits, not \"\(text)\".")
    }
}
