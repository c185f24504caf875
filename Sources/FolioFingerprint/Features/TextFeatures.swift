/// Text → feature sequence: words (letters, digits and combining marks, lowercased, apostrophes
/// dropped, everything else a separator), then overlapping word shingles, each hashed with 64-bit
/// FNV-1a and spread into 16 values of 4 bits each.
///
/// Normalisation is "NFC-ish": case, punctuation, spacing and line wrapping vanish and combining
/// marks are dropped, so a decomposed "é" (e + U+0301) reads as "e" while a precomposed "é" stays
/// "é"; full NFC needs tables the standard library does not expose.
///
/// Revision 0 (every model up to `82a57f30…90e7`) uses three-word shingles. Revision 1 uses
/// two-word shingles, so a word edit changes two shingles instead of three (10 % word edits left about
/// 73 % of three-word shingles and 81 % of two-word ones; single words were tried and dropped:
/// unrelated texts then share too many common words, and the closest impostor pair fell from 45
/// bits to 13 on the validation set). Revision 1 also joins a word across "." or "," followed by a
/// word character, so "3.1.2", "1,000" and "e.g." keep one word when punctuation is stripped.
/// Revision 2 is revision 1 with the steps in ascending order of their shingle's hash instead of
/// text order: the sequence is then a property of the set of shingles, not of where they stand,
/// so pooling segments become hash ranges (a word edit changes only the segments its shingles
/// fall in, and a moved paragraph changes none but at its joins).
enum TextFeatures {
    /// Words per shingle at `revision`.
    static func shingleSize(revision: UInt8) -> Int { revision == 0 ? 3 : 2 }

    /// The words of `text`; with `joiningInnerStops`, a "." or "," inside a word (a word
    /// character before and after it) is dropped instead of ending the word.
    static func words(_ text: String, joiningInnerStops: Bool = false) -> [String] {
        var words: [String] = []
        var current = ""
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if joiningInnerStops, scalar == "." || scalar == ",", !current.isEmpty, let after = next, isWordCharacter(after) {
                continue
            }
            let p = scalar.properties
            switch p.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format:
                continue
            default:
                break
            }
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if isWordCharacter(scalar) {
                current += p.lowercaseMapping
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// Letters and digits make words; everything else but marks, format characters and
    /// apostrophes separates them.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The features of `text` at feature `revision` (0, 1 or 2; see the type's notes). Throws when
    /// the text holds no words.
    static func extract(_ text: String, revision: UInt8) throws(InputProblem) -> FeatureSequence {
        let words = words(text, joiningInnerStops: revision >= 1)
        guard !words.isEmpty else { throw .unsupported("text with no words to fingerprint") }
        let shingleSize = shingleSize(revision: revision)
        let count = max(1, words.count - shingleSize + 1)
        var hashes = (0..<count).map { s in fnv1a(words[s..<min(words.count, s + shingleSize)].joined(separator: " ")) }
        if revision >= 2 { hashes.sort() }
        var values = [Int16](repeating: 0, count: count * FeatureSequence.width)
        for (s, hash) in hashes.enumerated() {
            for i in 0..<FeatureSequence.width {
                let nibble = Int16((hash >> UInt64(4 * i)) & 0xF)
                values[s * FeatureSequence.width + i] = (2 * nibble - 15) << 8  // (n − 7.5)/8 in Q12
            }
        }
        return FeatureSequence(values: values)
    }
}
