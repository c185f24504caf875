import ArgumentParser
import FolioWallet

struct WorkRegisterCommand: AsyncParsableCommand {
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
    @Option(help: "Fee in base units.") var fee: UInt64 = 1
    @Option(help: "The work's title.") var title: String
    @Option(help: ArgumentHelp("An owner and share of 100000000 (repeatable).", valueName: "ADDR:SHARE")) var owner: [String] = []
    @Option(help: ArgumentHelp("A parent work this one derives from (repeatable).", valueName: "WORK")) var parent: [String] = []
    @Option(help: ArgumentHelp("A metadata entry (repeatable).", valueName: "k=v")) var meta: [String] = []
    @Option(help: ArgumentHelp("A fingerprint model file (default: the one shipped with folio).", valueName: "FILE")) var model: String?
    @Argument(help: "The work's file (WAV, PNG, JPEG, PPM or text).") var file: String

    /// What `--json` prints after sending.
    struct Sent: Encodable {
        let id: String
        let fingerprint: String
        let contentHash: String
        let metadata: String
        let similar: [SimilarWork]
    }

    func run() async throws {
        for id in parent { try checkHash(id, name: "parent work id") }
        let network = try options.networkKind()
        let parents = parent.map { $0.lowercased() }
        let metadata = try WorkPayloads.metadataDocument(meta)
        let connection = try node.connect(options)
        let sender = try WalletKeys(directory: options.keystore).signer(
            from: try from.map { text throws(WalletError) in try AddressText.parse(text, network: network) })
        let owners = try WorkPayloads.owners(owner, sender: sender, network: network)
        let local = try FingerprintProgress.compute(file: file, modelPath: model, json: options.json)
        let payload = try WorkPayloads.registration(local, title: title, metadataDocument: metadata, owners: owners, parents: parents)

        // Ask the node what is already registered near this file and show it before signing.
        let chain = try await connection.chainInfo()
        let duplicateDistance = chain.duplicateDistance ?? DuplicateGate.fallbackDuplicateDistance
        let matches = try await connection.call(WorkSimilar.self, WorkSimilarParams(fingerprint: local.fingerprint, limit: 100))
        var candidates: [(match: SimilarWork, work: WorkSummary)] = []
        for match in matches {
            candidates.append((match, try await connection.call(WorkGet.self, IdQuery(id: match.id))))
        }
        if !options.json { printSimilar(candidates, duplicateDistance: duplicateDistance) }
        if let blocking = DuplicateGate.blockingMatch(
            candidates, sender: AddressText.format(sender, network: network), parents: parents, duplicateDistance: duplicateDistance) {
            throw DuplicateGate.refusal(blocking.match, work: blocking.work, duplicateDistance: duplicateDistance)
        }

        let sent = try await signAndSend(payload, fee: fee, from: AddressText.format(sender, network: network), options: options,
                                         node: connection)
        if options.json {
            print(JSONOutput.render(Sent(id: sent.id.hex, fingerprint: local.fingerprint, contentHash: local.contentHash,
                                         metadata: metadata, similar: matches)))
        } else {
            print("fingerprint: \(local.fingerprint)")
            print("\(options.style.good("sent")) registration of \"\(title)\"; work id \(options.style.bold(sent.id.hex))")
            print("follow it with: folio tx wait \(sent.id.hex)")
        }
    }

    private func printSimilar(_ candidates: [(match: SimilarWork, work: WorkSummary)], duplicateDistance: Int) {
        guard !candidates.isEmpty else {
            print("no registered work is similar to \(file).")
            return
        }
        let rows = candidates.map { candidate in
            [candidate.match.id, candidate.work.title ?? "—", candidate.work.owners.map(\.address).joined(separator: ", "),
             "\(candidate.match.distance)" + (candidate.match.distance <= duplicateDistance ? " (duplicate range)" : "")]
        }
        print("similar registered works:")
        print(TextTable(header: ["WORK", "TITLE", "OWNERS", "BITS APART"], rows: rows).render(style: options.style))
    }
}
