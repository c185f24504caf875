/// A registered work as the state holds it: the registration, who registered it and when,
/// and the current owners (which change with `transferWorkShare`).
public struct WorkRecord: Hashable, Sendable {
    /// The work id: the registering transaction's id.
    public var id: WorkId
    /// The account that sent the registration.
    public var registrant: Address
    /// The registration as submitted; its `owners` are the owners at registration.
    public var registration: RegisterWork
    /// Where the registration was included.
    public var registered: ChainPosition
    /// The owners now; always a valid split (`validateShares`).
    public var owners: [Ownership]

    /// Creates a work record.
    public init(id: WorkId, registrant: Address, registration: RegisterWork, registered: ChainPosition, owners: [Ownership]) {
        self.id = id
        self.registrant = registrant
        self.registration = registration
        self.registered = registered
        self.owners = owners
    }
}

extension WorkRecord: CanonicalCodable {
    /// `id` (32), `registrant` (20), `registration`, `registered` (16), `owners` (list).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(id)
        writer.write(registrant)
        writer.write(registration)
        writer.write(registered)
        writer.writeList(owners)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        id = try reader.read()
        registrant = try reader.read()
        registration = try reader.read()
        registered = try reader.read()
        owners = try reader.readList(field: "owners", cap: Limits.ownersPerWork, minimumElementSize: 28)
    }
}
