import FolioCore

/// What the shipped `per-stream-royalty` template owes for a usage report, worked out here
/// independently of the licence VM so a scenario can check the chain's arithmetic: 4 base
/// units per 1,000 streams up to 1,000,000 streams in a month and 3 per 1,000 above (each tier
/// rounded down), plus 10 % (rounded down) when the report is late, split 70 : 30 between the
/// performer and the producer by the largest-remainder method.
enum PerStreamRoyalty {
    /// Streams in a month paid at the higher rate.
    static let tierLimit: UInt64 = 1_000_000

    /// The amount due for `count` streams reported in a month that already had `before`.
    static func due(before: UInt64, count: UInt64, late: Bool) -> UInt64 {
        let low = min(before + count, tierLimit) - min(before, tierLimit)
        let base = low * 4 / 1000 + (count - low) * 3 / 1000
        return late ? base + base / 10 : base
    }

    /// `amount` divided among `weights` in proportion: each party first gets
    /// ⌊amount·w/W⌋, then the units left over go one each to the largest remainders
    /// (amount·w mod W), ties to the lower address. Parties with weight 0 get nothing.
    static func split(_ amount: UInt64, weights: [(party: Address, weight: UInt64)]) -> [Address: UInt64] {
        let total = weights.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return [:] }
        var parts: [Address: UInt64] = [:]
        var remainders: [(party: Address, remainder: UInt64)] = []
        for (party, weight) in weights where weight > 0 {
            let product = amount.multipliedFullWidth(by: weight)
            let (quotient, remainder) = total.dividingFullWidth(product)
            parts[party, default: 0] += quotient
            remainders.append((party, remainder))
        }
        var left = amount - parts.values.reduce(0, +)
        let order = remainders.sorted { $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.party < $1.party }
        for entry in order where left > 0 {
            parts[entry.party, default: 0] += 1
            left -= 1
        }
        return parts
    }

    /// The performer's and producer's parts of one report's payment (70 : 30).
    static func shares(of amount: UInt64, performer: Address, producer: Address) -> [Address: UInt64] {
        split(amount, weights: [(performer, 70), (producer, 30)])
    }
}
