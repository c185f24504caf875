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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("testnet-\(name)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try ExecutablesTests.run("folio-testnet", ["run", scenario, "--dir", directory], timeout: .seconds(900))
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("PASSED"), "\(result.output)")
        #expect(!result.output.contains("FAIL "), "\(result.output)")
    }

    @Test func aBrokenScenarioIsRefusedWithItsFault() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.toml")
        try Data("name = \"bad\"\nnodes = 2\nengine = \"poa\"\nduration = 1\n[[check]]\nkind = \"teleport\"\n".utf8).write(to: file)
        let result = try ExecutablesTests.run("folio-testnet", ["run", file.path, "--dir", directory.path + "/run"], timeout: .seconds(900))
        #expect(result.status == 1)
        #expect(result.output.contains("unknown check \"teleport\""), "\(result.output)")
    }
}
