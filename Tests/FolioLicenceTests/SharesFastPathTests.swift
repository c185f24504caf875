import Testing
import PropertyBased
import FolioCore
@testable import FolioLicence

/// `canonicalShares` and `RoyaltySplit.split` skip hashing, filtering and sorting when they can
/// (B14); these check they still give exactly what the plain algorithms give, on sorted,
/// unsorted, repeated, zero, negative and overflowing weights.
@Suite struct SharesFastPathTests {
    /// The plain algorithm: sum per party in a table, then sort by party.
    static func referenceCanonicalShares(_ shares: [Share]) -> LicenceValue? {
        var merged: [[UInt8]: Int64] = [:]
        for share in shares {
            let (sum, overflow) = merged[share.party, default: 0].addingReportingOverflow(share.weight)
            guard share.weight >= 0, !overflow else { return nil }
            merged[share.party] = sum
        }
        return .shares(merged.map { Share(party: $0.key, weight: $0.value) }
            .sorted { $0.party.lexicographicallyPrecedes($1.party) })
    }

    /// The plain largest-remainder split: drop zero weights, sort by party, always rank remainders.
    static func referenceSplit(_ amount: UInt64, among shares: [Share]) -> [(party: [UInt8], amount: UInt64)]? {
        let weighted = shares.filter { $0.weight > 0 }.sorted { $0.party.lexicographicallyPrecedes($1.party) }
        var total: UInt64 = 0
        for share in weighted {
            let (sum, overflow) = total.addingReportingOverflow(UInt64(share.weight))
            guard !overflow else { return nil }
            total = sum
        }
        guard total > 0 else { return nil }
        var parts: [(party: [UInt8], amount: UInt64, remainder: UInt64)] = weighted.map { share in
            let (quotient, remainder) = total.dividingFullWidth(amount.multipliedFullWidth(by: UInt64(share.weight)))
            return (share.party, quotient, remainder)
        }
        var left = amount - parts.reduce(0) { $0 + $1.amount }
        let order = parts.indices.sorted { a, b in
            parts[a].remainder != parts[b].remainder
                ? parts[a].remainder > parts[b].remainder
                : parts[a].party.lexicographicallyPrecedes(parts[b].party)
        }
        for index in order where left > 0 {
            parts[index].amount += 1
            left -= 1
        }
        return parts.map { ($0.party, $0.amount) }
    }

    static func shares(_ parties: [UInt8], _ weights: [Int64]) -> [Share] {
        zip(parties, weights).map { Share(party: party($0), weight: $1) }
    }

    static func same(_ a: [(party: [UInt8], amount: UInt64)]?, _ b: [(party: [UInt8], amount: UInt64)]?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (a?, b?): return a.map(\.party) == b.map(\.party) && a.map(\.amount) == b.map(\.amount)
        default: return false
        }
    }

    @Test(arguments: [
        ([UInt8]([1, 2, 3]), [Int64]([5, 0, 7])),           // sorted, a zero weight kept
        ([3, 1, 2, 1], [1, 2, 3, 4]),                        // unsorted, party 1 repeated
        ([2, 2], [Int64.max, 0]),                            // repeated, sum fits exactly
        ([2, 2], [Int64.max, 1]),                            // repeated, sum overflows
        ([1, 2], [3, -1]),                                   // negative weight
        ([], []),
    ])
    func canonicalSharesMatchesSummingPerParty(parties: [UInt8], weights: [Int64]) {
        let shares = Self.shares(parties, weights)
        #expect(LicenceValue.canonicalShares(shares) == Self.referenceCanonicalShares(shares))
    }

    @Test func canonicalSharesMatchesSummingPerPartyOnRandomSmallWeights() async {
        await propertyCheck(input: Gen.uint8(in: 1...5).array(of: 0...12), Gen.int64(in: -1...1_000).array(of: 12)) { parties, weights in
            let shares = Self.shares(parties, weights)
            #expect(LicenceValue.canonicalShares(shares) == Self.referenceCanonicalShares(shares))
        }
    }

    @Test func canonicalSharesMatchesSummingPerPartyOnRandomHugeWeights() async {
        await propertyCheck(input: Gen.uint8(in: 1...5).array(of: 0...8), Gen.int64(in: Int64.max / 4...Int64.max).array(of: 8)) { parties, weights in
            let shares = Self.shares(parties, weights)
            #expect(LicenceValue.canonicalShares(shares) == Self.referenceCanonicalShares(shares))
        }
    }

    @Test func splitMatchesThePlainLargestRemainderSplit() async {
        await propertyCheck(input: Gen.uint64(in: 0...10_000_000), Gen.uint8(in: 1...6).array(of: 0...10),
                            Gen.int64(in: 0...1_000).array(of: 10)) { amount, parties, weights in
            let shares = Self.shares(parties, weights)
            #expect(Self.same(RoyaltySplit.split(amount, among: shares), Self.referenceSplit(amount, among: shares)))
            // The same parties as a canonical Shares value, the form the VM passes.
            if case let .shares(canonical)? = LicenceValue.canonicalShares(shares) {
                #expect(Self.same(RoyaltySplit.split(amount, among: canonical), Self.referenceSplit(amount, among: canonical)))
            }
        }
    }

    @Test func splitOfOverflowingWeightsIsRefusedAsBefore() {
        // Three weights of Int64.max add up past UInt64.max; two would still fit.
        let shares = Self.shares([1, 2, 3], [Int64.max, Int64.max, Int64.max])
        #expect(RoyaltySplit.split(100, among: shares) == nil)
        #expect(Self.referenceSplit(100, among: shares) == nil)
    }
}
