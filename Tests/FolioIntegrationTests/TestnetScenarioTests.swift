import FolioTestSupport
import Foundation
import Testing

/// Runs the shipped scenarios with the real `folio-testnet` and `foliod` processes: the happy
/// path and kill/restart on four nodes, for each engine, and the licensing story on PoA.
@Suite(.serialized) struct TestnetScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["happy-path-poa", "kill-restart-poa", "happy-path-pow", "kill-restart-pow", "licensing-poa"])
    func theScenarioPasses(name: String) throws {
        let scenario = Self.repository.appendingPathComponent("testnet/scenarios/\(name).toml").path
        let scratch = try TemporaryDirectory(prefix: "testnet-\(name)")
        defer { scratch.remove() }
        let directory = scratch.path + "/net"
        let result = try ExecutablesTests.run("folio-testnet", ["run", scenario, "--dir", directory], timeout: .seconds(900))
        // A run killed at its deadline (or crashed) leaves its nodes, each its own process group,
        // running: they go before the directory. `down` waits for them; after a run that took
        // its testnet down it finds nothing running, and with no state written it just fails.
        if result.status != 0 { _ = try? ExecutablesTests.run("folio-testnet", ["down", "--dir", directory]) }
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("PASSED"), "\(result.output)")
        #expect(!result.output.contains("FAIL "), "\(result.output)")
    }

    @Test func aBrokenScenarioIsRefusedWithItsFault() throws {
        let directory = try TemporaryDirectory(prefix: "scenario")
        defer { directory.remove() }
        let file = directory.url.appendingPathComponent("bad.toml")
        try Data("name = \"bad\"\nnodes = 2\nengine = \"poa\"\nduration = 1\n[[check]]\nkind = \"teleport\"\n".utf8).write(to: file)
        let result = try ExecutablesTests.run("folio-testnet", ["run", file.path, "--dir", directory.path + "/run"], timeout: .seconds(900))
        #expect(result.status == 1)
        #expect(result.output.contains("unknown check \"teleport\""), "\(result.output)")
    }
}
