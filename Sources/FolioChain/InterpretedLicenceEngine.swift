import FolioCore
import FolioLicence

/// The licence engine that runs real licence terms: an adapter from the chain's `LicenceEngine`
/// to FolioLicence's compiler and metered VM (docs/chain.md, "Licence terms").
///
/// The chain names a template by FolioCore's `TemplateId` (SHA-256 of the `PublishTemplate`
/// payload); the bytecode hash FolioLicence computes stays inside the interpreter. Every
/// parameter value, offer or use, is the canonical encoding of a `LicenceValue`
/// (`InterpretedLicenceEngine.parameter(_:_:)` builds one).
public struct InterpretedLicenceEngine: LicenceEngine {
    /// The licence-language version a `PublishTemplate` must declare.
    public static let languageVersion: UInt32 = 1

    /// The chain's id, which terms read as `ledger.chain_id` (decimal text).
    public let chainId: UInt32
    /// The per-transaction gas cap: a template whose worst case is over it is refused at
    /// publication, and every evaluation stops at it.
    public let gasCap: UInt64
    let cache: CompiledTemplateCache

    /// An engine for the chain `chainId`. `cacheCapacity` bounds how many compiled templates
    /// are kept; the cache saves compile time only and never changes an answer.
    public init(chainId: UInt32, gasCap: UInt64 = LicenceLanguage.defaultGasCap, cacheCapacity: Int = 256) {
        self.chainId = chainId
        self.gasCap = gasCap
        cache = CompiledTemplateCache(capacity: cacheCapacity)
    }

    /// An engine for the chain `params` describes.
    public init(params: ChainParams, gasCap: UInt64 = LicenceLanguage.defaultGasCap) {
        self.init(chainId: params.chainId, gasCap: gasCap)
    }

    /// A parameter (offer or use) holding `value` in its canonical encoding.
    public static func parameter(_ name: String, _ value: LicenceValue) -> LicenceParameter {
        LicenceParameter(name: name, value: value.canonicalBytes)
    }

    public func checkTemplate(_ template: PublishTemplate) throws(LicenceRefusal) {
        _ = try publish(template)
    }

    public func checkOffer(_ offer: OfferLicence, template: PublishTemplate) throws(LicenceRefusal) {
        _ = try OfferParameters.bind(offer.parameters, to: compiled(template))
    }

    public func evaluateAcceptance(_ acceptance: AcceptLicence, offer: OfferRecord, template: PublishTemplate,
                                   context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision {
        try acceptanceDecision(acceptance, offer: offer, template: template, context: context)
    }

    public func evaluateUsage(_ report: ReportUsage, licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                              context: LicenceContext) throws(LicenceRefusal) -> LicenceDecision {
        try usageDecision(report, licence: licence, offer: offer, template: template, context: context)
    }

    public func allowsDerivatives(licence: LicenceRecord, offer: OfferRecord, template: PublishTemplate,
                                  context: LicenceContext) -> Bool {
        derivativesAllowed(licence: licence, offer: offer, template: template, context: context)
    }
}
