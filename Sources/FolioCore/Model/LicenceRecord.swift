/// Where a licence is in its life. Encoded as a varint tag in declaration order.
public enum LicenceState: UInt8, Hashable, Sendable, CaseIterable {
    /// In force.
    case active = 0
    /// Paused by its terms (a missed payment, a breach being cured).
    case suspended = 1
    /// Ended by its terms or a breach.
    case terminated = 2
    /// Ran out of time.
    case expired = 3
}

extension LicenceState: CanonicalTaggedEnum {}

/// A licence as the state holds it. Usage counters live beside it, keyed by licence, action
/// and period, so this record stays bounded.
public struct LicenceRecord: Hashable, Sendable {
    /// The licence id: the accepting transaction's id.
    public var id: LicenceId
    /// The offer accepted.
    public var offerId: OfferId
    /// The work licensed (copied from the offer for lookups).
    public var workId: WorkId
    /// The account that accepted.
    public var licensee: Address
    /// The declared use.
    public var useParameters: [LicenceParameter]
    /// Where it was issued.
    public var issued: ChainPosition
    /// Its state now.
    public var state: LicenceState
    /// Everything paid under it so far.
    public var totalPaid: Amount
    /// The terms' own state between transactions (counters, variables, reported revenue), in
    /// the licence engine's encoding; empty for a licence whose terms keep none.
    public var termsState: [UInt8]

    /// Creates a licence record.
    public init(
        id: LicenceId, offerId: OfferId, workId: WorkId, licensee: Address, useParameters: [LicenceParameter],
        issued: ChainPosition, state: LicenceState, totalPaid: Amount, termsState: [UInt8] = []
    ) {
        self.id = id
        self.offerId = offerId
        self.workId = workId
        self.licensee = licensee
        self.useParameters = useParameters
        self.issued = issued
        self.state = state
        self.totalPaid = totalPaid
        self.termsState = termsState
    }
}

extension LicenceRecord: CanonicalCodable {
    /// `id` (32), `offerId` (32), `workId` (32), `licensee` (20), `useParameters` (list),
    /// `issued` (16), `state` (varint), `totalPaid` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(id)
        writer.write(offerId)
        writer.write(workId)
        writer.write(licensee)
        writer.writeList(useParameters)
        writer.write(issued)
        writer.write(state)
        writer.write(totalPaid)
        writer.writeBlob(termsState)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        id = try reader.read()
        offerId = try reader.read()
        workId = try reader.read()
        licensee = try reader.read()
        useParameters = try reader.readParameters(field: "use parameters")
        issued = try reader.read()
        state = try reader.read()
        totalPaid = try reader.read()
        termsState = try reader.readBlob(field: "licence terms state", cap: Limits.licenceTermsStateBytes)
    }
}
