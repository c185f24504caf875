/// A published template as the state holds it.
public struct TemplateRecord: Hashable, Sendable {
    /// The template id (`PublishTemplate.id`).
    public var id: TemplateId
    /// The first account to publish it.
    public var publisher: Address
    /// The publication.
    public var template: PublishTemplate
    /// Where it was first published.
    public var published: ChainPosition

    /// Creates a template record.
    public init(id: TemplateId, publisher: Address, template: PublishTemplate, published: ChainPosition) {
        self.id = id
        self.publisher = publisher
        self.template = template
        self.published = published
    }
}

extension TemplateRecord: CanonicalCodable {
    /// `id` (32), `publisher` (20), `template`, `published` (16).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(id)
        writer.write(publisher)
        writer.write(template)
        writer.write(published)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        id = try reader.read()
        publisher = try reader.read()
        template = try reader.read()
        published = try reader.read()
    }
}

/// An offer as the state holds it.
public struct OfferRecord: Hashable, Sendable {
    /// The offer id: the offering transaction's id.
    public var id: OfferId
    /// The account that made the offer (an owner of the work).
    public var offerer: Address
    /// The offer as submitted.
    public var offer: OfferLicence
    /// Where it was included.
    public var offered: ChainPosition
    /// Whether `revokeOffer` has withdrawn it.
    public var revoked: Bool

    /// Creates an offer record.
    public init(id: OfferId, offerer: Address, offer: OfferLicence, offered: ChainPosition, revoked: Bool) {
        self.id = id
        self.offerer = offerer
        self.offer = offer
        self.offered = offered
        self.revoked = revoked
    }
}

extension OfferRecord: CanonicalCodable {
    /// `id` (32), `offerer` (20), `offer`, `offered` (16), `revoked` (1).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(id)
        writer.write(offerer)
        writer.write(offer)
        writer.write(offered)
        writer.write(revoked)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        id = try reader.read()
        offerer = try reader.read()
        offer = try reader.read()
        offered = try reader.read()
        revoked = try reader.readBool()
    }
}
