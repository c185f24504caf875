/// How two codes of an evaluated fingerprinter are compared; smaller means more alike.
public enum CodeDistance: Sendable, Equatable {
    /// Fixed-length codes (Folio, PDQ, pHash, ISCC): the number of differing bits.
    case hamming
    /// Variable-length sequences of 32-bit words (Chromaprint's raw fingerprint), one word per
    /// time step: the lowest bit error rate over every shift of one sequence against the other
    /// that overlaps at least half of the shorter one. Trims and small timing changes shift the
    /// sequence, which a plain Hamming distance would count as wholly different.
    case alignedBitErrorRate

    /// Checks that `code` can be compared this way; the reason in words if not.
    public func problem(with code: [UInt8], expectedLength: Int) -> String? {
        switch self {
        case .hamming:
            code.count == expectedLength ? nil : "has \(code.count) bytes where the others have \(expectedLength)"
        case .alignedBitErrorRate:
            code.isEmpty || code.count % 4 != 0 ? "is not a whole number of 32-bit words (\(code.count) bytes)" : nil
        }
    }

    /// The distance between two codes already checked with `problem(with:expectedLength:)`.
    public func distance(_ a: [UInt32], _ b: [UInt32]) -> Double {
        switch self {
        case .hamming:
            var bits = 0
            for i in a.indices { bits += (a[i] ^ b[i]).nonzeroBitCount }
            return Double(bits)
        case .alignedBitErrorRate:
            return Self.alignedRate(a, b)
        }
    }

    /// Packs a code into 32-bit words, big-endian, zero-padding a partial last word (only
    /// Hamming codes can have one, and padding adds no differing bits).
    public static func words(_ code: [UInt8]) -> [UInt32] {
        stride(from: 0, to: code.count, by: 4).map { start in
            var word: UInt32 = 0
            for k in 0..<4 { word = word << 8 | UInt32(start + k < code.count ? code[start + k] : 0) }
            return word
        }
    }

    /// Lowest errors / (32 · overlap) over shifts s, comparing a[i] with b[i + s], for every s
    /// whose overlap is at least half the shorter sequence (and at least one word).
    static func alignedRate(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let minimumOverlap = max(1, (min(a.count, b.count) + 1) / 2)
        var best = 1.0
        for shift in (minimumOverlap - a.count)...(b.count - minimumOverlap) {
            let from = max(0, -shift), to = min(a.count, b.count - shift)
            let overlap = to - from
            guard overlap >= minimumOverlap else { continue }
            var errors = 0
            for i in from..<to { errors += (a[i] ^ b[i + shift]).nonzeroBitCount }
            best = min(best, Double(errors) / Double(32 * overlap))
        }
        return best
    }
}
