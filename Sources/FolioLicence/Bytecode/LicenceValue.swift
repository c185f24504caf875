import FolioCore

/// A value in the licence VM: parameters, constants, state variables and results.
/// Collections are kept in canonical order so equal values have equal bytes.
public enum LicenceValue: Hashable, Sendable {
    /// A fact the inputs did not supply (docs/licence-language.md §4, "Option").
    case unknown
    case bool(Bool)
    /// Int, Decimal, Ratio, Money, Time, Duration, Height, Territory and the enumerations.
    case int(Int64)
    /// Party, WorkId, LicenceId, TemplateId and Text (NFC UTF-8).
    case bytes([UInt8])
    /// A set, sorted and without repeats.
    case set([LicenceValue])
    case list([LicenceValue])
    /// Party → weight, sorted by party.
    case shares([Share])

    /// An address as a Party value.
    public static func party(_ address: Address) -> LicenceValue { .bytes(address.bytes) }

    /// A hash (work, licence or template id).
    public static func id(_ hash: Hash256) -> LicenceValue { .bytes(hash.bytes) }

    /// An amount of the ledger currency.
    public static func money(_ amount: Amount) -> LicenceValue { .int(Int64(clamping: amount.baseUnits)) }

    /// Text, NFC-normalised so canonically equal strings compare equal.
    public static func text(_ string: String) -> LicenceValue { .bytes(TextNormalisation.nfcBytes(string)) }

    /// A territory from its ISO 3166-1 alpha-2 code; nil unless two capital letters.
    public static func territory(_ code: String) -> LicenceValue? { Territory.code(code).map { .int($0) } }

    /// A canonical set of `elements`.
    public static func canonicalSet(_ elements: [LicenceValue]) -> LicenceValue {
        var sorted = elements.sorted(by: LicenceValue.canonicalLess)
        var index = 1
        while index < sorted.count {
            if sorted[index] == sorted[index - 1] { sorted.remove(at: index) } else { index += 1 }
        }
        return .set(sorted)
    }

    /// Canonical shares: sorted by party, weights of a repeated party added, zero weights kept.
    /// Nil when a weight is negative or a party's weights overflow.
    ///
    /// Sorting, then merging neighbours, gives the same shares as summing per party would:
    /// weights are never negative, so a party's sum overflows in any order or in none. It
    /// avoids hashing every party's bytes, which was a third of a royalty settlement (B14).
    public static func canonicalShares(_ shares: [Share]) -> LicenceValue? {
        guard shares.allSatisfy({ $0.weight >= 0 }) else { return nil }
        // Owner lists usually arrive sorted already; then no sort is needed.
        let sorted = shares.partiesStrictlyAscend
            ? shares : shares.sorted { $0.party.lexicographicallyPrecedes($1.party) }
        var merged: [Share] = []
        merged.reserveCapacity(sorted.count)
        for share in sorted {
            guard let last = merged.last, last.party == share.party else {
                merged.append(share)
                continue
            }
            let (sum, overflow) = last.weight.addingReportingOverflow(share.weight)
            guard !overflow else { return nil }
            merged[merged.count - 1] = Share(party: last.party, weight: sum)
        }
        return .shares(merged)
    }

    /// Total order used for canonical sets: unknown, bools, ints, bytes, then collections.
    static func canonicalLess(_ a: LicenceValue, _ b: LicenceValue) -> Bool {
        switch (a, b) {
        case let (.bool(x), .bool(y)): return !x && y
        case let (.int(x), .int(y)): return x < y
        case let (.bytes(x), .bytes(y)): return x.lexicographicallyPrecedes(y)
        default: return a.rank < b.rank
        }
    }

    private var rank: Int {
        switch self {
        case .unknown: return 0
        case .bool: return 1
        case .int: return 2
        case .bytes: return 3
        case .set: return 4
        case .list: return 5
        case .shares: return 6
        }
    }
}

/// One party's weight in a `Shares` value.
public struct Share: Hashable, Sendable {
    /// The party's 20 address bytes.
    public let party: [UInt8]
    /// Its weight; parts are proportional to weight over the total.
    public let weight: Int64

    /// Creates a share.
    public init(party: Address, weight: Int64) {
        self.party = party.bytes
        self.weight = weight
    }

    init(party: [UInt8], weight: Int64) {
        self.party = party
        self.weight = weight
    }
}

extension [Share] {
    /// Whether each party comes strictly after the one before (sorted, no repeats): then
    /// sorting by party would change nothing.
    var partiesStrictlyAscend: Bool {
        var index = 1
        while index < count {
            guard self[index - 1].party.lexicographicallyPrecedes(self[index].party) else { return false }
            index += 1
        }
        return true
    }
}
