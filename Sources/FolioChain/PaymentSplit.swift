import FolioCore

/// Splits an amount among owners by their shares, exactly.
///
/// Owner i first gets `floor(amount × share_i / 100,000,000)` (a 128-bit product, so no
/// overflow). The base units left over (fewer than the number of owners) go one each to the
/// owners with the largest shares, ties broken by the lower address. The parts always sum to
/// `amount`.
enum PaymentSplit {
    /// The part each owner receives, in the owners' order.
    static func split(_ amount: Amount, among owners: [Ownership]) -> [(Address, Amount)] {
        guard !owners.isEmpty else { return [] }
        var parts = owners.map { owner -> UInt64 in
            let product = amount.baseUnits.multipliedFullWidth(by: owner.share)
            return Ownership.wholeShare.dividingFullWidth(product).quotient
        }
        var left = amount.baseUnits - parts.reduce(0, +)
        let order = owners.indices.sorted { a, b in
            owners[a].share != owners[b].share ? owners[a].share > owners[b].share : owners[a].owner < owners[b].owner
        }
        var next = 0
        while left > 0 {
            parts[order[next % order.count]] += 1
            left -= 1
            next += 1
        }
        return owners.indices.map { (owners[$0].owner, Amount(baseUnits: parts[$0])) }
    }
}
