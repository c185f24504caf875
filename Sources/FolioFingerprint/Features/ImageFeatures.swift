/// Image → feature sequence: greyscale area-resampled to 32×32, a 2-D DCT-II, and the 16×16
/// lowest frequencies as 16 steps (one per vertical frequency) of 16 values (horizontal
/// frequencies). The DC term is dropped (brightness) and the rest divided by the mean absolute
/// AC coefficient (contrast).
enum ImageFeatures {
    static let side = 32
    static let kept = 16
    /// Coefficients below this (under 1/100 of a grey level of pattern amplitude) are rounding
    /// noise of the Q14 cosine table; zeroing them keeps flat areas at exactly zero.
    static let noiseFloor: Int64 = 64

    /// cos(π(2x+1)u / 64) in Q14, indexed [u * side + x].
    static let dctTable: [Int64] = (0..<side * side).map { index in
        let u = index / side, x = index % side
        return (FixedMath.cosQ30((2 * x + 1) * u, 4 * side) + (1 << 15)) >> 16
    }

    static func extract(_ image: GreyImage) -> FeatureSequence {
        let grid = resampled(image)
        // Rows: R[y][u] = Σx (p − 128)·C[u][x]   (pixels in 1/16 levels, Q14)
        var rows = [Int64](repeating: 0, count: side * kept)
        for y in 0..<side {
            for u in 0..<kept {
                var sum: Int64 = 0
                for x in 0..<side { sum += (grid[y * side + x] - 128 * 16) * dctTable[u * side + x] }
                rows[y * kept + u] = sum
            }
        }
        // Columns: D[v][u] = Σy R[y][u]·C[v][y]   (Q28, ≤ 32·32·2^11·2^28 < 2^50)
        var coefficients = [Int64](repeating: 0, count: kept * kept)
        for v in 0..<kept {
            for u in 0..<kept {
                var sum: Int64 = 0
                for y in 0..<side { sum += rows[y * kept + u] * dctTable[v * side + y] }
                let c = sum >> 14  // a pattern of amplitude A grey levels gives about A·2^13
                coefficients[v * kept + u] = abs(c) < noiseFloor ? 0 : c
            }
        }
        coefficients[0] = 0
        let meanAbs = max(noiseFloor, coefficients.reduce(0) { $0 + abs($1) } / Int64(kept * kept - 1))
        // Scaled so the mean magnitude maps to 0.5 (2,048 in Q12).
        return FeatureSequence(values: coefficients.map {
            FixedMath.clampInt16(FixedMath.roundedDivide($0 << 11, meanAbs))
        })
    }

    /// The image as side×side pixel means in 1/16 grey levels, by exact area averaging (rows,
    /// then columns, one rounding at the end).
    static func resampled(_ image: GreyImage) -> [Int64] {
        let w = image.width, h = image.height, pixels = image.pixels
        var across = [Int64](repeating: 0, count: side * h)
        for y in 0..<h {
            let base = y * w
            let sums = AreaResampler.areaSums(count: w, outCount: side) { Int64(pixels[base + $0]) }
            for x in 0..<side { across[x * h + y] = sums[x] }
        }
        var grid = [Int64](repeating: 0, count: side * side)
        for x in 0..<side {
            let sums = AreaResampler.areaSums(count: h, outCount: side) { across[x * h + $0] }
            for y in 0..<side { grid[y * side + x] = FixedMath.roundedDivide(sums[y] << 4, Int64(w * h)) }
        }
        return grid
    }
}
