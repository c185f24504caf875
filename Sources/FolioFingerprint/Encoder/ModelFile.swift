/// The versioned binary model file. All integers little-endian.
///
/// ```
/// offset size  field
///  0     8     magic "FOLIOFPM"
///  8     2     format version (1)
/// 10     2     input size (must be 16, the feature width)
/// 12     2     hidden size (1...256)
/// 14     2     code bits (must be 256)
/// 16     1     weight fraction bits (must be 12)
/// 17     1     encoder count (must be 3)
/// 18     2     reserved, zero
/// 20     ...   per encoder: medium tag (1 byte: 0 audio, 1 image, 2 text), feature revision
///              (1 byte, `Features.latestRevision`; 0 in the first models), pooling segments
///              (1 byte: 0 or 1 one mean over all steps, as every model before it had;
///              2...16 that many segments, `PoolingSegments`), input pooling (1 byte: 0 as
///              in every model before it, 1 each segment's mean input is pooled too), then
///              Int16 arrays: input weights, recurrent weights, gate bias, projection (256 ×
///              segments·(hidden + input if pooled)), projection bias (sizes as in
///              `EncoderWeights`)
/// ```
/// The file must end exactly after the last encoder. Its SHA-256 is the model id.
public enum ModelFile {
    /// The format version this build reads and writes.
    public static let version = 1
    static let magic = Array("FOLIOFPM".utf8)
    static let headerSize = 20
    static let maxHidden = 256

    /// The file bytes for `encoders` (one per medium, all the same sizes).
    public static func encode(_ encoders: [Medium: EncoderWeights]) throws(ModelError) -> [UInt8] {
        guard Set(encoders.keys) == Set(Medium.allCases) else { throw .media("need one encoder per medium") }
        let sizes = Set(encoders.values.map { [$0.inputSize, $0.hiddenSize] })
        guard sizes.count == 1, let first = encoders[.audio] else { throw .invalidShape("encoders differ in size") }
        var out = magic
        for field in [version, first.inputSize, first.hiddenSize, EncoderWeights.codeBits] { out += le16(field) }
        out += [12, UInt8(Medium.allCases.count), 0, 0]
        for medium in Medium.allCases {
            guard let weights = encoders[medium] else { continue }
            out += [medium.rawValue, weights.featureRevision, weights.poolingSegments, weights.poolsInputs ? 1 : 0]
            for array in weights.arrays { for v in array { out += le16(Int(UInt16(bitPattern: v))) } }
        }
        return out
    }

    /// Parses and checks a model file (structure only; see `FingerprintModel` for the id check).
    public static func decode(_ bytes: [UInt8]) throws(ModelError) -> [Medium: EncoderWeights] {
        guard bytes.count >= headerSize else { throw .truncated("header") }
        guard bytes.starts(with: magic) else { throw .badMagic }
        let field = { (at: Int) in Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard field(8) == version else { throw .unsupportedVersion(field(8)) }
        let input = field(10), hidden = field(12)
        guard input == FeatureSequence.width else { throw .invalidShape("input size \(input), features have \(FeatureSequence.width)") }
        guard (1...maxHidden).contains(hidden) else { throw .invalidShape("hidden size \(hidden) not in 1...\(maxHidden)") }
        guard field(14) == EncoderWeights.codeBits else { throw .invalidShape("code bits \(field(14)), expected 256") }
        guard bytes[16] == 12 else { throw .invalidShape("weight fraction bits \(bytes[16]), expected 12") }
        guard Int(bytes[17]) == Medium.allCases.count else { throw .media("\(bytes[17]) encoders, expected 3") }
        guard bytes[18] == 0, bytes[19] == 0 else { throw .invalidShape("reserved header bytes are not zero") }
        var offset = headerSize
        var encoders: [Medium: EncoderWeights] = [:]
        for index in 0..<Medium.allCases.count {
            guard offset + 4 <= bytes.count else { throw .truncated("encoder \(index) header") }
            guard let medium = Medium(rawValue: bytes[offset]) else { throw .media("unknown medium tag \(bytes[offset])") }
            let revision = bytes[offset + 1]
            // A build that does not know the revision would compute other features and so
            // other codes under the same model id: refuse the file instead.
            guard revision <= Features.latestRevision(medium) else {
                throw .unsupportedFeatureRevision(medium: "\(medium)", revision: Int(revision))
            }
            let segments = bytes[offset + 2]
            // Checked before the arrays are sized from it, so a bad value is named as such
            // rather than reported as a truncated file.
            guard Int(segments) <= EncoderWeights.maxPoolingSegments else {
                throw .invalidShape("\(medium) pooling segments \(segments) not in 0...\(EncoderWeights.maxPoolingSegments)")
            }
            let inputPooling = bytes[offset + 3]
            guard inputPooling <= 1 else { throw .invalidShape("\(medium) input pooling \(inputPooling) is neither 0 nor 1") }
            let counts = EncoderWeights.arrayCounts(input: input, hidden: hidden, segments: max(1, Int(segments)),
                                                    poolsInputs: inputPooling == 1)
            guard encoders[medium] == nil else { throw .media("two \(medium) encoders") }
            offset += 4
            var arrays: [[Int16]] = []
            for count in counts {
                guard offset + 2 * count <= bytes.count else { throw .truncated("\(medium) weights") }
                arrays.append((0..<count).map { Int16(bitPattern: UInt16(field(offset + 2 * $0))) })
                offset += 2 * count
            }
            encoders[medium] = try EncoderWeights(inputSize: input, hiddenSize: hidden, inputWeights: arrays[0],
                                                  recurrentWeights: arrays[1], gateBias: arrays[2],
                                                  projection: arrays[3], projectionBias: arrays[4], featureRevision: revision,
                                                  poolingSegments: segments, poolsInputs: inputPooling == 1)
        }
        guard offset == bytes.count else { throw .trailingBytes(bytes.count - offset) }
        return encoders
    }

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
}
