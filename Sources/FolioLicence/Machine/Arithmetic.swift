/// Checked integer arithmetic for the VM: 128-bit intermediates, explicit rounding, and a typed
/// failure instead of a trap on overflow or division by zero.
enum Arithmetic {
    enum Failure: Error { case overflow, divisionByZero }

    static let scale: Int64 = 100_000_000

    /// (a × b) ÷ d rounded as asked, computed exactly in 128 bits.
    static func mulDiv(_ a: Int64, _ b: Int64, _ d: Int64, _ rounding: Rounding) throws(Failure) -> Int64 {
        guard d != 0 else { throw .divisionByZero }
        let negative = (a < 0) != (b < 0) && a != 0 && b != 0
        let resultNegative = negative != (d < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = d.magnitude
        guard product.high < divisor else { throw .overflow }
        let (quotient, remainder) = divisor.dividingFullWidth((product.high, product.low))
        var magnitude = quotient
        if remainder != 0 {
            let roundAway: Bool
            switch rounding {
            case .floor: roundAway = resultNegative
            case .ceil: roundAway = !resultNegative
            case .halfEven:
                let rest = divisor - remainder
                roundAway = remainder > rest || (remainder == rest && quotient & 1 == 1)
            }
            if roundAway {
                guard magnitude < .max else { throw .overflow }
                magnitude += 1
            }
        }
        if resultNegative {
            guard magnitude <= UInt64(Int64.max) + 1 else { throw .overflow }
            return magnitude == UInt64(Int64.max) + 1 ? .min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { throw .overflow }
        return Int64(magnitude)
    }

    static func add(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        guard !o else { throw .overflow }
        return r
    }

    static func subtract(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.subtractingReportingOverflow(b)
        guard !o else { throw .overflow }
        return r
    }

    static func multiply(_ a: Int64, _ b: Int64) throws(Failure) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        guard !o else { throw .overflow }
        return r
    }
}
