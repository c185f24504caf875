import FolioAPI
import FolioTestSupport
import Foundation
import Testing

/// Starts and stops a real `foliod`: the lock, the cookie and the graceful stop.
@Suite(.serialized) struct FoliodLifecycleTests {
    @Test func aSecondInstanceOnTheSameDataDirectoryIsRefusedAndSIGTERMStopsTheFirstCleanly() async throws {
        let first = try FoliodProcess()
        defer { first.terminate() }
        #expect(try await first.waitUntilServing(), "foliod did not start: \(first.printed)")
        let cookie = URL(fileURLWithPath: first.dataDirectory).appendingPathComponent(".cookie").path
        #expect(FileManager.default.fileExists(atPath: cookie))
        #expect(FileManager.default.fileExists(atPath: first.dataDirectory + "/foliod.toml"))

        let second = try FoliodProcess(dataDirectory: first.dataDirectory)
        let secondStatus = try await second.waitForExit(timeout: .seconds(60))
        #expect(secondStatus != nil && secondStatus != 0)
        #expect(second.printed.contains("already using the data directory"))

        first.process.terminate()
        let status = try await first.waitForExit(timeout: .seconds(10))
        #expect(status == 0, "foliod output: \(first.printed)")
        #expect(!FileManager.default.fileExists(atPath: cookie))
    }

    /// `terminate()` returns once foliod has exited, and only then removes the data directory,
    /// and only one it chose itself: a directory the caller gave stays.
    @Test func terminateWaitsForTheExitThenRemovesOnlyTheDirectoryItChose() async throws {
        let chosen = try FoliodProcess()
        #expect(try await chosen.waitUntilServing(), "foliod did not start: \(chosen.printed)")
        #expect(FileManager.default.fileExists(atPath: chosen.dataDirectory + "/foliod.toml"))
        chosen.terminate()
        #expect(!chosen.process.isRunning)
        #expect(chosen.process.terminationStatus == 0, "\(chosen.printed)")
        #expect(!FileManager.default.fileExists(atPath: chosen.dataDirectory))

        let home = try TemporaryDirectory(prefix: "folio-given")
        defer { home.remove() }
        let given = try FoliodProcess(dataDirectory: home.url.appendingPathComponent("node").path)
        #expect(try await given.waitUntilServing(), "foliod did not start: \(given.printed)")
        given.terminate()
        #expect(!given.process.isRunning)
        #expect(FileManager.default.fileExists(atPath: given.dataDirectory + "/foliod.toml"))
    }

    @Test func configShowPrintsTheEffectiveValueAndItsSource() throws {
        let result = try ExecutablesTests.run("foliod", ["config", "show", "--datadir", "/tmp/folio-unused", "--rpc-port", "1234"])
        #expect(result.status == 0)
        #expect(result.output.contains("rpc-port = 1234  # flag"))
        #expect(result.output.contains("log-format = \"text\"  # default"))
    }

    @Test func anUnknownSettingNamesTheNearestOne() throws {
        let result = try ExecutablesTests.run("foliod", ["--datadir", "/tmp/folio-unused", "--rpc-prot", "1"])
        #expect(result.status != 0)
        #expect(result.output.contains("did you mean \"--rpc-port\""))
    }
}
