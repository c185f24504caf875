import FolioFingerprint

/// Synthetic writing: sentences of pseudo-words drawn with a Zipf-like bias from a vocabulary
/// generated from syllables (no outside corpus). Transforms: re-wrapping, case, punctuation,
/// and word edits (deletions, insertions, substitutions, swaps of neighbours).
struct TextSynth: WorkSynthesiser {
    let vocabulary: [String]
    let medium = Medium.text
    let transforms = ["rewrap", "case", "punctuation", "edits"]

    init(random: inout SeededRandom, size: Int = 4000) {
        let onsets = ["", "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "st", "tr", "ch", "sh"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
        let codas = ["", "", "n", "r", "s", "t", "l", "nd", "st"]
        var words = Set<String>()
        while words.count < size {
            let syllables = random.int(1..<4)
            words.insert((0..<syllables).map { _ in
                onsets[random.int(0..<onsets.count)] + vowels[random.int(0..<vowels.count)] + codas[random.int(0..<codas.count)]
            }.joined())
        }
        vocabulary = words.sorted()
    }

    func word(_ random: inout SeededRandom) -> String {
        let u = random.uniform(0, 1)
        return vocabulary[min(vocabulary.count - 1, Int(u * u * Double(vocabulary.count)))]
    }

    func makeWork(_ random: inout SeededRandom) -> [String] { (0..<random.int(60..<160)).map { _ in word(&random) } }

    func original(_ work: [String]) -> DecodedWork { .text(work.joined(separator: " ")) }

    func transformed(_ work: [String], kind: String?, _ random: inout SeededRandom) -> DecodedWork {
        var words = work
        if picks("edits", kind, &random) {
            for _ in 0..<max(1, words.count * random.int(1..<8) / 100) {
                let at = random.int(0..<words.count)
                switch random.int(0..<4) {
                case 0: if words.count > 3 { words.remove(at: at) }
                case 1: words.insert(word(&random), at: at)
                case 2: words[at] = word(&random)
                default: if at + 1 < words.count { words.swapAt(at, at + 1) }
                }
            }
        }
        let upper = picks("case", kind, &random)
        let punctuate = picks("punctuation", kind, &random)
        let wrap = picks("rewrap", kind, &random) ? random.int(30..<90) : Int.max
        var text = "", line = 0
        for (i, w) in words.enumerated() {
            var token = upper && i % 7 == 0 ? w.uppercased() : w
            if upper && i % 5 == 0 { token = token.prefix(1).uppercased() + token.dropFirst() }
            if punctuate && random.chance(0.12) { token += [",", ".", ";", "!", "?", " —"][random.int(0..<6)] }
            if line + token.count > wrap {
                text += "\n"
                line = 0
            } else if i > 0 {
                text += " "
            }
            text += token
            line += token.count + 1
        }
        return .text(text)
    }
}
