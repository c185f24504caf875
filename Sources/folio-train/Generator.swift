import Foundation

/// The adversary: a per-step map δ_t = ε · tanh(W x_t + b) that proposes a bounded change of
/// every feature value (|δ| < ε). It is trained to lower the similarity between a work's code
/// and the code of its perturbed copy; the encoder is trained to hold it.
struct PerturbationGenerator {
    let width: Int
    let bound: Double
    var parameters: [Double]  // W (width × width) ‖ b (width)

    init(width: Int, bound: Double, random: inout SeededRandom) {
        self.width = width
        self.bound = bound
        parameters = (0..<width * (width + 1)).map { _ in 0.3 * random.gaussian() }
    }

    func perturbation(_ x: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: x.count)
        for t in 0..<x.count / width {
            for r in 0..<width {
                var z = parameters[width * width + r]
                for j in 0..<width { z += parameters[r * width + j] * x[t * width + j] }
                out[t * width + r] = bound * tanh(z)
            }
        }
        return out
    }

    /// Gradient of the parameters given the gradient with respect to δ.
    func backward(_ x: [Double], delta: [Double], dDelta: [Double], grad: inout [Double]) {
        for t in 0..<x.count / width {
            for r in 0..<width {
                let s = delta[t * width + r] / bound
                let dz = dDelta[t * width + r] * bound * (1 - s * s)
                grad[width * width + r] += dz
                for j in 0..<width { grad[r * width + j] += dz * x[t * width + j] }
            }
        }
    }
}
