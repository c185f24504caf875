import ArgumentParser
import FolioWallet
import Foundation

/// `folio key …`: the local keystore, no node needed.
struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create, list, import and export keys in the local keystore.",
        discussion: "Example:\n  folio key list --keystore ~/.folio/keystore",
        subcommands: [KeyNewCommand.self, KeyListCommand.self, KeyImportCommand.self, KeyExportCommand.self]
    )
}

/// What `--json` prints for one key.
struct KeyJSON: Encodable {
    let address: String
    let addressHex: String
    let publicKey: String
    let path: String

    init(_ entry: KeyEntry, network: NetworkKind) {
        address = AddressText.format(entry.address, network: network)
        addressHex = HexCoding.encode(entry.address.bytes)
        publicKey = HexCoding.encode(entry.publicKey.bytes)
        path = entry.path
    }
}

/// Prints one key entry as text or JSON.
func printKey(_ entry: KeyEntry, verb: String, options: GlobalOptions) throws(WalletError) {
    let network = try options.networkKind()
    if options.json {
        print(JSONOutput.render(KeyJSON(entry, network: network)))
    } else {
        let style = options.style
        print("\(style.good(verb)) \(style.bold(AddressText.format(entry.address, network: network)))")
        print("file: \(entry.path)")
    }
}

/// The scrypt cost named on the command line.
func scryptCost(_ name: String) throws(WalletError) -> ScryptCost {
    switch name {
    case "standard": return .standard
    case "light": return .light
    default: throw .usage("--scrypt must be \"standard\" or \"light\", not \"\(name)\".")
    }
}

struct KeyNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a key and store it encrypted under a passphrase.",
        discussion: "Example:\n  FOLIO_PASSPHRASE='long phrase' folio key new --keystore ./keys"
    )

    @OptionGroup var options: GlobalOptions

    @Option(help: ArgumentHelp("Key-derivation cost: standard (128 MiB) or light (4 MiB, for tests).", valueName: "COST"))
    var scrypt = "standard"

    func run() throws {
        let keys = WalletKeys(directory: options.keystore, cost: try scryptCost(scrypt))
        let passphrase = try options.passphrases.passphrase(prompt: "Passphrase for the new key: ", confirm: true)
        try printKey(try keys.create(passphrase: passphrase), verb: "created", options: options)
    }
}

struct KeyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the keys in the keystore (no passphrase needed).",
        discussion: "Example:\n  folio key list --json"
    )

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let network = try options.networkKind()
        let listing = try WalletKeys(directory: options.keystore).list()
        if options.json {
            struct Row: Encodable {
                let key: KeyJSON?
                let path: String
                let error: String?
            }
            print(JSONOutput.render(listing.map { item in
                switch item.result {
                case let .success(entry): Row(key: KeyJSON(entry, network: network), path: item.path, error: nil)
                case let .failure(error): Row(key: nil, path: item.path, error: error.description)
                }
            }))
            return
        }
        guard !listing.isEmpty else {
            print("no keys in \(options.keystore); run `folio key new` to make one.")
            return
        }
        var table = TextTable(header: ["ADDRESS", "FILE"])
        for item in listing {
            switch item.result {
            case let .success(entry): table.rows.append([AddressText.format(entry.address, network: network), item.path])
            case let .failure(error): table.rows.append([options.style.bad("unreadable: \(error)"), item.path])
            }
        }
        print(table.render(style: options.style))
    }
}

struct KeyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a key file, or a raw seed with --seed.",
        discussion: """
            A key file is stored unchanged once its passphrase opens it. With --seed, FILE holds \
            64 hex digits and the seed is encrypted under the passphrase.

            Example:
              folio key import ./devnet/keystore/key-3f1c….json --passphrase-file dev.txt
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "FILE holds a raw 32-byte seed in hex, not a key file.")
    var seed = false

    @Option(help: ArgumentHelp("Key-derivation cost for --seed: standard or light.", valueName: "COST"))
    var scrypt = "standard"

    @Argument(help: ArgumentHelp("The key file or seed file.", valueName: "FILE"))
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw WalletError.usage("cannot read \(file). Check the path and its permissions.")
        }
        let keys = WalletKeys(directory: options.keystore, cost: try scryptCost(scrypt))
        let entry: KeyEntry
        if seed {
            let passphrase = try options.passphrases.passphrase(prompt: "Passphrase for the imported key: ", confirm: true)
            entry = try keys.importSeed(hex: String(decoding: data, as: UTF8.self), passphrase: passphrase)
        } else {
            let passphrase = try options.passphrases.passphrase(prompt: "Passphrase of \(file): ")
            entry = try keys.importKeyFile(Array(data), passphrase: passphrase, source: file)
        }
        try printKey(entry, verb: "imported", options: options)
    }
}

struct KeyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a key's encrypted key file, or its raw seed with --seed.",
        discussion: """
            Without --seed the output is the key file as stored (still encrypted). --seed asks \
            for the passphrase and prints the secret seed: anyone who sees it owns the account.

            Example:
              folio key export tfolio1… > backup.json
            """
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Print the raw secret seed in hex (needs the passphrase).")
    var seed = false

    @Argument(help: ArgumentHelp("The key's address (bech32m or 40 hex digits).", valueName: "ADDRESS"))
    var address: String

    func run() throws {
        let target = try AddressText.parse(address, network: try options.networkKind())
        let keys = WalletKeys(directory: options.keystore)
        if seed {
            let passphrase = try options.passphrases.passphrase(prompt: "Passphrase of \(address): ")
            let hex = try keys.exportSeed(target, passphrase: passphrase)
            print(options.json ? JSONOutput.render(["seed": hex]) : hex)
        } else {
            let bytes = try keys.exportKeyFile(target)
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
        }
    }
}
