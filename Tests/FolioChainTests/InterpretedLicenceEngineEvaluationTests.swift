import FolioChain
import FolioCore
import FolioLicence
import FolioTestSupport
import Testing

/// Acceptances and usage reports through the adapter, with amounts worked out by hand from
/// the shipped templates' terms.
@Suite struct InterpretedLicenceEngineEvaluationTests {
    typealias F = LicenceFixture
    let engine = LicenceFixture.engine

    // MARK: per-stream royalty (performer Carol, producer Dave)

    func royalty() throws -> (PublishTemplate, OfferRecord) {
        let template = try F.shipped("per-stream-royalty")
        let offer = F.offer(template, [F.parameter("performer", .party(TestKeys.carol.address)),
                                       F.parameter("producer", .party(TestKeys.dave.address))])
        return (template, offer)
    }

    func report(count: UInt64, payment: UInt64) -> ReportUsage {
        ReportUsage(licenceId: SHA256.hash(Array("licence".utf8)), action: "stream", count: count,
                    period: UsagePeriod(start: F.january2026, end: F.february2026), revenue: .zero,
                    payment: Amount(baseUnits: payment))
    }

    @Test func acceptingAStreamingLicenceOwesNothing() throws {
        let (template, offer) = try royalty()
        let acceptance = AcceptLicence(offerId: offer.id, useParameters: F.use(.stream), payment: .zero)
        let decision = try engine.evaluateAcceptance(acceptance, offer: offer, template: template, context: F.context(at: F.january2026))
        // Nothing is counted at acceptance, so the stored terms state is the initial (empty) one.
        #expect(decision == LicenceDecision(amountDue: .zero, directPayments: [], state: .active, termsState: []))
    }

    /// 1,234,567 streams in January reported on 10 February (on time): 1,000,000 at 4 per
    /// 1,000 = 4,000 and 234,567 at 3 per 1,000 = 703.701 → 703; due 4,703. Split 70/30:
    /// 3,292.1 → 3,292 and 1,410.9 → 1,410, the unit left to the larger remainder (producer).
    @Test func aUsageReportOwesTheTieredRoyaltySplitSeventyThirty() throws {
        let (template, offer) = try royalty()
        let licence = F.licence(issuedAt: F.january2026, use: F.use(.stream))
        let decision = try engine.evaluateUsage(report(count: 1_234_567, payment: 4_703), licence: licence, offer: offer,
                                                template: template, context: F.context(at: F.february2026 + 9 * 86_400))
        #expect(decision.amountDue == Amount(baseUnits: 4_703))
        #expect(F.paid(decision) == [TestKeys.carol.address: 3_292, TestKeys.dave.address: 1_411])
        #expect(decision.state == .active)
    }

    /// The same report on 5 March is late: 4,703 + ⌊470.3⌋ = 5,173; 70% = 3,621.1 → 3,621,
    /// 30% = 1,551.9 → 1,551, the unit left to the producer.
    @Test func aLateReportAddsTenPercent() throws {
        let (template, offer) = try royalty()
        let licence = F.licence(issuedAt: F.january2026, use: F.use(.stream))
        let decision = try engine.evaluateUsage(report(count: 1_234_567, payment: 5_173), licence: licence, offer: offer,
                                                template: template, context: F.context(at: F.march2026 + 4 * 86_400))
        #expect(decision.amountDue == Amount(baseUnits: 5_173))
        #expect(F.paid(decision) == [TestKeys.carol.address: 3_621, TestKeys.dave.address: 1_552])
    }

    @Test func aReportPayingLessThanTheTermsMakeIsRefused() throws {
        let (template, offer) = try royalty()
        let licence = F.licence(issuedAt: F.january2026, use: F.use(.stream))
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateUsage(report(count: 1_234_567, payment: 4_702), licence: licence, offer: offer,
                                         template: template, context: F.context(at: F.february2026 + 86_400))
        }
        #expect(reason?.hasPrefix("attached-payment: ") == true, "\(reason ?? "permitted")")
    }

    @Test func aReportOfAnActionTheLanguageDoesNotKnowIsRefused() throws {
        let (template, offer) = try royalty()
        var unknown = report(count: 1, payment: 0)
        unknown.action = "broadcast"
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateUsage(unknown, licence: F.licence(issuedAt: F.january2026, use: F.use(.stream)), offer: offer,
                                         template: template, context: F.context(at: F.february2026 + 86_400))
        }
        #expect(reason?.hasPrefix("usage-action: ") == true, "\(reason ?? "permitted")")
    }

    /// A report for the play action: the only permission covers stream.
    @Test func aReportForAnActionTheTermsDoNotPermitIsRefused() throws {
        let (template, offer) = try royalty()
        var play = report(count: 1, payment: 0)
        play.action = "play"
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateUsage(play, licence: F.licence(issuedAt: F.january2026, use: F.use(.stream)), offer: offer,
                                         template: template, context: F.context(at: F.february2026 + 86_400))
        }
        #expect(reason?.hasPrefix("no-permission: ") == true, "\(reason ?? "permitted")")
    }

    // MARK: CC BY

    @Test(arguments: [true, false, nil] as [Bool?])
    func ccByGrantsOnlyAnAttributedUse(attributed: Bool?) throws {
        let template = try F.shipped("cc-by-4.0")
        let offer = F.offer(template)
        let acceptance = AcceptLicence(offerId: offer.id, useParameters: F.use(.reproduce, attributed: attributed), payment: .zero)
        let reason = F.refusal { () throws(LicenceRefusal) in
            let decision = try engine.evaluateAcceptance(acceptance, offer: offer, template: template, context: F.context(at: F.january2026))
            #expect(decision.amountDue == .zero)
        }
        if attributed == true {
            #expect(reason == nil)
        } else {
            // Not attributed, or not declared at all (unknown): the attribution duty refuses.
            #expect(reason?.hasPrefix("attribution: ") == true, "\(reason ?? "permitted")")
        }
    }

    @Test func anAcceptanceWithoutAnActionIsRefused() throws {
        let template = try F.shipped("cc-by-4.0")
        let offer = F.offer(template)
        let acceptance = AcceptLicence(offerId: offer.id, useParameters: [F.parameter("attributed", .bool(true))], payment: .zero)
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateAcceptance(acceptance, offer: offer, template: template, context: F.context(at: F.january2026))
        }
        #expect(reason?.hasPrefix("use-parameters: ") == true, "\(reason ?? "permitted")")
    }

    @Test(arguments: [
        [LicenceParameter(name: "colour", value: LicenceValue.bool(true).canonicalBytes)],
        [LicenceParameter(name: "attributed", value: [9, 9])],
        [LicenceParameter(name: "attributed", value: LicenceValue.int(1).canonicalBytes)],
    ])
    func malformedUseParametersAreRefused(extra: [LicenceParameter]) throws {
        let template = try F.shipped("cc-by-4.0")
        let offer = F.offer(template)
        let acceptance = AcceptLicence(offerId: offer.id, useParameters: F.use(.reproduce) + extra, payment: .zero)
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateAcceptance(acceptance, offer: offer, template: template, context: F.context(at: F.january2026))
        }
        #expect(reason?.hasPrefix("use-parameters: ") == true, "\(reason ?? "permitted")")
    }

    // MARK: exclusive EU sync

    func euSync() throws -> (PublishTemplate, OfferRecord) {
        let template = try F.shipped("exclusive-eu-sync")
        return (template, F.offer(template, [F.parameter("film_title", .text("Northern Light"))]))
    }

    func syncReport(at time: Int64, territories: [String], film: String = "Northern Light") throws -> String? {
        let (template, offer) = try euSync()
        let licence = F.licence(issuedAt: F.january2026, use: F.use(.synchronize, territories: territories, target: film))
        let report = ReportUsage(licenceId: licence.id, action: "synchronize", count: 1,
                                 period: UsagePeriod(start: F.january2026, end: F.february2026), revenue: .zero, payment: .zero)
        return F.refusal { () throws(LicenceRefusal) in
            let decision = try engine.evaluateUsage(report, licence: licence, offer: offer, template: template, context: F.context(at: time))
            #expect(decision.amountDue == .zero)
        }
    }

    @Test func euSyncPermitsTheNamedFilmInEUStates() throws {
        #expect(try syncReport(at: F.march2026, territories: ["DE", "FR"]) == nil)
    }

    @Test func euSyncRefusesATerritoryOutsideTheEU() throws {
        let reason = try syncReport(at: F.march2026, territories: ["DE", "US"])
        #expect(reason?.hasPrefix("no-permission: ") == true, "\(reason ?? "permitted")")
    }

    @Test func euSyncRefusesAnotherFilm() throws {
        let reason = try syncReport(at: F.march2026, territories: ["DE"], film: "Southern Dark")
        #expect(reason?.hasPrefix("no-permission: ") == true, "\(reason ?? "permitted")")
    }

    /// 730 days after issue the permission has lapsed.
    @Test func euSyncRefusesAfterTwoYears() throws {
        let reason = try syncReport(at: F.january2026 + 730 * 86_400, territories: ["DE"])
        #expect(reason?.hasPrefix("no-permission: ") == true, "\(reason ?? "permitted")")
    }

    /// The protocol gives the engine no view of the work's other licences, so
    /// `other_grants(synchronize)` is unknown and exclusivity cannot be shown: fail closed.
    @Test func euSyncAcceptanceIsRefusedWhileOtherGrantsAreUnknown() throws {
        let (template, offer) = try euSync()
        let acceptance = AcceptLicence(offerId: offer.id, useParameters: F.use(.synchronize, territories: ["DE"], target: "Northern Light"),
                                       payment: Amount(baseUnits: 20_000))
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateAcceptance(acceptance, offer: offer, template: template, context: F.context(at: F.january2026))
        }
        #expect(reason?.hasPrefix("fee-and-exclusivity: ") == true, "\(reason ?? "permitted")")
    }

    // MARK: fees split among co-owners

    /// A fee of 1,001 to owners holding 50/30/20: 500.5, 300.3, 200.2 → 500, 300, 200; the unit
    /// left goes to the largest remainder (Alice's 0.5).
    @Test func aMintingFeeIsSplitExactlyAmongTheCoOwners() throws {
        let template = try F.shipped("pil-commercial-use")
        let offer = F.offer(template, [F.parameter("fee", .int(1_001))])
        let owners = [Ownership(owner: TestKeys.alice.address, share: 50_000_000),
                      Ownership(owner: TestKeys.carol.address, share: 30_000_000),
                      Ownership(owner: TestKeys.dave.address, share: 20_000_000)]
        let acceptance = AcceptLicence(offerId: offer.id, useParameters: F.use(.distribute, attributed: true), payment: Amount(baseUnits: 1_001))
        let decision = try engine.evaluateAcceptance(acceptance, offer: offer, template: template,
                                                     context: F.context(at: F.january2026, owners: owners))
        #expect(decision.amountDue == Amount(baseUnits: 1_001))
        #expect(F.paid(decision) == [TestKeys.alice.address: 501, TestKeys.carol.address: 300, TestKeys.dave.address: 200])
        let short = AcceptLicence(offerId: offer.id, useParameters: acceptance.useParameters, payment: Amount(baseUnits: 1_000))
        let reason = F.refusal { () throws(LicenceRefusal) in
            _ = try engine.evaluateAcceptance(short, offer: offer, template: template, context: F.context(at: F.january2026, owners: owners))
        }
        #expect(reason?.hasPrefix("minting-fee: ") == true, "\(reason ?? "permitted")")
    }
}
