import FolioCore

/// What a scenario's licensing story sent (licences accepted, usage reports with their
/// counts and attached payments), and what those must have moved, worked out by hand from the
/// `per-stream-royalty` terms (`PerStreamRoyalty`) rather than read back from the chain.
struct LicensingLedger: Sendable, Equatable {
    /// One usage report as sent.
    struct Report: Sendable, Equatable {
        /// Streams reported.
        var count: UInt64
        /// Base units attached to the report.
        var payment: UInt64
    }

    /// One accepted licence and the reports sent under it, in order.
    struct Licence: Sendable, Equatable {
        /// The licence id (the accepting transaction's id, hex).
        var id: String
        /// Base units attached to the acceptance (the template asks for none).
        var acceptancePayment: UInt64
        /// Reports sent, in order; all fall in the same month.
        var reports: [Report] = []
    }

    /// The work's sole owner, who also made the offer.
    let owner: Address
    /// The `performer` offer parameter (70 %).
    let performer: Address
    /// The `producer` offer parameter (30 %).
    let producer: Address
    /// The account that accepts and reports.
    let licensee: Address
    /// Whether the reports are late (the reported month ended more than a month ago), which
    /// adds 10 % under the terms.
    let late: Bool
    /// Licences accepted, in the order sent.
    var licences: [Licence] = []

    /// Reports sent under all licences.
    var reportCount: Int { licences.reduce(0) { $0 + $1.reports.count } }

    /// What the terms say the licence's `totalPaid` must be: nothing at acceptance plus each
    /// report's royalty, the month's streams accumulating from one report to the next. Only
    /// the attached payments count towards `totalPaid`, so this equals the attached total
    /// exactly when every report paid what was due.
    func expectedTotalPaid(_ licence: Licence) -> UInt64 {
        var before: UInt64 = 0
        var total: UInt64 = 0
        for report in licence.reports {
            total += PerStreamRoyalty.due(before: before, count: report.count, late: late)
            before += report.count
        }
        return total
    }

    /// Each account's balance change from the licensing payments (fees aside): the licensee
    /// pays what it attached; each report's royalty goes 70 : 30 to performer and producer;
    /// anything attached beyond what is due goes to the work's owner.
    func movements() -> [Address: Int64] {
        // The owner may be the performer too, so the accounts are added one by one.
        var moved: [Address: Int64] = [:]
        for party in [owner, performer, producer, licensee] { moved[party] = 0 }
        for licence in licences {
            moved[licensee, default: 0] -= Int64(clamping: licence.acceptancePayment)
            moved[owner, default: 0] += Int64(clamping: licence.acceptancePayment)
            var before: UInt64 = 0
            for report in licence.reports {
                let due = PerStreamRoyalty.due(before: before, count: report.count, late: late)
                before += report.count
                moved[licensee, default: 0] -= Int64(clamping: report.payment)
                for (party, part) in PerStreamRoyalty.shares(of: due, performer: performer, producer: producer) {
                    moved[party, default: 0] += Int64(clamping: part)
                }
                moved[owner, default: 0] += Int64(clamping: report.payment) - Int64(clamping: due)
            }
        }
        return moved
    }
}
