/// A quantity of the ledger's currency in base units. Unsigned: a balance can never be
/// negative. Every arithmetic operation is overflow-checked and throws instead of wrapping.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value in base units.
    public let baseUnits: UInt64

    /// Zero base units.
    public static let zero = Amount(baseUnits: 0)

    /// Wraps a value in base units.
    public init(baseUnits: UInt64) { self.baseUnits = baseUnits }

    /// The sum, or `AmountError.overflow`.
    public func adding(_ other: Amount) throws(AmountError) -> Amount {
        let (sum, overflow) = baseUnits.addingReportingOverflow(other.baseUnits)
        guard !overflow else { throw .overflow }
        return Amount(baseUnits: sum)
    }

    /// The difference, or `AmountError.insufficient` when `other` is larger.
    public func subtracting(_ other: Amount) throws(AmountError) -> Amount {
        guard other.baseUnits <= baseUnits else { throw .insufficient(have: self, need: other) }
        return Amount(baseUnits: baseUnits - other.baseUnits)
    }

    /// The product with a count, or `AmountError.overflow`.
    public func multiplied(by factor: UInt64) throws(AmountError) -> Amount {
        let (product, overflow) = baseUnits.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw .overflow }
        return Amount(baseUnits: product)
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.baseUnits < rhs.baseUnits }

    public var description: String { "\(baseUnits)" }
}

/// Why an `Amount` operation failed.
public enum AmountError: Error, Equatable, Sendable {
    /// The result does not fit in 64 bits.
    case overflow
    /// A subtraction would go below zero.
    case insufficient(have: Amount, need: Amount)
}

extension Amount: CanonicalCodable {
    /// Eight bytes, little-endian.
    public func encode(to writer: inout CanonicalWriter) { writer.write(baseUnits) }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        baseUnits = try reader.readUInt64()
    }
}
