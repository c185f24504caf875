import FolioFingerprint

/// Bits that each read one pooled input value instead of a drawn hyperplane: with input
/// pooling, the row is zero except for a single 1 on one segment's mean of one feature (for
/// images, the mean of two adjacent rows of one DCT column at 8 segments), and the bias puts
/// the split at the calibration originals' median, so the bit is that coefficient's sign about
/// its typical value: the rule pHash and ISCC's image code use on a DCT.
///
/// Why: drawn hyperplanes mix many values, weighted by how far works spread in them, so their
/// bits lean on the same few wide directions and are correlated across works; unrelated
/// pictures then come closer than independent bits would put them, and a low false-positive
/// rate needs a low threshold. Different DCT coefficients of pictures are close to
/// uncorrelated, so single-coefficient bits are close to independent. They follow a caption box
/// less than the drawn bits do and a crop more, so a code of both kinds does better than either
/// ("Image: coefficient bits" in docs/fingerprint.md).
enum CoefficientBits {
    /// Positions in the pooled state of the pooled input values, lowest frequency first: by
    /// (first step of the segment + feature index), then by segment. A value that is zero for
    /// every calibration original (the dropped DC term) is left out, since its bit would be
    /// the same for every work. Empty without input pooling.
    static func positions(lstm: FloatLSTM, steps: Int, originals: [[Double]]) -> [Int] {
        guard lstm.poolsInputs else { return [] }
        let firstStep: [Int] = PoolingSegments.bounds(steps: steps, segments: lstm.segments)
        let start = lstm.segments * lstm.hidden
        var cells: [(frequency: Int, segment: Int, position: Int)] = []
        for s in 0..<lstm.segments {
            for t in 0..<lstm.input {
                cells.append((firstStep[s] + t, s, start + s * lstm.input + t))
            }
        }
        cells.sort { ($0.frequency, $0.segment) < ($1.frequency, $1.segment) }
        return cells.map(\.position).filter { position in originals.contains { $0[position] != 0 } }
    }

    /// `rows` (256 × n) with the first `count` rows replaced by single-value rows on the first
    /// `count` of `positions` (fewer if there are fewer positions).
    static func replacing(_ rows: [Double], width n: Int, count: Int, positions: [Int]) -> [Double] {
        var rows = rows
        for (b, position) in positions.prefix(count).enumerated() {
            for i in 0..<n { rows[b * n + i] = 0 }
            rows[b * n + position] = 1
        }
        return rows
    }
}
