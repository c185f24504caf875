import FolioCore
import FolioLicence

/// A licence's payments summed per payee, payees in order of first payment.
///
/// A settlement can pay dozens of parties (B14: 40), so each payee is found through a table
/// rather than a scan of those seen so far; its key hashes the 20 address bytes in one call
/// instead of one call per byte as `Address`'s derived hashing does.
struct PayeeTotals {
    private(set) var payments: [DirectPayment] = []
    private var positions: [PayeeKey: Int] = [:]

    /// Room for `capacity` payees without growing (the table would otherwise be rebuilt at
    /// every doubling).
    init(capacity: Int) {
        payments.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// Adds `amount` to what `payee` is owed; throws when that sum overflows.
    mutating func add(_ amount: Amount, to payee: Address) throws(AmountError) {
        let next = payments.count
        // One hash per payment: the defaulted subscript, written through, stores `next` for a
        // new payee in the same probe that finds an old one.
        let position = Self.claim(&positions[PayeeKey(address: payee), default: next])
        if position == next {
            payments.append(DirectPayment(payee: payee, amount: amount))
        } else {
            payments[position].amount = try payments[position].amount.adding(amount)
        }
    }

    private static func claim(_ slot: inout Int) -> Int { slot }
}

/// An address as a table key, hashed as one run of bytes. Equal exactly when the addresses are.
private struct PayeeKey: Hashable {
    let address: Address

    func hash(into hasher: inout Hasher) {
        address.bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
