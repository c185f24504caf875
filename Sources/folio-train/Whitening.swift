import FolioFingerprint
import Foundation

/// Hyperplane directions chosen against what transforms do to the pooled state. A code bit
/// flips between a work and its copy when the copy's state crosses the hyperplane, so
/// directions in which copies wander far (relative to how far works differ) waste bits.
/// Drawing the Gaussian hyperplane normals in the space where the copy-minus-original change
/// has unit variance in every direction (whitening by Σ^(−1/2), Σ the change's second moment
/// over calibration works) makes SimHash measure the angle in that space: a
/// Mahalanobis-like distance that leans on the directions transforms leave alone.
enum Whitening {
    /// Symmetric eigen-decomposition by cyclic Jacobi rotations: `matrix` (n × n, row-major)
    /// = V diag(values) Vᵀ; returns the values and V (columns are eigenvectors).
    static func eigen(_ matrix: [Double], n: Int) -> (values: [Double], vectors: [Double]) {
        var a = matrix
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        for _ in 0..<100 {
            var off = 0.0
            for p in 0..<n { for q in p + 1..<n { off += a[p * n + q] * a[p * n + q] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in p + 1..<n where abs(a[p * n + q]) > 1e-300 {
                    let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {  // columns p and q of a
                        let akp = a[k * n + p], akq = a[k * n + q]
                        a[k * n + p] = c * akp - s * akq
                        a[k * n + q] = s * akp + c * akq
                    }
                    for k in 0..<n {  // rows p and q of a
                        let apk = a[p * n + k], aqk = a[q * n + k]
                        a[p * n + k] = c * apk - s * aqk
                        a[q * n + k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k * n + p], vkq = v[k * n + q]
                        v[k * n + p] = c * vkp - s * vkq
                        v[k * n + q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return ((0..<n).map { a[$0 * n + $0] }, v)
    }

    /// Σ^(−1/2) for the second moment Σ of `changes`, with `ridge` × (mean eigenvalue) added
    /// to every eigenvalue so directions in which nothing moves are not blown up.
    static func inverseSquareRoot(of changes: [[Double]], n: Int, ridge: Double) -> [Double] {
        var sigma = [Double](repeating: 0, count: n * n)
        for d in changes { for i in 0..<n { for j in 0..<n { sigma[i * n + j] += d[i] * d[j] / Double(changes.count) } } }
        let (values, vectors) = eigen(sigma, n: n)
        let floor = ridge * values.reduce(0, +) / Double(n)
        var root = [Double](repeating: 0, count: n * n)
        for k in 0..<n {
            let scale = 1 / (max(0, values[k]) + floor).squareRoot()
            for i in 0..<n { for j in 0..<n { root[i * n + j] += vectors[i * n + k] * scale * vectors[j * n + k] } }
        }
        return root
    }

    /// 256 hyperplanes (rows, then biases through the median of the calibration originals),
    /// drawn with `random`, whitened against `count` calibration works and one random copy of
    /// each, plus one copy of each work per entry of `extraKinds` with only that transform
    /// (a transform named there counts for more in Σ, so fewer bits follow it). Each row is
    /// scaled so its largest weight is 4 and its bias fits Q12's ±8. With `coefficientBits`,
    /// that many of the drawn rows (the first) are then replaced by single pooled input values
    /// (`CoefficientBits`); the others are as they would be without.
    static func projection<S: WorkSynthesiser>(_ synth: S, lstm: FloatLSTM, count: Int, seed: UInt64, ridge: Double,
                                                extraKinds: [String] = [], coefficientBits: Int = 0,
                                                random: inout SeededRandom) -> (rows: [Double], biases: [Double]) {
        let n = lstm.pooledSize
        var calibration = Calibration.random(seed: seed, medium: synth.medium)
        var originals: [[Double]] = [], changes: [[Double]] = []
        var steps = 0
        for _ in 0..<count {
            let work = synth.makeWork(&calibration)
            let features = synth.features(synth.original(work))
            steps = features.count / FeatureSequence.width
            let original = lstm.forward(features).pooled
            let copy = lstm.forward(synth.features(synth.transformed(work, kind: nil, &calibration))).pooled
            originals.append(original)
            changes.append(zip(copy, original).map { $0 - $1 })
            // Drawn after the mix, so with no extra kinds the stream (and the file) is as before.
            for kind in extraKinds {
                let extra = lstm.forward(synth.features(synth.transformed(work, kind: kind, &calibration))).pooled
                changes.append(zip(extra, original).map { $0 - $1 })
            }
        }
        let w = inverseSquareRoot(of: changes, n: n, ridge: ridge)
        var rows = [Double](repeating: 0, count: 256 * n)
        for b in 0..<256 {
            let r = (0..<n).map { _ in random.gaussian() }
            for i in 0..<n { rows[b * n + i] = (0..<n).reduce(0.0) { $0 + w[i * n + $1] * r[$1] } }
        }
        if coefficientBits > 0 {
            let positions = CoefficientBits.positions(lstm: lstm, steps: steps, originals: originals)
            rows = CoefficientBits.replacing(rows, width: n, count: coefficientBits, positions: positions)
        }
        // Largest weight 4, then smaller where the bias would pass ±7.9; the biases are taken
        // last, from the rows as quantised, so each bit still splits the originals in half.
        for b in 0..<256 {
            let largest = (0..<n).reduce(0.0) { max($0, abs(rows[b * n + $1])) }
            for i in 0..<n { rows[b * n + i] *= 4 / max(largest, 1e-12) }
        }
        let unclamped = Calibration.medianBiases(projection: rows, width: n, pooled: originals)
        for b in 0..<256 where abs(unclamped[b]) > 7.9 {
            for i in 0..<n { rows[b * n + i] *= 7.9 / abs(unclamped[b]) }
        }
        rows = rows.map { Double(Calibration.quantised($0)) / 4096 }
        let biases = Calibration.medianBiases(projection: rows, width: n, pooled: originals)
        return (rows, biases)
    }
}
