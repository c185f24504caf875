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
    @Option(help: ArgumentHelp("The node's base URL, such as http://127.0.0.1:8645.", valueName: "URL"))
    var rpc: String?

    @Option(help: ArgumentHelp("File holding the node's RPC cookie (else FOLIO_RPC_TOKEN).", valueName: "FILE"))
    var rpcCookie: String?

    /// The failure every node-talking command gives in this build.
    func unavailable(_ command: String) -> WalletError {
        .nodeUnreachable("""
            `folio \(command)` needs a node, and this build of folio has no node client yet \
            (the JSON-RPC client is not built in), so nothing was sent\(rpc.map { " to \($0)" } ?? ""). \
            Use a folio build that includes the node client; `folio key …`, `folio fingerprint` \
            and `folio explain CODE` work offline.
            """)
    }
}
