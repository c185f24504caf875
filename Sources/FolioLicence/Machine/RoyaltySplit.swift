/// Splits an amount by weights with the largest-remainder method, so the parts always add up
/// to the amount exactly (docs/licence-language.md §5, "Splits").
public enum RoyaltySplit {
    /// The parts for each party with a positive weight, in ascending party order, or nil when
    /// the weights add up to zero (or overflow).
    public static func split(_ amount: UInt64, among shares: [Share]) -> [(party: [UInt8], amount: UInt64)]? {
        // A `Shares` value is kept sorted by party with its zero weights, so usually there is
        // nothing to filter or sort; skipping the copies matters when a settlement splits many
        // times (B14). A sorted copy is only needed when the parties are not strictly ascending.
        var weighted = shares.allSatisfy { $0.weight > 0 } ? shares : shares.filter { $0.weight > 0 }
        if !weighted.partiesStrictlyAscend { weighted.sort { $0.party.lexicographicallyPrecedes($1.party) } }
        var total: UInt64 = 0
        for share in weighted {
            let (sum, overflow) = total.addingReportingOverflow(UInt64(share.weight))
            guard !overflow else { return nil }
            total = sum
        }
        guard total > 0 else { return nil }
        var parts: [(party: [UInt8], amount: UInt64, remainder: UInt64)] = weighted.map { share in
            let product = amount.multipliedFullWidth(by: UInt64(share.weight))
            // amount × weight ÷ total ≤ amount, so the quotient always fits in 64 bits.
            let (quotient, remainder) = total.dividingFullWidth(product)
            return (share.party, quotient, remainder)
        }
        var left = amount - parts.reduce(0) { $0 + $1.amount }
        if left > 0 {
            let order = parts.indices.sorted { a, b in
                parts[a].remainder != parts[b].remainder
                    ? parts[a].remainder > parts[b].remainder
                    : parts[a].party.lexicographicallyPrecedes(parts[b].party)
            }
            for index in order where left > 0 {
                parts[index].amount += 1
                left -= 1
            }
        }
        return parts.map { ($0.party, $0.amount) }
    }
}
