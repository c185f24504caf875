import Foundation

/// NT-Xent (normalised temperature-scaled cross entropy) between anchors and positives: each
/// anchor's own positive must be its most similar among all positives in the batch. Returns
/// the loss and the gradients with respect to the unnormalised vectors.
enum Contrastive {
    static func normalise(_ z: [Double]) -> (unit: [Double], norm: Double) {
        let norm = max(1e-9, z.reduce(0) { $0 + $1 * $1 }.squareRoot())
        return (z.map { $0 / norm }, norm)
    }

    /// Back through u = z/|z|: dz = (du − u(u·du)) / |z|.
    static func normaliseBackward(unit u: [Double], norm: Double, dUnit du: [Double]) -> [Double] {
        let dot = zip(u, du).reduce(0) { $0 + $1.0 * $1.1 }
        return zip(u, du).map { ($1 - $0 * dot) / norm }
    }

    static func ntXent(anchors: [[Double]], positives: [[Double]], temperature: Double)
        -> (loss: Double, dAnchors: [[Double]], dPositives: [[Double]]) {
        let b = anchors.count
        let a = anchors.map(normalise), p = positives.map(normalise)
        var du = anchors.map { [Double](repeating: 0, count: $0.count) }
        var dv = du
        var loss = 0.0
        for i in 0..<b {
            let logits = (0..<b).map { j in zip(a[i].unit, p[j].unit).reduce(0) { $0 + $1.0 * $1.1 } / temperature }
            let top = logits.max() ?? 0
            let exps = logits.map { exp($0 - top) }
            let total = exps.reduce(0, +)
            loss -= log(exps[i] / total) / Double(b)
            for j in 0..<b {
                let weight = (exps[j] / total - (i == j ? 1 : 0)) / (Double(b) * temperature)
                for k in du[i].indices {
                    du[i][k] += weight * p[j].unit[k]
                    dv[j][k] += weight * a[i].unit[k]
                }
            }
        }
        let dA = (0..<b).map { normaliseBackward(unit: a[$0].unit, norm: a[$0].norm, dUnit: du[$0]) }
        let dP = (0..<b).map { normaliseBackward(unit: p[$0].unit, norm: p[$0].norm, dUnit: dv[$0]) }
        return (loss, dA, dP)
    }
}

/// Adam over a flat parameter vector.
struct Adam {
    var rate: Double
    var m: [Double]
    var v: [Double]
    var t = 0

    init(count: Int, rate: Double) {
        self.rate = rate
        m = [Double](repeating: 0, count: count)
        v = m
    }

    mutating func step(_ parameters: inout [Double], _ grad: [Double], clamp: Double) {
        t += 1
        let c1 = 1 - pow(0.9, Double(t)), c2 = 1 - pow(0.999, Double(t))
        for i in parameters.indices {
            m[i] = 0.9 * m[i] + 0.1 * grad[i]
            v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i]
            parameters[i] -= rate * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
            parameters[i] = max(-clamp, min(clamp, parameters[i]))
        }
    }
}
