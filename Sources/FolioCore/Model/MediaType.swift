/// The kind of content a work is; it picks the fingerprint feature extractor.
/// Encoded as a varint tag: audio 0, image 1, text 2.
public enum MediaType: UInt8, Hashable, Sendable, CaseIterable {
    /// Sound recordings.
    case audio = 0
    /// Still images.
    case image = 1
    /// Written text.
    case text = 2
}

extension MediaType: CanonicalTaggedEnum {}
