/// One medium's quantised encoder: an LSTM over 16-value steps, then a projection of the
/// pooled hidden states to 256 values whose signs are the fingerprint bits.
///
/// All weights are Q12 `Int16` (4,096 = 1.0, range ±8). Gate rows are ordered input, forget,
/// cell candidate, output, each `hiddenSize` rows. The hidden states are pooled as the mean of
/// each of `segments` runs of consecutive steps (`PoolingSegments`), and the projection acts
/// on those means side by side: `segments × hiddenSize` values. With `poolsInputs`, the mean
/// input step of each segment follows them (`segments × inputSize` more values): a skip
/// connection that lets a bit follow single feature values, which the LSTM's state blurs.
public struct EncoderWeights: Equatable, Sendable {
    /// Values per input step (the feature width, 16).
    public let inputSize: Int
    /// LSTM state size.
    public let hiddenSize: Int
    /// `4·hidden × input`, row-major.
    public let inputWeights: [Int16]
    /// `4·hidden × hidden`, row-major.
    public let recurrentWeights: [Int16]
    /// `4·hidden` gate biases.
    public let gateBias: [Int16]
    /// `256 × pooledWidth`, row-major; within a row, segment 0's `hidden` weights first, and
    /// with `poolsInputs` the segments' input means after all hidden means.
    public let projection: [Int16]
    /// 256 projection biases.
    public let projectionBias: [Int16]
    /// The revision of the medium's features these weights were trained or calibrated on
    /// (`Features.latestRevision`); inference computes features at this revision.
    public let featureRevision: UInt8
    /// The model file's pooling-segments byte as stored: 0 (the first models) and 1 both mean
    /// one mean over all steps, 2…`maxPoolingSegments` that many segments. Kept as stored so
    /// a file decodes and re-encodes to the same bytes (the same model id).
    public let poolingSegments: UInt8
    /// Whether each segment's mean input step is pooled beside its mean hidden state (the
    /// model file's input-pooling byte: 0 no, as in every file before it, 1 yes).
    public let poolsInputs: Bool

    /// Bits in every code.
    public static let codeBits = 256
    /// The most pooling segments a model may ask for (an image has 16 steps).
    public static let maxPoolingSegments = 16

    /// The number of segments the hidden states are pooled over (1 for a stored 0 or 1).
    public var segments: Int { max(1, Int(poolingSegments)) }

    /// Values the projection acts on: the segments' hidden means, then their input means.
    public var pooledWidth: Int { Self.pooledWidth(input: inputSize, hidden: hiddenSize, segments: segments, poolsInputs: poolsInputs) }

    /// Checks the pooling segments and that every array has the length the sizes imply.
    public init(inputSize: Int, hiddenSize: Int, inputWeights: [Int16], recurrentWeights: [Int16],
                gateBias: [Int16], projection: [Int16], projectionBias: [Int16], featureRevision: UInt8 = 0,
                poolingSegments: UInt8 = 0, poolsInputs: Bool = false) throws(ModelError) {
        guard Int(poolingSegments) <= Self.maxPoolingSegments else {
            throw .invalidShape("pooling segments \(poolingSegments) not in 0...\(Self.maxPoolingSegments)")
        }
        let segments = max(1, Int(poolingSegments))
        let names = ["input weights", "recurrent weights", "gate bias", "projection", "projection bias"]
        let counts = [inputWeights.count, recurrentWeights.count, gateBias.count, projection.count, projectionBias.count]
        let wanted = Self.arrayCounts(input: inputSize, hidden: hiddenSize, segments: segments, poolsInputs: poolsInputs)
        for (name, (count, expected)) in zip(names, zip(counts, wanted)) where count != expected {
            throw .invalidShape("\(name) has \(count) values, expected \(expected)")
        }
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.gateBias = gateBias
        self.projection = projection
        self.projectionBias = projectionBias
        self.featureRevision = featureRevision
        self.poolingSegments = poolingSegments
        self.poolsInputs = poolsInputs
    }

    /// Arrays in file order.
    var arrays: [[Int16]] { [inputWeights, recurrentWeights, gateBias, projection, projectionBias] }

    /// The projection's row length for these sizes.
    static func pooledWidth(input: Int, hidden: Int, segments: Int, poolsInputs: Bool) -> Int {
        segments * (hidden + (poolsInputs ? input : 0))
    }

    /// Values in file order, for sizes `input` and `hidden`, `segments` pooling segments and
    /// input pooling on or off.
    static func arrayCounts(input: Int, hidden: Int, segments: Int = 1, poolsInputs: Bool = false) -> [Int] {
        let width = pooledWidth(input: input, hidden: hidden, segments: segments, poolsInputs: poolsInputs)
        return [4 * hidden * input, 4 * hidden * hidden, 4 * hidden, codeBits * width, codeBits]
    }
}
