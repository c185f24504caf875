import FolioCrypto

/// Registers a work. The work's id is this transaction's id.
public struct RegisterWork: Hashable, Sendable {
    /// Human-readable title, at most `Limits.titleBytes` bytes of UTF-8.
    public var title: String
    /// SHA-256 of the off-chain metadata document (credits, ISRC/ISBN, description).
    public var metadataHash: Hash256
    /// What kind of content the work is.
    public var mediaType: MediaType
    /// SHA-256 of the content's bytes: the exact-copy identity.
    public var contentHash: Hash256
    /// The perceptual fingerprint of the content.
    public var fingerprint: Fingerprint
    /// The fingerprint model that computed `fingerprint`.
    public var modelId: ModelId
    /// Owners and their shares; must pass `validateShares`.
    public var owners: [Ownership]
    /// Works this one derives from, at most `Limits.parentsPerWork`.
    public var parents: [WorkId]

    /// Creates a registration.
    public init(
        title: String, metadataHash: Hash256, mediaType: MediaType, contentHash: Hash256,
        fingerprint: Fingerprint, modelId: ModelId, owners: [Ownership], parents: [WorkId]
    ) {
        self.title = title
        self.metadataHash = metadataHash
        self.mediaType = mediaType
        self.contentHash = contentHash
        self.fingerprint = fingerprint
        self.modelId = modelId
        self.owners = owners
        self.parents = parents
    }

    /// Checks the owner list (`validateShares`).
    public func validate() throws(ShareError) { try validateShares(owners) }
}

extension RegisterWork: CanonicalCodable {
    /// `title` (string), `metadataHash` (32), `mediaType` (varint), `contentHash` (32),
    /// `fingerprint` (32), `modelId` (32), `owners` (list of 28-byte entries), `parents`
    /// (list of 32-byte ids).
    public func encode(to writer: inout CanonicalWriter) {
        writer.writeString(title)
        writer.write(metadataHash)
        writer.write(mediaType)
        writer.write(contentHash)
        writer.write(fingerprint)
        writer.write(modelId)
        writer.writeList(owners)
        writer.writeList(parents)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        title = try reader.readString(field: "title", cap: Limits.titleBytes)
        metadataHash = try reader.read()
        mediaType = try reader.read()
        contentHash = try reader.read()
        fingerprint = try reader.read()
        modelId = try reader.read()
        owners = try reader.readList(field: "owners", cap: Limits.ownersPerWork, minimumElementSize: 28)
        parents = try reader.readList(field: "parents", cap: Limits.parentsPerWork, minimumElementSize: 32)
    }
}

/// Gives `share` parts of the sender's ownership of `workId` to `to`.
public struct TransferWorkShare: Hashable, Sendable {
    /// The work.
    public var workId: WorkId
    /// The receiving account.
    public var to: Address
    /// Parts per 100,000,000 moved; at most what the sender holds.
    public var share: UInt64

    /// Creates a share transfer.
    public init(workId: WorkId, to: Address, share: UInt64) {
        self.workId = workId
        self.to = to
        self.share = share
    }
}

extension TransferWorkShare: CanonicalCodable {
    /// `workId` (32), `to` (20), `share` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(workId)
        writer.write(to)
        writer.write(share)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        workId = try reader.read()
        to = try reader.read()
        share = try reader.readUInt64()
    }
}
