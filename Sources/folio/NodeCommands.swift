import ArgumentParser
import FolioWallet

// Commands that read or change the ledger. They parse and check their arguments, then fail
// with exit status 3 until the node client is built in: they never pretend to have sent.

struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance", abstract: "Show an account's balance (default: the first key).",
        discussion: "Example:\n  folio balance tfolio1…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The account address.") var address: String?

    func run() throws {
        if let address { _ = try AddressText.parse(address, network: try options.networkKind()) }
        throw node.unavailable("balance")
    }
}

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send currency to an address.",
        discussion: "Example:\n  folio send tfolio1… 2500 --fee 10")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "Fee in base units.") var fee: UInt64 = 1
    @Argument(help: "The recipient's address.") var to: String
    @Argument(help: "The amount in base units.") var amount: UInt64

    func run() throws {
        _ = try AddressText.parse(to, network: try options.networkKind())
        throw node.unavailable("send")
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the node's chain height, peers and sync state.",
        discussion: "Example:\n  folio status --rpc http://127.0.0.1:8645")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions

    func run() throws { throw node.unavailable("status") }
}

struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx", abstract: "Look up transactions.",
        discussion: "Example:\n  folio tx wait 9f2c…",
        subcommands: [TxShowCommand.self, TxWaitCommand.self])
}

struct TxShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a transaction and its status.",
        discussion: "Example:\n  folio tx show 9f2c…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The transaction id (64 hex digits).") var id: String

    func run() throws {
        try checkHash(id, name: "transaction id")
        throw node.unavailable("tx show")
    }
}

struct TxWaitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait", abstract: "Wait until a transaction is included, showing confirmations.",
        discussion: "Example:\n  folio tx wait 9f2c… --confirmations 3")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Confirmations to wait for.") var confirmations: UInt = 1
    @Argument(help: "The transaction id (64 hex digits).") var id: String

    func run() throws {
        try checkHash(id, name: "transaction id")
        throw node.unavailable("tx wait")
    }
}

/// Refuses anything but 64 hex digits, naming the argument.
func checkHash(_ text: String, name: String) throws(WalletError) {
    guard text.count == 64, HexCoding.decode(text) != nil else {
        throw .usage("the \(name) must be 64 hex digits, not \"\(text)\".")
    }
}
