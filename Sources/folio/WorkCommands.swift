import ArgumentParser
import FolioWallet

struct WorkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work", abstract: "Register, look up and transfer works.",
        discussion: "Example:\n  folio work register song.wav --title \"First song\"",
        subcommands: [WorkRegisterCommand.self, WorkShowCommand.self, WorkListCommand.self,
                      WorkSimilarCommand.self, WorkTransferCommand.self])
}

struct WorkRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Fingerprint a file, show similar registered works, then sign and send its registration.",
        discussion: """
            Refuses (with the earlier work's id and owner) where consensus would reject the work \
            as a near-duplicate, unless --parent declares a licensed derivative.

            Example:
              folio work register song.wav --title "First song" --owner tfolio1…:60000000 --owner tfolio1…:40000000
            """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "The work's title.") var title: String
    @Option(help: ArgumentHelp("An owner and share of 100000000 (repeatable).", valueName: "ADDR:SHARE")) var owner: [String] = []
    @Option(help: ArgumentHelp("A parent work this one derives from (repeatable).", valueName: "WORK")) var parent: [String] = []
    @Option(help: ArgumentHelp("A metadata entry (repeatable).", valueName: "k=v")) var meta: [String] = []
    @Argument(help: "The work's file (WAV, PNG, JPEG, PPM or text).") var file: String

    func run() throws {
        for id in parent { try checkHash(id, name: "parent work id") }
        throw node.unavailable("work register")
    }
}

struct WorkShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a registered work, its owners and licences.",
        discussion: "Example:\n  folio work show 4be1…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The work id (64 hex digits).") var id: String

    func run() throws {
        try checkHash(id, name: "work id")
        throw node.unavailable("work show")
    }
}

struct WorkListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List registered works, optionally of one owner.",
        discussion: "Example:\n  folio work list --owner tfolio1…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Only works this address owns a share of.") var owner: String?

    func run() throws {
        if let owner { _ = try AddressText.parse(owner, network: try options.networkKind()) }
        throw node.unavailable("work list")
    }
}

struct WorkSimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: "Fingerprint a file and list registered works close to it.",
        discussion: "Example:\n  folio work similar remix.wav")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The file to compare.") var file: String

    func run() throws { throw node.unavailable("work similar") }
}

struct WorkTransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Give part of your share in a work to another address.",
        discussion: "Example:\n  folio work transfer 4be1… tfolio1… 25000000")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Argument(help: "The work id.") var id: String
    @Argument(help: "The recipient's address.") var to: String
    @Argument(help: "The share to give, out of 100000000.") var share: UInt64

    func run() throws {
        try checkHash(id, name: "work id")
        _ = try AddressText.parse(to, network: try options.networkKind())
        throw node.unavailable("work transfer")
    }
}
