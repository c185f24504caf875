import FolioTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import FolioFingerprint

/// `MappedFile` and the in-place `identify` it feeds: the same bytes as reading the file, and
/// the same identity as the array path for every medium.
@Suite struct MappedFileTests {
    @Test func aMappedFileHoldsTheFilesBytes() throws {
        let directory = try TemporaryDirectory(prefix: "mapped-file")
        defer { directory.remove() }
        do {
            let path = directory.url.appendingPathComponent("a.bin").path
            let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let mapped = try MappedFile(path: path)
            #expect(Array(mapped.bytes) == bytes)
        }
    }

    @Test func anEmptyFileMapsToNoBytes() throws {
        let directory = try TemporaryDirectory(prefix: "mapped-file")
        defer { directory.remove() }
        do {
            let path = directory.url.appendingPathComponent("empty").path
            try Data().write(to: URL(fileURLWithPath: path))
            #expect(try MappedFile(path: path).bytes.isEmpty)
        }
    }

    @Test func aMissingFileOrADirectoryIsAnErrorNamingThePath() throws {
        let directory = try TemporaryDirectory(prefix: "mapped-file")
        defer { directory.remove() }
        do {
            let missing = directory.url.appendingPathComponent("nothing-here").path
            #expect(throws: MappedFile.OpenError(path: missing, reason: "No such file or directory")) { try MappedFile(path: missing) }
            #expect(throws: MappedFile.OpenError(path: directory.url.path, reason: "not a regular file")) {
                try MappedFile(path: directory.url.path)
            }
        }
    }

    @Test func everyMediumGivesTheSameIdentityInPlaceAsFromAnArray() throws {
        let fingerprinter = Fingerprinter(model: try GoldenVectorTests.model())
        for name in ["tones.wav", "pattern.pgm", "gradient.png", "flat-colour.jpg", "paragraph.txt"] {
            let bytes = try GoldenVectorTests.input(name)
            let fromArray = try fingerprinter.identify(bytes, file: name)
            #expect(try identifyInPlace(fingerprinter, bytes, file: name).get() == fromArray, "\(name)")
        }
        // An empty buffer is the empty-file error, as from an empty array.
        #expect(throws: FingerprintError.input(FingerprintInputError(file: "e", problem: .empty))) {
            try fingerprinter.identify(UnsafeRawBufferPointer(start: nil, count: 0), file: "e")
        }
    }

    @Test func aHugeFileThatIsNotAWAVIsRefusedBeforeItIsCopied() throws {
        // 3 GiB of address space that costs nothing until touched; only its first bytes are read.
        let size = 3 << 30
        let base = try #require(mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0))
        try #require(base != MAP_FAILED)
        defer { munmap(base, size) }
        let fingerprinter = Fingerprinter(model: try GoldenVectorTests.model())
        let problem = InputProblem.tooLarge("\(size) bytes (cap \(InputLimits.maxCopiedFileBytes) for any file but a WAV)")
        #expect(throws: FingerprintError.input(FingerprintInputError(file: "huge.bin", problem: problem))) {
            try fingerprinter.identify(UnsafeRawBufferPointer(start: base, count: size), file: "huge.bin")
        }
    }

    @Test func aMappedWAVGivesTheSameIdentityAsItsBytes() throws {
        let directory = try TemporaryDirectory(prefix: "mapped-file")
        defer { directory.remove() }
        do {
            let path = directory.url.appendingPathComponent("tones.wav").path
            let bytes = GoldenVectorTests.goldenWAV()
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let fingerprinter = Fingerprinter(model: try GoldenVectorTests.model())
            let mapped = try MappedFile(path: path)
            let identity = try withExtendedLifetime(mapped) { try fingerprinter.identify(mapped.bytes, file: path) }
            #expect(identity == (try fingerprinter.identify(bytes, file: path)))
        }
    }
}
