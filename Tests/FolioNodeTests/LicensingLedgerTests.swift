import FolioCore
import FolioTestSupport
import Foundation
import Testing
@testable import FolioNode

/// What `licences-final` expects from what the licensing story sent, checked against sums
/// done by hand; and the story's step order.
@Suite struct LicensingLedgerTests {
    static func address(_ first: UInt8) -> Address { Address(bytes: [first] + [UInt8](repeating: 0, count: 19))! }
    static let (owner, performer, producer, licensee) = (address(1), address(2), address(3), address(4))

    static func ledger(late: Bool, reports: [LicensingLedger.Report], acceptance: UInt64 = 0) -> LicensingLedger {
        var ledger = LicensingLedger(owner: owner, performer: performer, producer: producer, licensee: licensee, late: late)
        ledger.licences = [LicensingLedger.Licence(id: "aa", acceptancePayment: acceptance, reports: reports)]
        return ledger
    }

    /// 800,000 then 400,000 streams late: 3,520 + 1,540 = 5,060; performer 2,464 + 1,078,
    /// producer 1,056 + 462.
    @Test func twoLateReportsMoveTheRoyaltiesSeventyThirty() {
        let ledger = Self.ledger(late: true, reports: [.init(count: 800_000, payment: 3_520), .init(count: 400_000, payment: 1_540)])
        #expect(ledger.expectedTotalPaid(ledger.licences[0]) == 5_060)
        #expect(ledger.reportCount == 2)
        #expect(ledger.movements() == [Self.owner: 0, Self.performer: 3_542, Self.producer: 1_518, Self.licensee: -5_060])
    }

    /// The second report's streams count on top of the first's: on time, 800,000 then
    /// 400,000 is 3,200 + 1,400, not 3,200 + 1,600.
    @Test func theMonthsStreamsAccumulateAcrossReports() {
        let ledger = Self.ledger(late: false, reports: [.init(count: 800_000, payment: 3_200), .init(count: 400_000, payment: 1_400)])
        #expect(ledger.expectedTotalPaid(ledger.licences[0]) == 4_600)
    }

    /// Paying 4,000 where 3,520 is due: the terms' split takes 3,520, the 480 over goes to
    /// the owner, and `totalPaid` as the terms see it stays 3,520, so the check would fail.
    @Test func anOverpaymentGoesToTheOwnerAndShowsAsAMismatch() {
        let ledger = Self.ledger(late: true, reports: [.init(count: 800_000, payment: 4_000)], acceptance: 7)
        #expect(ledger.expectedTotalPaid(ledger.licences[0]) == 3_520)
        #expect(ledger.movements() == [Self.owner: 487, Self.performer: 2_464, Self.producer: 1_056, Self.licensee: -4_007])
    }

    /// The scenario's owner is its performer: one account, taking the 70 % and any excess.
    @Test func anOwnerWhoPerformsGetsBothParts() {
        var ledger = LicensingLedger(owner: Self.owner, performer: Self.owner, producer: Self.producer, licensee: Self.licensee, late: true)
        ledger.licences = [LicensingLedger.Licence(id: "aa", acceptancePayment: 0, reports: [.init(count: 800_000, payment: 3_600)])]
        #expect(ledger.movements() == [Self.owner: 2_544, Self.producer: 1_056, Self.licensee: -3_600])
    }

    @Test func aLicenceGoesRegisterOfferAcceptThenEachReport() {
        var thread = LicensingStory.Thread(counts: [1, 2])
        var steps = [thread.step]
        for _ in 0..<5 {
            thread.pending = "tx"
            thread.included()
            #expect(thread.pending == nil)
            steps.append(thread.step)
        }
        #expect(steps == [.register, .offer, .accept, .report(0), .report(1), .done])
        #expect(LicensingStory.step(after: .accept, reports: 0) == .done)
    }

    @Test func theLoadReadsTheLicenceRateAndTheCheck() throws {
        let directory = try TemporaryDirectory(prefix: "licensing")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("licensing.toml")
        let text = "name = \"l\"\nnodes = 2\nengine = \"poa\"\nduration = 5\n[load]\nlicences-per-second = 0.25\n"
            + "[[check]]\nkind = \"licences-final\"\nwithin = 30\n"
        try Data(text.utf8).write(to: file)
        let scenario = try Scenario.load(path: file.path)
        #expect(scenario.load?.licencesPerSecond == 0.25)
        #expect(scenario.check.map(\.kind) == ["licences-final"])
        try Data(text.replacingOccurrences(of: "0.25", with: "1").utf8).write(to: file)
        #expect(try Scenario.load(path: file.path).load?.licencesPerSecond == 1)
    }
}
