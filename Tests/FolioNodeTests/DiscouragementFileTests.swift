import FolioPeer
import FolioTestSupport
import FolioWire
import Foundation
import Testing
@testable import FolioNode

/// `<datadir>/discouraged.dat` on a real file system: written whole, read back without the
/// entries whose time ran out, and a damaged or oversize file reported and ignored as a whole.
@Suite struct DiscouragementFileTests {
    static let now: Int64 = 1_800_000_000_000

    static func entries() -> [Discouragement] {
        [Discouragement(ip: IPAddress(198, 51, 100, 7), untilUnixMillis: now + 60_000),
         Discouragement(ip: IPAddress(203, 0, 113, 9), untilUnixMillis: now + 86_400_000)]
    }

    static func loaded(_ result: DiscouragementFile.Loaded) -> [Discouragement]? {
        if case let .entries(entries) = result { return entries }
        return nil
    }

    static func unusableReason(_ result: DiscouragementFile.Loaded) -> String? {
        if case let .unusable(why) = result { return why }
        return nil
    }

    static func path(in directory: TemporaryDirectory) -> String {
        directory.url.appendingPathComponent(DiscouragementFile.fileName).path
    }

    @Test func aSavedListLoadsBackAndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory(prefix: "folio-discouraged")
        defer { directory.remove() }
        let path = Self.path(in: directory)
        try DiscouragementFile.save(DiscouragementSnapshot.encode(Self.entries(), nowUnixMillis: Self.now), to: path)
        #expect(Self.loaded(DiscouragementFile.load(path: path, nowUnixMillis: Self.now)).map(Set.init) == Set(Self.entries()))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == [DiscouragementFile.fileName])
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    /// Read two minutes later, the entry that ran for one minute is gone.
    @Test func entriesPastTheirTimeAreDroppedWhenRead() throws {
        let directory = try TemporaryDirectory(prefix: "folio-discouraged")
        defer { directory.remove() }
        let path = Self.path(in: directory)
        try DiscouragementFile.save(DiscouragementSnapshot.encode(Self.entries(), nowUnixMillis: Self.now), to: path)
        let later = Self.loaded(DiscouragementFile.load(path: path, nowUnixMillis: Self.now + 120_000))
        #expect(later == [Discouragement(ip: IPAddress(203, 0, 113, 9), untilUnixMillis: Self.now + 86_400_000)])
    }

    @Test func noFileIsNotAnError() throws {
        let directory = try TemporaryDirectory(prefix: "folio-discouraged")
        defer { directory.remove() }
        guard case .absent = DiscouragementFile.load(path: Self.path(in: directory), nowUnixMillis: Self.now) else {
            Issue.record("a missing file should read as absent")
            return
        }
    }

    @Test func aDamagedFileIsIgnoredWholeWithItsReason() throws {
        let directory = try TemporaryDirectory(prefix: "folio-discouraged")
        defer { directory.remove() }
        let path = Self.path(in: directory)
        var bytes = DiscouragementSnapshot.encode(Self.entries(), nowUnixMillis: Self.now)
        bytes[20] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(Self.unusableReason(DiscouragementFile.load(path: path, nowUnixMillis: Self.now)) == "checksum mismatch (the file is damaged)")

        try Data("203.0.113.9 banned\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.unusableReason(DiscouragementFile.load(path: path, nowUnixMillis: Self.now)) != nil)
    }

    @Test func aFileTooLargeToBeAListIsRefusedWithoutReadingItAll() throws {
        let directory = try TemporaryDirectory(prefix: "folio-discouraged")
        defer { directory.remove() }
        let path = Self.path(in: directory)
        try Data(count: DiscouragementSnapshot.maximumBytes * 4).write(to: URL(fileURLWithPath: path))
        let reason = try #require(Self.unusableReason(DiscouragementFile.load(path: path, nowUnixMillis: Self.now)))
        #expect(reason.contains("more than a discouragement list can hold"))
    }
}
