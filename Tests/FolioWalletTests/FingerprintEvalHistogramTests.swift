import FolioTestSupport
import Foundation
import Testing
@testable import FolioWallet

/// `folio fingerprint eval --histogram` on a tiny folder whose 8-bit codes are chosen so every
/// pair distance can be counted by hand.
@Suite("Fingerprint eval histogram")
struct FingerprintEvalHistogramTests {
    /// Works a and b, each with an original and one copy; c with an original only.
    /// Codes: a/original 00000000, a/noise 00000001 (genuine 1); b/original 11110000,
    /// b/noise 11110111 (genuine 3); c/original 11111111.
    /// Impostor pairs (each original against the other works' originals once and their copies):
    /// a–b 4, a–c 8, a–b/noise 7; b–c 4, b–a/noise 5; c–a/noise 7, c–b/noise 1.
    static let codes = """
        # tiny
        a/original.txt 00
        a/noise.txt 01
        b/original.txt f0
        b/noise.txt f7
        c/original.txt ff
        """

    @Test func histogramCountsEveryPairOfTheFolder() throws {
        let folder = try TemporaryDirectory(prefix: "folio-eval-histogram")
        defer { folder.remove() }
        for path in ["a/original.txt", "a/noise.txt", "b/original.txt", "b/noise.txt", "c/original.txt"] {
            let url = folder.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let codesFile = folder.url.appendingPathComponent("codes.txt")
        try Data(Self.codes.utf8).write(to: codesFile)

        let scored = try FingerprintFolderEvaluation.reference(directory: folder.url.path, codesFile: codesFile.path, sequences: false)
        let histogram = try #require(scored.histogram)
        #expect(histogram.maximumDistance == 8)
        #expect(histogram.genuine == [0, 1, 0, 1, 0, 0, 0, 0, 0])
        // Impostors 1, 4, 4, 5, 7, 7, 8.
        #expect(histogram.impostor == [0, 1, 0, 0, 2, 1, 0, 2, 1])
        #expect(scored.report.impostorPairs == 7 && scored.report.genuinePairs == 2)
        // c's original is one bit from b's copy: a gate at 1 bit already catches an impostor.
        #expect(histogram.closestImpostor == 1)
        #expect(histogram.threshold(falsePositivesPerMillion: 100) == 0)
        // 1 of 7 (142,857 per million) fits a budget of 15 %, so t runs up to 3: both genuine pairs.
        #expect(histogram.threshold(falsePositivesPerMillion: 150_000) == 3)
        #expect(histogram.truePositiveRate(atMost: 3) == 1)
        // --write-codes gives back what --codes read, originals first within each work.
        #expect(scored.codesText == "a/original.txt 00\na/noise.txt 01\nb/original.txt f0\nb/noise.txt f7\nc/original.txt ff\n")
    }

    @Test func sequenceCodesHaveNoHistogram() throws {
        let folder = try TemporaryDirectory(prefix: "folio-eval-histogram")
        defer { folder.remove() }
        for path in ["a/original.wav", "a/noise.wav", "b/original.wav"] {
            let url = folder.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        let codesFile = folder.url.appendingPathComponent("codes.txt")
        try Data("a/original.wav 00000000\na/noise.wav 00000001\nb/original.wav ffffffff\n".utf8).write(to: codesFile)
        let scored = try FingerprintFolderEvaluation.reference(directory: folder.url.path, codesFile: codesFile.path, sequences: true)
        #expect(scored.histogram == nil)
        #expect(scored.report.genuinePairs == 1)
    }

    @Test func gateTableNamesEachBudgetsThresholdAndWhatItMatches() throws {
        // Genuine 1, 3; impostors 1, 4, 4, 5, 7, 7, 8 (the folder above).
        let histogram = try FingerprintDistanceHistogram(genuine: [1, 3], impostor: [1, 4, 4, 5, 7, 7, 8], maximumDistance: 8)
        let rows = FingerprintGateThresholds.table(histogram).rows
        // 0.01 %, 0.1 %, 1 % of 7 pairs all allow none: t = 0, matching nothing.
        #expect(rows[0] == ["0.01%", "0", "0 / 7", "0 / 2 (0.0000)"])
        #expect(rows[1][0] == "0.1%" && rows[2][0] == "1%")
        #expect(rows[2][1] == "0")
        #expect(rows[3] == ["closest impostor", "1 bits", "", ""])
    }
}
