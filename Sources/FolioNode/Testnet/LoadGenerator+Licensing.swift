import FolioAPI
import FolioChain
import FolioCore
import FolioLicence
import Foundation

/// The licensing story of a scenario's load: dev account 5 publishes the shipped
/// `per-stream-royalty` template once, registers works and offers a licence on each (itself
/// as performer, account 7 as producer); account 6 accepts (the terms ask no payment at
/// acceptance) and reports streams for January 2024 twice, paying what the terms say is due.
/// Each step goes to a random running node once the previous one is in a block.
extension LoadGenerator {
    /// Licensor, work owner and performer.
    static let licensor = 5
    /// Accepts, reports and pays.
    static let licensee = 6
    /// Receives the producer's 30 %.
    static let producer = 7
    /// The month reported: January 2024 (UTC), long ended, so every report is late (+10 %).
    static let reportedMonth = UsagePeriod(start: 1_704_067_200, end: 1_706_745_600)
    /// From March 2024 a January report is late under the terms.
    static let lateFrom: Int64 = 1_709_251_200
    /// Seconds a transaction may stay out of blocks before its licence is given up.
    static let stallSeconds: TimeInterval = 20
    /// Seconds between lookups of one pending transaction.
    static let pollSeconds: TimeInterval = 0.3

    /// The story's starting state, or nil if a dev key or the shipped template is missing.
    static func licensingStory() -> LicensingStory? {
        guard let owner = try? DevChain.account(licensor), let buyer = try? DevChain.account(licensee),
              let producer = try? DevChain.account(producer) else { return nil }
        let late = Int64(Date().timeIntervalSince1970) >= lateFrom
        return LicensingStory(ledger: LicensingLedger(
            owner: Address(publicKey: owner.publicKey), performer: Address(publicKey: owner.publicKey),
            producer: Address(publicKey: producer.publicKey), licensee: Address(publicKey: buyer.publicKey), late: late))
    }

    /// The template publication the story sends.
    static let publication: PublishTemplate? = LicenceTemplate.shippedSource(named: "per-stream-royalty").map {
        PublishTemplate(languageVersion: InterpretedLicenceEngine.languageVersion, body: .source($0))
    }

    /// Streams in the first licence's first report: 2,050 + 205 late = 2,255 due, whose 70 : 30
    /// split ties (remainders 50 and 50), so every run checks that the odd unit goes to the
    /// lower address.
    static let tiedFirstCount: UInt64 = 512_500

    /// Starts one more licence: two reports, the second often crossing the 1,000,000 tier.
    func beginLicence() {
        let first = story?.threads.isEmpty == true ? Self.tiedFirstCount : 500_000 + random.next() % 500_000
        story?.threads.append(LicensingStory.Thread(counts: [first, 100_000 + random.next() % 700_000]))
    }

    /// Sends whatever the story can send now and notes what got into blocks.
    func advanceLicensing() async {
        guard story != nil, let publication = Self.publication else { return }
        if story?.templatePublished == false {
            if let transaction = story?.templateTransaction {
                if Date().timeIntervalSince(story?.templatePolledAt ?? .distantPast) >= Self.pollSeconds {
                    story?.templatePolledAt = Date()
                    if await isInBlock(transaction) { story?.templatePublished = true }
                }
            } else if await isPublished(publication.id) {
                // A publication whose admission we missed (a timed-out answer) is refused as a
                // duplicate when sent again, so look for the template itself first.
                story?.templatePublished = true
            } else if let id = await send(from: Self.licensor, .publishTemplate(publication)) {
                story?.templateTransaction = id
            }
        }
        for index in story?.threads.indices ?? 0..<0 { await advance(thread: index, template: publication.id) }
    }

    /// One licence's next move: look up its pending transaction, or send its next step.
    private func advance(thread index: Int, template: TemplateId) async {
        guard var thread = story?.threads[index], thread.step != .done else { return }
        defer { story?.threads[index] = thread }
        if let pending = thread.pending {
            guard Date().timeIntervalSince(thread.polledAt) >= Self.pollSeconds else { return }
            thread.polledAt = Date()
            if await isInBlock(pending) {
                thread.included()
            } else if Date().timeIntervalSince(thread.sentAt) > Self.stallSeconds {
                thread.step = .done
                story?.stalled += 1
            }
            return
        }
        guard let sent = await send(step: thread, template: template) else { return }
        thread.pending = sent
        thread.sentAt = Date()
        switch thread.step {
        case .register: thread.work = sent
        case .offer: thread.offer = sent
        case .accept: thread.licence = sent
        default: break
        }
    }

    /// Sends `thread`'s next step; returns the transaction id if a node admitted it, and
    /// records acceptances and reports in the ledger.
    private func send(step thread: LicensingStory.Thread, template: TemplateId) async -> String? {
        guard let ledger = story?.ledger else { return nil }
        switch thread.step {
        case .register:
            guard let registration = makeRegistration(owner: Self.licensor),
                  let id = await send(from: Self.licensor, .registerWork(registration)) else { return nil }
            registrations.append(id)
            return id
        case .offer:
            guard story?.templatePublished == true, let work = thread.work.flatMap(Hash256.init(hex:)) else { return nil }
            let parameters = [
                LicenceParameter(name: "performer", value: LicenceValue.party(ledger.performer).canonicalBytes),
                LicenceParameter(name: "producer", value: LicenceValue.party(ledger.producer).canonicalBytes),
            ]
            return await send(from: Self.licensor, .offerLicence(OfferLicence(
                workId: work, templateId: template, parameters: parameters, legalTextHash: .zero)))
        case .accept:
            guard let offer = thread.offer.flatMap(Hash256.init(hex:)) else { return nil }
            let use = [LicenceParameter(name: "action", value: LicenceValue.int(Int64(LicenceAction.stream.rawValue)).canonicalBytes)]
            let acceptance = AcceptLicence(offerId: offer, useParameters: use, payment: .zero)
            guard let id = await send(from: Self.licensee, .acceptLicence(acceptance)) else { return nil }
            story?.ledger.licences.append(LicensingLedger.Licence(id: id, acceptancePayment: 0))
            return id
        case let .report(index):
            guard let position = ledger.licences.firstIndex(where: { $0.id == thread.licence }),
                  let licence = Hash256(hex: ledger.licences[position].id), index < thread.counts.count else { return nil }
            let before = thread.counts[..<index].reduce(0, +)
            let due = PerStreamRoyalty.due(before: before, count: thread.counts[index], late: ledger.late)
            guard let id = await send(from: Self.licensee, .reportUsage(ReportUsage(
                licenceId: licence, action: LicenceAction.stream.name, count: thread.counts[index], period: Self.reportedMonth,
                revenue: .zero, payment: Amount(baseUnits: due)))) else { return nil }
            story?.ledger.licences[position].reports.append(LicensingLedger.Report(count: thread.counts[index], payment: due))
            return id
        case .done:
            return nil
        }
    }

    /// Whether a random running node holds the template `id`.
    private func isPublished(_ id: TemplateId) async -> Bool {
        guard let client = randomClient() else { return false }
        return (try? await client.call(LicenceTemplateGet.self, IdQuery(id: id.hex))) != nil
    }

    /// Whether a random running node shows `transaction` in a block.
    private func isInBlock(_ transaction: String) async -> Bool {
        guard let client = randomClient(),
              let summary = try? await client.call(TxGet.self, IdQuery(id: transaction)) else { return false }
        return summary.block != nil
    }
}
