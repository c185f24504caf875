import FolioChain
import FolioCore

/// A licence engine for chain tests, standing in for the licence-language interpreter.
///
/// Its rules, fixed so tests can work amounts out by hand: a template whose source is the
/// text `reject` is refused at publication; an offer's parameter `price` (UInt64 LE, 8 bytes)
/// is the amount due at acceptance (0 without it); the parameter `derivatives` with value
/// `[1]` allows derivative works; a usage report owes `count × price-per-use` where
/// `price-per-use` is another UInt64 LE parameter (0 without it).
public struct FakeLicenceEngine: LicenceEngine {
    /// Creates the engine.
    public init() {}

    public func checkTemplate(_ template: PublishTemplate) throws(LicenceRefusal) {
        if case .source("reject") = template.body { throw LicenceRefusal(reason: "template refused") }
    }

    public func checkOffer(_ offer: OfferLicence, template: PublishTemplate) throws(LicenceRefusal) {
        for parameter in offer.parameters where ["price", "price-per-use"].contains(parameter.name) && parameter.value.count != 8 {
            throw LicenceRefusal(reason: "\(parameter.name) must be 8 bytes")
        }
    }

    public func evaluateAcceptance(_ acceptance: AcceptLicence, offer: OfferRecord, template: PublishTemplate,
                                   context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision {
        LicenceDecision(amountDue: Amount(baseUnits: Self.number("price", in: offer.offer.parameters)))
    }

    public func evaluateUsage(_ report: ReportUsage, licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                              context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision {
        let (due, overflow) = report.count.multipliedReportingOverflow(by: Self.number("price-per-use", in: offer.offer.parameters))
        guard !overflow else { throw LicenceRefusal(reason: "amount overflows") }
        return LicenceDecision(amountDue: Amount(baseUnits: due))
    }

    public func allowsDerivatives(licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                                  context: LicenceContext) -> Bool {
        offer.offer.parameters.contains { $0.name == "derivatives" && $0.value == [1] }
    }

    /// A UInt64 LE parameter's value, 0 when absent or malformed.
    public static func number(_ name: String, in parameters: [LicenceParameter]) -> UInt64 {
        guard let value = parameters.first(where: { $0.name == name })?.value, value.count == 8 else { return 0 }
        return value.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    /// The parameter `name` holding `value` as UInt64 LE.
    public static func parameter(_ name: String, _ value: UInt64) -> LicenceParameter {
        LicenceParameter(name: name, value: (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) })
    }
}
