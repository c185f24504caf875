import ArgumentParser
import FolioWallet
import Foundation

struct LicenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "licence", abstract: "Publish templates; offer, check, accept, report and revoke licences.",
        discussion: "Example:\n  folio licence accept 7d0a… --use action=stream --use count=1000 --payment 500",
        subcommands: [LicencePublishCommand.self, LicenceOfferCommand.self, LicenceCheckCommand.self,
                      LicenceAcceptCommand.self, LicenceReportCommand.self, LicenceRevokeCommand.self,
                      LicenceExportODRLCommand.self])
}

/// Options every licence transaction takes.
struct SigningOptions: ParsableArguments {
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "Fee in base units.") var fee: UInt64 = 1

    /// Signs `payload` with the chosen key and sends it through `node`.
    func send(_ payload: TransactionPayload, options: GlobalOptions, node: NodeOptions) async throws(WalletError) -> Transaction {
        try await signAndSend(payload, fee: fee, from: from, options: options, node: try node.connect(options))
    }
}

struct LicencePublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Compile a licence-terms file and publish it as a template.",
        discussion: "Compiles the file locally first; the template id is the same whoever publishes it.\n\nExample:\n  folio licence publish per-stream-royalty.flt")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @OptionGroup var signing: SigningOptions
    @Argument(help: "The terms file (.flt).") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw WalletError.usage("cannot read \(file). Check the path and its permissions.")
        }
        let (payload, templateId) = try LicencePayloads.publication(source: String(decoding: data, as: UTF8.self), file: file)
        let sent = try await signing.send(payload, options: options, node: node)
        printSent(sent, what: "template publication", options: options, extra: ["template": templateId])
    }
}

struct LicenceOfferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Offer a licence on a work under a template.",
        discussion: """
            Each --param value is read by its look: an address is a party, 64 hex digits an id, \
            true/false a bool, a whole number an integer (money in base units), anything else text. \
            The offer id is the transaction id.

            Example:
              folio licence offer 4be1… --template 91ce… --param rate=5
            """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @OptionGroup var signing: SigningOptions
    @Option(help: "The template id.") var template: String
    @Option(help: ArgumentHelp("A template parameter (repeatable).", valueName: "k=v")) var param: [String] = []
    @Option(help: ArgumentHelp("SHA-256 of the legal text the terms implement (default: zeros).", valueName: "HASH")) var legalText: String?
    @Argument(help: "The work id.") var work: String

    func run() async throws {
        try checkHash(work, name: "work id")
        try checkHash(template, name: "template id")
        let payload = try LicencePayloads.offer(work: work, template: template, parameters: param, legalTextHash: legalText,
                                                network: try options.networkKind())
        printSent(try await signing.send(payload, options: options, node: node), what: "licence offer", options: options)
    }
}

struct LicenceCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Dry-run a use against an offer: which clause allows or refuses it, and the cost.",
        discussion: """
            Runs the acceptance here with the offer's published terms, as the chain would at the tip; \
            nothing is signed or sent. Exit 0 when the use would be permitted, 1 when refused.

            Example:
              folio licence check 7d0a… --use action=stream --use count=1000
            """)
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: ArgumentHelp("A use parameter (repeatable).", valueName: "k=v")) var use: [String] = []
    @Option(help: "The would-be licensee (default: the first key).") var from: String?
    @Option(help: "Payment in base units the acceptance would attach.") var payment: UInt64 = 0
    @Argument(help: "The offer id.") var offer: String

    func run() async throws {
        try checkHash(offer, name: "offer id")
        for entry in use {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw WalletError.usage("--use takes k=v, not \"\(entry)\".") }
            _ = try UseFacts.value(name: parts[0], text: parts[1])
        }
        let network = try options.networkKind()
        let given = try from.map { text throws(WalletError) in try AddressText.parse(text, network: network) }
        // The node's credentials are checked before the use is required to name an action, so
        // a node that is not running is reported as such (exit 3) first.
        let connection = try node.connect(options)
        _ = try LicenceDryRun.declaredUse(use)
        let licensee = try given ?? WalletKeys(directory: options.keystore).signer(from: nil)
        let summary = try await connection.call(LicenceOfferGet.self, IdQuery(id: offer))
        let template = try await connection.call(LicenceTemplateGet.self, IdQuery(id: try LicenceTerms.templateId(of: summary)))
        let work = try await connection.call(WorkGet.self, IdQuery(id: summary.work))
        let info = try await connection.chainInfo()
        let works = try await LicenceWorkFacts.gather(work, network: network) { id throws(WalletError) in
            try await connection.call(WorkGet.self, IdQuery(id: id))
        }
        let report = try LicenceDryRun.run(offer: summary, template: template, work: work, info: info, licensee: licensee,
                                           use: use, payment: payment, network: network, works: works)
        if options.json {
            print(JSONOutput.render(report))
            // The report already says why, so a script reads one JSON document, never two.
            if !report.permitted { Foundation.exit(WalletExit.refused.rawValue) }
        } else {
            print(report.permitted ? "PERMITTED" : "REFUSED")
            print(report.summary)
            if let rule = report.rule { print("rule:      \(rule)") }
            if let reason = report.reason { print("reason:    \(reason)") }
            print("cost:      " + (report.amountDue.map { "\($0) base units" } ?? "unknown (refused before any payment was computed)"))
            for obligation in report.obligations { print("must:      \(obligation)") }
            for caveat in report.caveats { print("note:      \(caveat)") }
        }
        if !report.permitted {
            throw WalletError(code: "licence-refused", exit: .refused, message: "the use would be refused" + (report.rule.map { " by '\($0)'" } ?? "") + ".")
        }
    }
}

struct LicenceAcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept an offer for a use, paying what its terms ask.",
        discussion: "The licence id is the transaction id.\n\nExample:\n  folio licence accept 7d0a… --use action=stream --payment 500")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @OptionGroup var signing: SigningOptions
    @Option(help: ArgumentHelp("A use fact (repeatable): action, territory, medium, purpose, count, revenue, …", valueName: "k=v")) var use: [String] = []
    @Option(help: "Payment in base units.") var payment: UInt64 = 0
    @Argument(help: "The offer id.") var offer: String

    func run() async throws {
        try checkHash(offer, name: "offer id")
        let payload = try LicencePayloads.acceptance(offer: offer, use: use, payment: payment)
        printSent(try await signing.send(payload, options: options, node: node), what: "licence acceptance", options: options)
    }
}

struct LicenceReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Report usage under a licence and pay the royalty.",
        discussion: "Example:\n  folio licence report 22f9… --count 12000 --period 2025-03 --payment 600")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @OptionGroup var signing: SigningOptions
    @Option(help: "How many uses.") var count: UInt64
    @Option(help: ArgumentHelp("The month reported (UTC).", valueName: "YYYY-MM")) var period: String
    @Option(help: "The action counted.") var action: String = "stream"
    @Option(help: "Revenue for the period in base units (revenue-share terms).") var revenue: UInt64 = 0
    @Option(help: "Payment in base units.") var payment: UInt64 = 0
    @Argument(help: "The licence id.") var licence: String

    func run() async throws {
        try checkHash(licence, name: "licence id")
        let payload = try LicencePayloads.report(licence: licence, action: action, count: count, period: period,
                                                 revenue: revenue, payment: payment)
        printSent(try await signing.send(payload, options: options, node: node), what: "usage report", options: options)
    }
}

struct LicenceRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Withdraw an offer you made.",
        discussion: "Example:\n  folio licence revoke 7d0a…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @OptionGroup var signing: SigningOptions
    @Argument(help: "The offer id.") var offer: String

    func run() async throws {
        try checkHash(offer, name: "offer id")
        let payload = try LicencePayloads.revocation(offer: offer)
        printSent(try await signing.send(payload, options: options, node: node), what: "offer revocation", options: options)
    }
}

struct LicenceExportODRLCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-odrl", abstract: "Print an offer's terms as an ODRL policy (JSON-LD).",
        discussion: "Example:\n  folio licence export-odrl 7d0a… > policy.jsonld")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The offer id.") var offer: String

    func run() async throws {
        try checkHash(offer, name: "offer id")
        let connection = try node.connect(options)
        let summary = try await connection.call(LicenceOfferGet.self, IdQuery(id: offer))
        let template = try await connection.call(LicenceTemplateGet.self, IdQuery(id: try LicenceTerms.templateId(of: summary)))
        // The policy is JSON-LD already, so --json prints the same bytes.
        print(try LicenceTerms.odrl(template))
    }
}
