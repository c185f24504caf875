/// One medium's quantised encoder: an LSTM over 16-value steps, then a projection of the
/// mean hidden state to 256 values whose signs are the fingerprint bits.
///
/// All weights are Q12 `Int16` (4,096 = 1.0, range ±8). Gate rows are ordered input, forget,
/// cell candidate, output, each `hiddenSize` rows.
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
    /// `256 × hidden`, row-major.
    public let projection: [Int16]
    /// 256 projection biases.
    public let projectionBias: [Int16]
    /// The revision of the medium's features these weights were trained or calibrated on
    /// (`Features.latestRevision`); inference computes features at this revision.
    public let featureRevision: UInt8

    /// Bits in every code.
    public static let codeBits = 256

    /// Checks that every array has the length the sizes imply.
    public init(inputSize: Int, hiddenSize: Int, inputWeights: [Int16], recurrentWeights: [Int16],
                gateBias: [Int16], projection: [Int16], projectionBias: [Int16], featureRevision: UInt8 = 0) throws(ModelError) {
        let gates = 4 * hiddenSize
        let expected = [("input weights", inputWeights.count, gates * inputSize),
                        ("recurrent weights", recurrentWeights.count, gates * hiddenSize),
                        ("gate bias", gateBias.count, gates),
                        ("projection", projection.count, Self.codeBits * hiddenSize),
                        ("projection bias", projectionBias.count, Self.codeBits)]
        for (name, count, wanted) in expected where count != wanted {
            throw .invalidShape("\(name) has \(count) values, expected \(wanted)")
        }
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        self.inputWeights = inputWeights
        self.recurrentWeights = recurrentWeights
        self.gateBias = gateBias
        self.projection = projection
        self.projectionBias = projectionBias
        self.featureRevision = featureRevision
    }

    /// Arrays in file order.
    var arrays: [[Int16]] { [inputWeights, recurrentWeights, gateBias, projection, projectionBias] }

    /// Values in file order, for sizes `input` and `hidden`.
    static func arrayCounts(input: Int, hidden: Int) -> [Int] {
        [4 * hidden * input, 4 * hidden * hidden, 4 * hidden, codeBits * hidden, codeBits]
    }
}
