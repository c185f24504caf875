/// Text → feature sequence: words (letters, digits and combining marks, lowercased, apostrophes
/// dropped, everything else a separator), then overlapping three-word shingles, each hashed
/// with 64-bit FNV-1a and spread into 16 values of 4 bits each.
///
/// Normalisation is "NFC-ish": case, punctuation, spacing and line wrapping vanish and
/// combining marks are dropped, so a decomposed "é" (e + U+0301) reads as "e" while a
/// precomposed "é" stays "é"; full NFC needs tables the standard library does not expose.
enum TextFeatures {
    static let shingleSize = 3

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue
            default:
                break
            }
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if p.isAlphabetic || p.numericType != nil {
                current += p.lowercaseMapping
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Throws when the text holds no words.
    static func extract(_ text: String) throws(InputProblem) -> FeatureSequence {
        let words = words(text)
        guard !words.isEmpty else { throw .unsupported("text with no words to fingerprint") }
        let count = max(1, words.count - shingleSize + 1)
        var values = [Int16](repeating: 0, count: count * FeatureSequence.width)
        for s in 0..<count {
            let shingle = words[s..<min(words.count, s + shingleSize)].joined(separator: " ")
            let hash = fnv1a(shingle)
            for i in 0..<FeatureSequence.width {
                let nibble = Int16((hash >> UInt64(4 * i)) & 0xF)
                values[s * FeatureSequence.width + i] = (2 * nibble - 15) << 8  // (n − 7.5)/8 in Q12
            }
        }
        return FeatureSequence(values: values)
    }
}
