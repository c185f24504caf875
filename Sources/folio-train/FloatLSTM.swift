import FolioFingerprint
import Foundation

/// The encoder's LSTM in Float64 for training, with back-propagation through time that also
/// returns the gradient with respect to the input features (the generator needs it).
/// Layout and gate order (input, forget, cell, output) match `EncoderWeights`. The pooled
/// state is the mean hidden state of each of `segments` runs of steps, side by side
/// (`PoolingSegments`, the same bounds as inference), followed with `poolsInputs` by each
/// segment's mean input step (the skip connection; it has no parameters, but the generator's
/// input gradient goes through it).
struct FloatLSTM {
    let input: Int
    let hidden: Int
    /// Pooling segments (1: one mean over all steps).
    var segments = 1
    /// Whether each segment's mean input step is pooled too.
    var poolsInputs = false
    /// inputWeights ‖ recurrentWeights ‖ gateBias, flat.
    var parameters: [Double]

    var wxCount: Int { 4 * hidden * input }
    var whCount: Int { 4 * hidden * hidden }
    /// Values in the pooled state.
    var pooledSize: Int { segments * (hidden + (poolsInputs ? input : 0)) }

    init(input: Int, hidden: Int, random: inout SeededRandom) {
        self.input = input
        self.hidden = hidden
        let count = 4 * hidden * (input + hidden + 1)
        parameters = [Double](repeating: 0, count: count)
        let scale = 1 / Double(input + hidden).squareRoot()
        for i in 0..<4 * hidden * (input + hidden) { parameters[i] = scale * random.gaussian() }
        // Forget-gate bias 1: remember by default, the usual start for LSTMs.
        for k in 0..<hidden { parameters[4 * hidden * (input + hidden) + hidden + k] = 1 }
    }

    init(input: Int, hidden: Int, parameters: [Double], segments: Int = 1, poolsInputs: Bool = false) {
        self.input = input
        self.hidden = hidden
        self.parameters = parameters
        self.segments = segments
        self.poolsInputs = poolsInputs
    }

    /// Each step's segment and each segment's length in steps.
    func segmentation(steps: Int) -> (ofStep: [Int], lengths: [Int]) {
        let bounds = PoolingSegments.bounds(steps: steps, segments: segments)
        return (PoolingSegments.segmentOfStep(steps: steps, segments: segments), (0..<segments).map { bounds[$0 + 1] - bounds[$0] })
    }

    /// Everything the backward pass needs from one forward pass.
    struct Trace {
        var x: [Double]
        var steps: Int
        var gates: [Double]   // per step: i, f, g, o (activated), 4H
        var cells: [Double]   // per step c_t, H
        var hiddens: [Double] // per step h_t, H
        var pooled: [Double]
    }

    func forward(_ x: [Double]) -> Trace {
        let n = hidden, m = input, steps = x.count / m
        var gates = [Double](repeating: 0, count: steps * 4 * n)
        var cells = [Double](repeating: 0, count: steps * n)
        var hiddens = [Double](repeating: 0, count: steps * n)
        var pooled = [Double](repeating: 0, count: pooledSize)
        let (segmentOfStep, lengths) = segmentation(steps: steps)
        let bBase = wxCount + whCount
        parameters.withUnsafeBufferPointer { p in
            for t in 0..<steps {
                for row in 0..<4 * n {
                    var z = p[bBase + row]
                    for j in 0..<m { z += p[row * m + j] * x[t * m + j] }
                    if t > 0 { for j in 0..<n { z += p[wxCount + row * n + j] * hiddens[(t - 1) * n + j] } }
                    gates[t * 4 * n + row] = row / n == 2 ? tanh(z) : 1 / (1 + exp(-z))
                }
                for k in 0..<n {
                    let g = t * 4 * n
                    let previous = t > 0 ? cells[(t - 1) * n + k] : 0
                    let c = gates[g + n + k] * previous + gates[g + k] * gates[g + 2 * n + k]
                    cells[t * n + k] = c
                    hiddens[t * n + k] = gates[g + 3 * n + k] * tanh(c)
                    pooled[segmentOfStep[t] * n + k] += hiddens[t * n + k] / Double(lengths[segmentOfStep[t]])
                }
                if poolsInputs {
                    let segment = segmentOfStep[t]
                    for j in 0..<m { pooled[segments * n + segment * m + j] += x[t * m + j] / Double(lengths[segment]) }
                }
            }
        }
        return Trace(x: x, steps: steps, gates: gates, cells: cells, hiddens: hiddens, pooled: pooled)
    }

    /// Adds the parameter gradient for `dPooled` into `grad` and returns the input gradient.
    func backward(_ trace: Trace, dPooled: [Double], grad: inout [Double]) -> [Double] {
        let n = hidden, m = input, steps = trace.steps
        var dx = [Double](repeating: 0, count: trace.x.count)
        var dhNext = [Double](repeating: 0, count: n), dcNext = [Double](repeating: 0, count: n)
        var dz = [Double](repeating: 0, count: 4 * n)
        let bBase = wxCount + whCount
        let (segmentOfStep, lengths) = segmentation(steps: steps)
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let g = t * 4 * n
            let pool = segmentOfStep[t] * n, length = Double(lengths[segmentOfStep[t]])
            if poolsInputs {  // the skip connection: x_t reaches its segment's input mean directly
                for j in 0..<m { dx[t * m + j] += dPooled[segments * n + segmentOfStep[t] * m + j] / length }
            }
            for k in 0..<n {
                let dh = dPooled[pool + k] / length + dhNext[k]
                let c = trace.cells[t * n + k], tc = tanh(c)
                let i = trace.gates[g + k], f = trace.gates[g + n + k]
                let cand = trace.gates[g + 2 * n + k], o = trace.gates[g + 3 * n + k]
                let dc = dcNext[k] + dh * o * (1 - tc * tc)
                let previous = t > 0 ? trace.cells[(t - 1) * n + k] : 0
                dz[k] = dc * cand * i * (1 - i)
                dz[n + k] = dc * previous * f * (1 - f)
                dz[2 * n + k] = dc * i * (1 - cand * cand)
                dz[3 * n + k] = dh * tc * o * (1 - o)
                dcNext[k] = dc * f
            }
            for k in 0..<n { dhNext[k] = 0 }
            for row in 0..<4 * n {
                let d = dz[row]
                guard d != 0 else { continue }
                grad[bBase + row] += d
                for j in 0..<m {
                    grad[row * m + j] += d * trace.x[t * m + j]
                    dx[t * m + j] += d * parameters[row * m + j]
                }
                if t > 0 {
                    for j in 0..<n {
                        grad[wxCount + row * n + j] += d * trace.hiddens[(t - 1) * n + j]
                        dhNext[j] += d * parameters[wxCount + row * n + j]
                    }
                }
            }
        }
        return dx
    }
}
