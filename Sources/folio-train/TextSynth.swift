import FolioFingerprint

/// Synthetic writing: sentences of pseudo-words drawn with a Zipf-like bias from a vocabulary
/// generated from syllables (no outside corpus). Transforms: re-wrapping, case, punctuation,
/// word edits (deletions, insertions, substitutions, swaps of neighbours), typos (a letter
/// swapped with the next, dropped or replaced) and trims of the start and end.
struct TextSynth: WorkSynthesiser {
    let vocabulary: [String]
    let medium = Medium.text
    let transforms = ["rewrap", "case", "punctuation", "edits", "typos", "trim"]

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

    func makeWork(_ random: inout SeededRandom) -> [String] { (0..<random.int(60..<320)).map { _ in word(&random) } }

    /// `word` with one letter swapped with the next, dropped, or replaced (words under three
    /// letters are left alone).
    func typo(_ word: String, _ random: inout SeededRandom) -> String {
        var letters = Array(word)
        guard letters.count >= 3 else { return word }
        let i = random.int(0..<letters.count - 1)
        switch random.int(0..<3) {
        case 0: letters.swapAt(i, i + 1)
        case 1: letters.remove(at: i)
        default: letters[i] = Character(Unicode.Scalar(UInt8(97 + random.int(0..<26))))
        }
        return String(letters)
    }

    func original(_ work: [String]) -> DecodedWork { .text(work.joined(separator: " ")) }

    func transformed(_ work: [String], kind: String?, _ random: inout SeededRandom) -> DecodedWork {
        var words = work
        if picks("trim", kind, &random, p: 0.3) {
            let head = random.int(0..<words.count / 8 + 1), tail = random.int(0..<words.count / 8 + 1)
            words = Array(words[head..<words.count - tail])
        }
        if picks("edits", kind, &random) {
            for _ in 0..<max(1, words.count * random.int(1..<13) / 100) {
                let at = random.int(0..<words.count)
                switch random.int(0..<4) {
                case 0: if words.count > 3 { words.remove(at: at) }
                case 1: words.insert(word(&random), at: at)
                case 2: words[at] = word(&random)
                default: if at + 1 < words.count { words.swapAt(at, at + 1) }
                }
            }
        }
        if picks("typos", kind, &random, p: 0.3) {
            let rate = random.uniform(0.01, 0.08)
            words = words.map { random.chance(rate) ? typo($0, &random) : $0 }
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
