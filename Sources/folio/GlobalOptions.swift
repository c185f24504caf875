import ArgumentParser
import FolioWallet
import Foundation

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keystore directory.", valueName: "DIR"))
    var keystore: String = GlobalOptions.defaultKeystore

    @Flag(help: "Print JSON for scripts instead of text for people.")
    var json = false

    @Option(help: ArgumentHelp("Read the passphrase from the first line of FILE (else FOLIO_PASSPHRASE, else a prompt).", valueName: "FILE"))
    var passphraseFile: String?

    @Option(help: ArgumentHelp("Network whose address form to use: test or main.", valueName: "NETWORK"))
    var network: String = "test"

    /// `~/.folio/keystore`.
    static var defaultKeystore: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? "."
        return home + "/.folio/keystore"
    }

    /// The network named by `--network`.
    func networkKind() throws(WalletError) -> NetworkKind {
        guard let kind = NetworkKind(rawValue: network) else {
            throw .usage("--network must be \"test\" or \"main\", not \"\(network)\".")
        }
        return kind
    }

    /// The output style for this run.
    var style: OutputStyle {
        OutputStyle.detect(json: json, environment: ProcessInfo.processInfo.environment)
    }

    /// Where passphrases come from for this run.
    var passphrases: PassphraseSource {
        PassphraseSource(file: passphraseFile, environment: ProcessInfo.processInfo.environment)
    }
}

/// Options of commands that talk to a node.
struct NodeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The node's JSON-RPC URL (else FOLIO_RPC; default http://127.0.0.1:9332/rpc).", valueName: "URL"))
    var rpc: String?

    @Option(help: ArgumentHelp("The node's data directory; its .cookie is sent (else FOLIO_DATADIR; default ~/.folio/dev).", valueName: "DIR"))
    var datadir: String?

    @Option(help: ArgumentHelp("File holding the node's RPC cookie.", valueName: "FILE"))
    var rpcCookie: String?

    @Option(help: ArgumentHelp("The node's RPC token (else FOLIO_RPC_TOKEN).", valueName: "TOKEN"))
    var rpcToken: String?

    /// Where the node is and which credentials to send.
    var settings: NodeSettings {
        NodeSettings(rpc: rpc, token: rpcToken, cookieFile: rpcCookie, dataDirectory: datadir,
                     environment: ProcessInfo.processInfo.environment)
    }

    /// A connection to the node for addresses on `options`' network.
    func connect(_ options: GlobalOptions) throws(WalletError) -> WalletNode {
        WalletNode(client: try settings.client(), network: try options.networkKind())
    }

    /// The failure of a command whose node method does not exist yet: exit 3, nothing sent.
    func unavailable(_ command: String, needs: String) -> WalletError {
        WalletError(code: "node-unavailable", exit: .nodeUnreachable, message: """
            `folio \(command)` needs \(needs), which foliod does not serve yet, so nothing was asked or sent. \
            See docs/wallet.md for what works today.
            """)
    }
}
