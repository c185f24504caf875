import FolioCrypto
import FolioFingerprint
import Foundation

/// One fingerprinter's scores on an evaluation folder (`folio fingerprint eval`).
public typealias FingerprintEvaluationReport = EvaluationReport

/// Pair counts per Hamming distance (`folio fingerprint eval --histogram`).
public typealias FingerprintDistanceHistogram = DistanceHistogram

/// One fingerprinter's scores on a folder, and for fixed-length codes the distance histogram
/// behind them (`folio fingerprint eval --histogram`).
public struct ScoredFolder: Sendable {
    /// The evaluation's numbers.
    public let report: FingerprintEvaluationReport
    /// Genuine and impostor pairs per Hamming distance; nil for sequence codes (their
    /// distances are bit error rates, not whole bits).
    public let histogram: DistanceHistogram?
    /// Each scored file (`<work>/<name>`) with its code, in the layout's order.
    public let codes: [(path: String, code: [UInt8])]

    /// The codes in the format `--codes` reads: one `<work>/<name> <hex>` line per file.
    public var codesText: String {
        codes.map { "\($0.path) \(HexCoding.encode($0.code))\n" }.joined()
    }
}

/// Scores a folder laid out as `DIR/<work>/original.*` plus `DIR/<work>/<transform>.*`, with
/// Folio's own codes or with codes another fingerprinter wrote for the same files. Both go
/// through `FingerprintEvaluation.evaluate`, so the numbers are comparable.
public enum FingerprintFolderEvaluation {
    /// The folder's files as `<work>/<name>`, hidden entries and top-level files left out.
    public static func files(in directory: String) throws(WalletError) -> [String] {
        let manager = FileManager.default
        guard let works = try? manager.contentsOfDirectory(atPath: directory) else {
            throw .usage("cannot list \(directory). Give a folder laid out as DIR/<work>/original.* plus DIR/<work>/<transform>.*.")
        }
        var paths: [String] = []
        for work in works.sorted() where !work.hasPrefix(".") {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: "\(directory)/\(work)", isDirectory: &isFolder), isFolder.boolValue,
                  let names = try? manager.contentsOfDirectory(atPath: "\(directory)/\(work)") else { continue }
            paths += names.filter { !$0.hasPrefix(".") }.sorted().map { "\(work)/\($0)" }
        }
        return paths
    }

    /// Fingerprints every file with Folio's model (`modelPath`, or the shipped one) and scores
    /// the codes by Hamming distance. `progress` is called once per file as it is done, with
    /// the number done so far and the total, from whichever thread did it.
    public static func folio(directory: String, modelPath: String?,
                             progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws(WalletError) -> ScoredFolder {
        let layout = try layout(of: directory)
        let results = Slots(count: layout.files.count)
        DispatchQueue.concurrentPerform(iterations: layout.files.count) { index in
            let path = "\(directory)/\(layout.files[index].path)"
            let done = results.set(index, Result { () throws(WalletError) in try LocalFingerprint.compute(file: path, modelPath: modelPath) })
            progress?(done, layout.files.count)
        }
        var codes: [[UInt8]] = []
        for result in results.all { codes.append(try result.get().identity.fingerprint.bytes) }
        return try score(layout, codes, .hamming)
    }

    /// Scores the codes in `codesFile` (lines `<work>/<name> <hex>`; `#` comments) for the
    /// folder's files: Hamming distance, or, when `sequences`, the aligned bit error rate of
    /// 32-bit word sequences (Chromaprint). The file must name every file of the folder and
    /// nothing else, so every fingerprinter is scored on the same files.
    public static func reference(directory: String, codesFile: String,
                                 sequences: Bool) throws(WalletError) -> ScoredFolder {
        let layout = try layout(of: directory)
        guard let data = FileManager.default.contents(atPath: codesFile), let text = String(data: data, encoding: .utf8) else {
            throw .usage("cannot read the codes file \(codesFile). Check --codes.")
        }
        var byPath: [String: [UInt8]] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            guard fields.count == 2, let code = HexCoding.decode(String(fields[1])), !code.isEmpty else {
                throw .usage("\(codesFile) line \(number + 1) is not '<work>/<name> <hex code>'.")
            }
            byPath[String(first)] = code
        }
        var codes: [[UInt8]] = []
        for file in layout.files {
            guard let code = byPath.removeValue(forKey: file.path) else {
                throw .usage("\(codesFile) has no code for \(file.path); score the same files with every fingerprinter.")
            }
            codes.append(code)
        }
        if let extra = byPath.keys.sorted().first {
            throw .usage("\(codesFile) has a code for \(extra), which is not in \(directory); score the same files with every fingerprinter.")
        }
        return try score(layout, codes, sequences ? .alignedBitErrorRate : .hamming)
    }

    private static func layout(of directory: String) throws(WalletError) -> EvaluationLayout {
        let paths = try files(in: directory)
        do { return try EvaluationLayout(paths: paths) } catch {
            throw .usage("\(directory): \(error).")
        }
    }

    private static func score(_ layout: EvaluationLayout, _ codes: [[UInt8]],
                              _ distance: CodeDistance) throws(WalletError) -> ScoredFolder {
        let distances: FingerprintEvaluation.PairDistances
        do { distances = try FingerprintEvaluation.pairDistances(layout: layout, codes: codes, distance: distance) } catch {
            throw .usage("cannot score: \(error).")
        }
        var histogram: DistanceHistogram?
        if distance == .hamming, let bits = codes.first.map({ $0.count * 8 }) {
            // Hamming distances of equal-length codes are whole numbers within the code's bits.
            histogram = try? DistanceHistogram(genuine: distances.genuine, impostor: distances.impostor, maximumDistance: bits)
        }
        return ScoredFolder(report: FingerprintEvaluation.evaluate(layout: layout, distances: distances), histogram: histogram,
                            codes: zip(layout.files, codes).map { (path: $0.path, code: $1) })
    }

    /// One result per file, each written once by its own task.
    private final class Slots: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<LocalFingerprint, WalletError>?]
        private var filled = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        /// Stores `result` and returns how many slots are filled now.
        func set(_ index: Int, _ result: Result<LocalFingerprint, WalletError>) -> Int {
            lock.withLock {
                slots[index] = result
                filled += 1
                return filled
            }
        }

        var all: [Result<LocalFingerprint, WalletError>] {
            lock.withLock { slots.map { $0 ?? .failure(.usage("a file was not fingerprinted")) } }
        }
    }
}
