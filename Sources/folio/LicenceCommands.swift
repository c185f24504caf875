import ArgumentParser
import FolioWallet

struct LicenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licence", abstract: "Publish templates; offer, check, accept, report and revoke licences.",
        discussion: "Example:\n  folio licence check 7d0a… --use action=stream --use count=1000",
        subcommands: [LicencePublishCommand.self, LicenceOfferCommand.self, LicenceCheckCommand.self,
                      LicenceAcceptCommand.self, LicenceReportCommand.self, LicenceRevokeCommand.self,
                      LicenceExportODRLCommand.self])
}

struct LicencePublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Compile a licence-terms file and publish it as a template.",
        discussion: "Example:\n  folio licence publish per-stream-royalty.flt")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Argument(help: "The terms file (.flt).") var file: String

    func run() throws { throw node.unavailable("licence publish") }
}

struct LicenceOfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Offer a licence on a work under a template.",
        discussion: "Example:\n  folio licence offer 4be1… --template 91ce… --param rate=5")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "The template id.") var template: String
    @Option(help: ArgumentHelp("A template parameter (repeatable).", valueName: "k=v")) var param: [String] = []
    @Argument(help: "The work id.") var work: String

    func run() throws {
        try checkHash(work, name: "work id")
        try checkHash(template, name: "template id")
        throw node.unavailable("licence offer")
    }
}

struct LicenceCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Dry-run a use against an offer: which clause allows or refuses it, and the cost.",
        discussion: "Example:\n  folio licence check 7d0a… --use action=stream --use count=1000")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: ArgumentHelp("A use parameter (repeatable).", valueName: "k=v")) var use: [String] = []
    @Argument(help: "The offer id.") var offer: String

    func run() throws {
        try checkHash(offer, name: "offer id")
        throw node.unavailable("licence check")
    }
}

struct LicenceAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept an offer for a use, paying what its terms ask.",
        discussion: "Example:\n  folio licence accept 7d0a… --use action=stream")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: ArgumentHelp("A use parameter (repeatable).", valueName: "k=v")) var use: [String] = []
    @Argument(help: "The offer id.") var offer: String

    func run() throws {
        try checkHash(offer, name: "offer id")
        throw node.unavailable("licence accept")
    }
}

struct LicenceReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Report usage under a licence and pay the royalty.",
        discussion: "Example:\n  folio licence report 22f9… --count 12000 --period 2025-03")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "How many uses.") var count: UInt64
    @Option(help: ArgumentHelp("The month reported.", valueName: "YYYY-MM")) var period: String
    @Argument(help: "The licence id.") var licence: String

    func run() throws {
        try checkHash(licence, name: "licence id")
        throw node.unavailable("licence report")
    }
}

struct LicenceRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Withdraw an offer you made.",
        discussion: "Example:\n  folio licence revoke 7d0a…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Argument(help: "The offer id.") var offer: String

    func run() throws {
        try checkHash(offer, name: "offer id")
        throw node.unavailable("licence revoke")
    }
}

struct LicenceExportODRLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-odrl", abstract: "Print an offer's terms as an ODRL policy (JSON-LD).",
        discussion: "Example:\n  folio licence export-odrl 7d0a… > policy.jsonld")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The offer id.") var offer: String

    func run() throws {
        try checkHash(offer, name: "offer id")
        throw node.unavailable("licence export-odrl")
    }
}
