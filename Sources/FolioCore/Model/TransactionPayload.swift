/// What a transaction does. Encoded as a varint kind tag, then the kind's fields; the tags
/// are fixed forever, and an unknown tag is a decoding error.
///
/// The kinds over 40 bytes are `indirect` (boxed): a transfer, by far the most common kind, then
/// keeps the whole `Transaction` small, and every block decode, copy and validation moves fewer
/// bytes; the rarer registrations, offers and reports pay one allocation each.
public enum TransactionPayload: Hashable, Sendable {
    /// Tag 0: move currency to another account.
    case transfer(Transfer)
    /// Tag 1: register a work with its fingerprint and owners.
    indirect case registerWork(RegisterWork)
    /// Tag 2: give part of the sender's share in a work to another account.
    indirect case transferWorkShare(TransferWorkShare)
    /// Tag 3: publish a licence-terms template.
    case publishTemplate(PublishTemplate)
    /// Tag 4: offer a licence on a work under a template.
    indirect case offerLicence(OfferLicence)
    /// Tag 5: accept an offer, creating a licence.
    indirect case acceptLicence(AcceptLicence)
    /// Tag 6: report usage under a licence.
    indirect case reportUsage(ReportUsage)
    /// Tag 7: withdraw an offer.
    case revokeOffer(RevokeOffer)
    /// Tag 8: an authority votes to add or remove an authority (proof of authority only).
    case authorityVote(AuthorityVote)

    /// The kind tag written before the payload's fields.
    public var kindTag: UInt64 {
        switch self {
        case .transfer: return 0
        case .registerWork: return 1
        case .transferWorkShare: return 2
        case .publishTemplate: return 3
        case .offerLicence: return 4
        case .acceptLicence: return 5
        case .reportUsage: return 6
        case .revokeOffer: return 7
        case .authorityVote: return 8
        }
    }
}

extension TransactionPayload: CanonicalCodable {
    public func encode(to writer: inout CanonicalWriter) {
        writer.writeVarInt(kindTag)
        switch self {
        case let .transfer(body): writer.write(body)
        case let .registerWork(body): writer.write(body)
        case let .transferWorkShare(body): writer.write(body)
        case let .publishTemplate(body): writer.write(body)
        case let .offerLicence(body): writer.write(body)
        case let .acceptLicence(body): writer.write(body)
        case let .reportUsage(body): writer.write(body)
        case let .revokeOffer(body): writer.write(body)
        case let .authorityVote(body): writer.write(body)
        }
    }

    // Inlined into the transaction decoder: returned through the stack, the payload was written
    // field by field and read back in wider loads, which stalled on store-to-load forwarding.
    @inline(__always)
    public init(from reader: inout CanonicalReader) throws(CodecError) {
        switch try reader.readVarInt() {
        case 0: self = .transfer(try reader.read())
        case 1: self = .registerWork(try reader.read())
        case 2: self = .transferWorkShare(try reader.read())
        case 3: self = .publishTemplate(try reader.read())
        case 4: self = .offerLicence(try reader.read())
        case 5: self = .acceptLicence(try reader.read())
        case 6: self = .reportUsage(try reader.read())
        case 7: self = .revokeOffer(try reader.read())
        case 8: self = .authorityVote(try reader.read())
        case let tag: throw .unknownTag(type: "TransactionPayload", tag: tag)
        }
    }
}
