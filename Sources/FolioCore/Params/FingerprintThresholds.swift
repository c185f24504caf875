/// The near-duplicate gate's Hamming-distance thresholds, in bits (see FINGERPRINT.md).
/// A registration within `duplicateDistance` of someone else's work is rejected; within
/// `similarityDistance` it is accepted and linked as similar.
public struct FingerprintThresholds: Hashable, Sendable {
    /// At or under this distance a work counts as a copy.
    public var duplicateDistance: Int
    /// At or under this distance (and over `duplicateDistance`) a work counts as similar.
    public var similarityDistance: Int

    /// Creates thresholds; `validate()` checks their order and range.
    public init(duplicateDistance: Int, similarityDistance: Int) {
        self.duplicateDistance = duplicateDistance
        self.similarityDistance = similarityDistance
    }

    /// Checks `0 ≤ duplicate < similarity ≤ 256`.
    public func validate() throws(GenesisError) {
        for (path, value) in [("fingerprint.duplicateDistance", duplicateDistance),
                              ("fingerprint.similarityDistance", similarityDistance)]
        where !(0...Fingerprint.bitCount).contains(value) {
            throw .outOfRange(path: path, value: Int64(value), range: "0...\(Fingerprint.bitCount)")
        }
        guard duplicateDistance < similarityDistance else {
            throw .thresholdsOutOfOrder(duplicate: duplicateDistance, similarity: similarityDistance)
        }
    }
}

extension FingerprintThresholds: CanonicalCodable {
    /// `duplicateDistance` (UInt16 LE), `similarityDistance` (UInt16 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(UInt16(clamping: duplicateDistance))
        writer.write(UInt16(clamping: similarityDistance))
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        duplicateDistance = Int(try reader.readUInt16())
        similarityDistance = Int(try reader.readUInt16())
    }
}
