/// Why an evaluation folder or a list of codes cannot be scored.
public enum EvaluationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A path is not `<work>/<name>.<ext>`.
    case badPath(String)
    /// A work folder has no `original.*`.
    case noOriginal(work: String)
    /// A work folder has two files with the same name before the extension.
    case duplicate(work: String, name: String)
    /// Fewer than two works: there would be no impostor pairs.
    case tooFewWorks(Int)
    /// No work has a transformed copy: there would be no genuine pairs.
    case noCopies
    /// A codes file names no code for this file of the folder.
    case missingCode(String)
    /// A code that the chosen distance cannot compare (wrong length, not whole 32-bit words).
    case badCode(path: String, reason: String)

    public var description: String {
        switch self {
        case let .badPath(path): "\(path) is not <work>/<name>.<ext>; put each work's files in a folder of their own"
        case let .noOriginal(work): "work \(work) has no original.* file"
        case let .duplicate(work, name): "work \(work) has two files named \(name).*"
        case let .tooFewWorks(count): "\(count) work(s) found; at least 2 are needed for impostor pairs"
        case .noCopies: "no work has a transformed copy (<work>/<transform>.*), so there are no genuine pairs"
        case let .missingCode(path): "no code for \(path)"
        case let .badCode(path, reason): "the code for \(path) \(reason)"
        }
    }
}

/// An evaluation folder's files grouped by work: `<work>/original.*` and `<work>/<transform>.*`.
///
/// Genuine pairs are a work's original against each of its transformed copies. Impostor pairs
/// are an original against every file (original or copy) of every other work, the comparison
/// a registry makes when someone offers a copy of a different work; two originals are one pair,
/// not two.
public struct EvaluationLayout: Equatable, Sendable {
    /// One file: its path relative to the folder, its work, and its transform (nil: the original).
    public struct File: Equatable, Sendable {
        /// `<work>/<name>.<ext>`.
        public let path: String
        /// The folder name.
        public let work: String
        /// The file name before its last dot, or nil for `original`.
        public let transform: String?
    }

    /// A genuine pair: the original and a copy of the same work, as indices into `files`.
    public struct GenuinePair: Equatable, Sendable {
        /// Index of the original.
        public let original: Int
        /// Index of the copy.
        public let copy: Int
    }

    /// Every file, sorted by path.
    public let files: [File]
    /// For each work (sorted), the index of its original in `files`.
    public let originals: [Int]
    /// For each work (same order), the indices of its copies.
    public let copies: [[Int]]

    /// Groups `paths` (each `<work>/<name>.<ext>`, relative to the folder) into works.
    public init(paths: [String]) throws(EvaluationError) {
        var byWork: [String: [File]] = [:]
        for path in paths.sorted() {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .badPath(path) }
            let name = parts[1]
            let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? String(name)
            guard !stem.isEmpty else { throw .badPath(path) }
            let work = String(parts[0])
            if byWork[work, default: []].contains(where: { ($0.transform ?? "original") == stem }) {
                throw .duplicate(work: work, name: stem)
            }
            byWork[work, default: []].append(File(path: path, work: work, transform: stem == "original" ? nil : stem))
        }
        guard byWork.count >= 2 else { throw .tooFewWorks(byWork.count) }
        var files: [File] = [], originals: [Int] = [], copies: [[Int]] = []
        for work in byWork.keys.sorted() {
            let group = byWork[work] ?? []
            guard let original = group.first(where: { $0.transform == nil }) else { throw .noOriginal(work: work) }
            originals.append(files.count)
            files.append(original)
            var mine: [Int] = []
            for file in group where file.transform != nil {
                mine.append(files.count)
                files.append(file)
            }
            copies.append(mine)
        }
        guard files.count > originals.count else { throw .noCopies }
        self.files = files
        self.originals = originals
        self.copies = copies
    }

    /// Each work's original against each of its copies.
    public var genuinePairs: [GenuinePair] {
        zip(originals, copies).flatMap { original, mine in mine.map { GenuinePair(original: original, copy: $0) } }
    }

    /// How many impostor pairs `forEachImpostorPair` visits: n(n−1)/2 original pairs plus each
    /// original against the copies of the n − 1 other works.
    public var impostorPairCount: Int {
        let n = originals.count
        let allCopies = copies.reduce(0) { $0 + $1.count }
        return n * (n - 1) / 2 + copies.reduce(0) { $0 + allCopies - $1.count }
    }

    /// The impostor pairs against the original of work `w`: the originals of later works (so
    /// each pair of originals comes once) and the copies of every other work.
    public func impostors(ofWork w: Int) -> [Int] {
        var out: [Int] = originals[(w + 1)...].map { $0 }
        for other in copies.indices where other != w { out += copies[other] }
        return out
    }
}
