import FolioCore

/// A fingerprint as four 64-bit words, so a Hamming distance is four XORs and popcounts
/// instead of a 32-step byte loop; the index keeps every code in this form.
struct PackedCode: Equatable, Sendable {
    let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(_ code: Fingerprint) {
        let b = code.bytes
        func word(_ i: Int) -> UInt64 {
            var w: UInt64 = 0
            for j in 0..<8 { w |= UInt64(b[8 * i + j]) << UInt64(8 * j) }
            return w
        }
        w0 = word(0); w1 = word(1); w2 = word(2); w3 = word(3)
    }

    @inline(__always)
    func distance(to o: PackedCode) -> Int { BitCount.of(w0 ^ o.w0, w1 ^ o.w1, w2 ^ o.w2, w3 ^ o.w3) }

    /// Word `index` (0…3): code bits [64·index, 64·index + 64).
    @inline(__always)
    func word(_ index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    /// Chunk `index` of `bits` (16 or 8) bits: code bits [index·bits, (index+1)·bits), the same
    /// value as `ChunkScheme.chunks(of:)[index]`.
    @inline(__always)
    func chunk(_ index: Int, bits: Int) -> UInt32 {
        let perWord = 64 / bits
        return UInt32(truncatingIfNeeded: word(index / perWord) >> UInt64(bits * (index % perWord))) & UInt32((1 << bits) - 1)
    }
}
