import FolioCrypto

/// Offers licences on a work under a published template. The offer id is this
/// transaction's id.
public struct OfferLicence: Hashable, Sendable {
    /// The work licensed.
    public var workId: WorkId
    /// The terms.
    public var templateId: TemplateId
    /// Arguments to the template, at most `Limits.licenceParameters`.
    public var parameters: [LicenceParameter]
    /// SHA-256 of the human-readable legal text the terms implement.
    public var legalTextHash: Hash256

    /// Creates an offer.
    public init(workId: WorkId, templateId: TemplateId, parameters: [LicenceParameter], legalTextHash: Hash256) {
        self.workId = workId
        self.templateId = templateId
        self.parameters = parameters
        self.legalTextHash = legalTextHash
    }
}

extension OfferLicence: CanonicalCodable {
    /// `workId` (32), `templateId` (32), `parameters` (list), `legalTextHash` (32).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(workId)
        writer.write(templateId)
        writer.writeList(parameters)
        writer.write(legalTextHash)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        workId = try reader.read()
        templateId = try reader.read()
        parameters = try reader.readParameters(field: "offer parameters")
        legalTextHash = try reader.read()
    }
}

/// Accepts an offer with a declared use and a payment. The licence id is this transaction's id.
public struct AcceptLicence: Hashable, Sendable {
    /// The offer accepted.
    public var offerId: OfferId
    /// The declared use (action, territory, purpose…) as the template's use parameters.
    public var useParameters: [LicenceParameter]
    /// Paid from the sender's account at acceptance; the terms decide how much is due.
    public var payment: Amount

    /// Creates an acceptance.
    public init(offerId: OfferId, useParameters: [LicenceParameter], payment: Amount) {
        self.offerId = offerId
        self.useParameters = useParameters
        self.payment = payment
    }
}

extension AcceptLicence: CanonicalCodable {
    /// `offerId` (32), `useParameters` (list), `payment` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(offerId)
        writer.writeList(useParameters)
        writer.write(payment)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        offerId = try reader.read()
        useParameters = try reader.readParameters(field: "use parameters")
        payment = try reader.read()
    }
}

/// Withdraws an offer; licences already accepted under it are unaffected.
public struct RevokeOffer: Hashable, Sendable {
    /// The offer withdrawn.
    public var offerId: OfferId

    /// Creates a revocation.
    public init(offerId: OfferId) { self.offerId = offerId }
}

extension RevokeOffer: CanonicalCodable {
    /// `offerId` (32).
    public func encode(to writer: inout CanonicalWriter) { writer.write(offerId) }

    public init(from reader: inout CanonicalReader) throws(CodecError) { offerId = try reader.read() }
}
