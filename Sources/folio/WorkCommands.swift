import ArgumentParser
import FolioWallet

struct WorkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "work", abstract: "Register, look up and transfer works.",
        discussion: "Example:\n  folio work register song.wav --title \"First song\"",
        subcommands: [WorkRegisterCommand.self, WorkShowCommand.self, WorkListCommand.self,
                      WorkSimilarCommand.self, WorkTransferCommand.self])
}

struct WorkShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a registered work, its owners and licences.",
        discussion: "Example:\n  folio work show 4be1…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Argument(help: "The work id (64 hex digits).") var id: String

    func run() async throws {
        try checkHash(id, name: "work id")
        let work = try await node.connect(options).call(WorkGet.self, IdQuery(id: id.lowercased()))
        print(options.json ? JSONOutput.render(work) : workText(work, style: options.style))
    }
}

/// A work as text: its fields, then owners, similar works, offers and licences as tables.
func workText(_ work: WorkSummary, style: OutputStyle) -> String {
    var rows = [["id", work.id], ["title", work.title ?? "—"], ["medium", work.mediaType ?? "—"],
                ["registrant", work.registrant], ["height", "\(work.height)"], ["fingerprint", work.fingerprint]]
    if let hash = work.contentHash { rows.append(["content hash", hash]) }
    for parent in work.parents ?? [] { rows.append(["parent", parent]) }
    var sections = [TextTable(header: ["FIELD", "VALUE"], rows: rows).render(style: style)]
    sections.append(TextTable(header: ["OWNER", "SHARE"], rows: work.owners.map { [$0.address, shareText($0.share)] })
        .render(style: style))
    if let similar = work.similar, !similar.isEmpty {
        sections.append(TextTable(header: ["SIMILAR WORK", "BITS APART"], rows: similar.map { [$0.id, "\($0.distance)"] })
            .render(style: style))
    }
    if let offers = work.offers, !offers.isEmpty {
        sections.append(TextTable(header: ["OFFER", "OFFERER", "STATE"],
                                  rows: offers.map { [$0.id, $0.offerer, $0.revoked ? "revoked" : "open"] }).render(style: style))
    }
    if let licences = work.licences, !licences.isEmpty {
        sections.append(TextTable(header: ["LICENCE", "LICENSEE", "STATE", "PAID"],
                                  rows: licences.map { [$0.id, $0.licensee, $0.state, $0.totalPaid] }).render(style: style))
    }
    return sections.joined(separator: "\n\n")
}

/// `60000000` as `60000000 (60%)`: exact parts first, the percentage only as a reading aid.
func shareText(_ share: UInt64) -> String {
    let hundredths = share / 100_000
    return "\(share) (\(hundredths / 10).\(hundredths % 10)%)"
}

struct WorkListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the works an address holds a share in (default: the first key).",
        discussion: "Newest registration first.\nExample:\n  folio work list --owner tfolio1…")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "The owner's address (default: the first key).") var owner: String?
    @Option(help: "At most this many works (1–\(WorkListParams.maxLimit)).") var limit: Int = WorkListParams.defaultLimit

    func run() async throws {
        guard (1...WorkListParams.maxLimit).contains(limit) else {
            throw WalletError.usage("--limit must be 1 to \(WorkListParams.maxLimit), not \(limit).")
        }
        let network = try options.networkKind()
        let given = try owner.map { text throws(WalletError) in try AddressText.parse(text, network: network) }
        // The node's credentials are checked before the keystore, so a node that is not running
        // is reported as such (exit 3) even when the keystore is empty.
        let connection = try node.connect(options)
        let target = try given ?? WalletKeys(directory: options.keystore).signer(from: nil)
        let ownerText = AddressText.format(target, network: network)
        let works = try await connection.call(WorkList.self, WorkListParams(owner: ownerText, limit: limit))
        if options.json {
            print(JSONOutput.render(works))
        } else if works.isEmpty {
            print("\(ownerText) holds a share in no registered work.")
        } else {
            let rows = works.map { work in
                let share = work.owners.first { $0.address == ownerText }.map { shareText($0.share) } ?? "—"
                return [work.id, work.title ?? "—", work.mediaType ?? "—", "\(work.height)", share]
            }
            print(TextTable(header: ["WORK", "TITLE", "MEDIUM", "HEIGHT", "YOUR SHARE"], rows: rows).render(style: options.style))
        }
    }
}

struct WorkSimilarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: "Fingerprint a file and list registered works close to it.",
        discussion: "Example:\n  folio work similar remix.wav")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: ArgumentHelp("A fingerprint model file (default: the one shipped with folio).", valueName: "FILE")) var model: String?
    @Option(help: "At most this many works (1–100).") var limit: Int = 10
    @Argument(help: "The file to compare.") var file: String

    func run() async throws {
        guard (1...100).contains(limit) else { throw WalletError.usage("--limit must be 1 to 100, not \(limit).") }
        let connection = try node.connect(options)
        let local = try FingerprintProgress.compute(file: file, modelPath: model, json: options.json)
        let matches = try await connection.call(WorkSimilar.self, WorkSimilarParams(fingerprint: local.fingerprint, limit: limit))
        if options.json {
            print(JSONOutput.render(matches))
        } else if matches.isEmpty {
            print("no registered work is similar to \(file).")
        } else {
            print(TextTable(header: ["WORK", "BITS APART"], rows: matches.map { [$0.id, "\($0.distance)"] }).render(style: options.style))
        }
    }
}

struct WorkTransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer", abstract: "Give part of your share in a work to another address.",
        discussion: "Example:\n  folio work transfer 4be1… tfolio1… 25000000")
    @OptionGroup var options: GlobalOptions
    @OptionGroup var node: NodeOptions
    @Option(help: "Signing address (default: the first key).") var from: String?
    @Option(help: "Fee in base units.") var fee: UInt64 = 1
    @Argument(help: "The work id.") var id: String
    @Argument(help: "The recipient's address.") var to: String
    @Argument(help: "The share to give, out of 100000000.") var share: UInt64

    func run() async throws {
        let recipient = try AddressText.parse(to, network: try options.networkKind())
        let payload = try WorkPayloads.shareTransfer(work: id, to: recipient, share: share)
        let sent = try await signAndSend(payload, fee: fee, from: from, options: options, node: try node.connect(options))
        printSent(sent, what: "share transfer", options: options)
    }
}
