import FolioTestSupport
import Foundation
import Testing
@testable import FolioNode

@Suite struct TestnetPartitionPlanTests {
    @Test func groupsParseWithListsAndRanges() throws {
        let partition = try TestnetPartition(parsing: "3,0-1/ 2 ,4", nodeCount: 5)
        #expect(partition.groups == [[0, 1, 3], [2, 4]])
        #expect(partition.description == "0,1,3 / 2,4")
        #expect(partition.group(of: 4) == 1)
        #expect(partition.blocked(by: 0) == [2, 4])
        #expect(partition.blocked(by: 2) == [0, 1, 3])
    }

    @Test(arguments: ["0,1/2", "0,1/1,2,3", "0-3", "0,1/2,9", "0,1//2,3", "a/b", "0,1/2-", ""])
    func aPartitionThatIsNotOneGroupPerNodeIsRefused(text: String) {
        #expect(throws: TestnetError.self) { try TestnetPartition(parsing: text, nodeCount: 4) }
    }

    @Test func thePartitionIsKeptInTheStateAndDownClearsIt() async throws {
        let scratch = try TemporaryDirectory(prefix: "partition-state")
        defer { scratch.remove() }
        let directory = scratch.path
        let nodes = (0..<4).map {
            TestnetState.Node(index: $0, role: "authority", rpcPort: 19_000 + 2 * $0, p2pPort: 19_001 + 2 * $0,
                              dataDirectory: directory + "/node-\($0)", pid: nil, arguments: [])
        }
        var state = TestnetState(engine: "poa", rpcToken: "t", nodes: nodes)
        state.partition = try TestnetPartition(parsing: "0,1/2,3", nodeCount: 4)
        try state.save(directory: directory)
        #expect(try TestnetState.load(directory: directory) == state)

        let controller = TestnetController(directory: directory, foliod: "/nonexistent") { _ in }
        try await controller.down()
        #expect(try TestnetState.load(directory: directory).partition == nil)
    }

    @Test func aStateFileFromBeforePartitionsStillLoads() throws {
        let scratch = try TemporaryDirectory(prefix: "partition-old")
        defer { scratch.remove() }
        let directory = scratch.path
        try Data(#"{"engine":"poa","rpcToken":"t","nodes":[]}"#.utf8).write(to: URL(fileURLWithPath: directory + "/testnet.json"))
        #expect(try TestnetState.load(directory: directory).partition == nil)
    }

    @Test func scenarioPartitionStepsAreChecked() throws {
        let scratch = try TemporaryDirectory(prefix: "partition-scenario")
        defer { scratch.remove() }
        let directory = scratch.path
        let head = "name = \"p\"\nnodes = 4\nengine = \"pow\"\nminers = [0, 2]\nduration = 10\n"
        let good = head + "[[perturb]]\nat = 1\naction = \"partition\"\ngroups = [[0, 1], [2, 3]]\n"
            + "[[perturb]]\nat = 5\naction = \"heal\"\n[[check]]\nkind = \"agree-after-heal\"\nwithin = 10\n"
            + "[[check]]\nkind = \"reorg-depth\"\nmax = 40\n"
        try good.write(toFile: directory + "/good.toml", atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(path: directory + "/good.toml")
        #expect(scenario.perturb?.first?.groups == [[0, 1], [2, 3]])
        #expect(scenario.perturb?.last?.node == nil)
        #expect(scenario.miners == [0, 2])
        #expect(scenario.check.last?.max == 40)

        let bad = head + "[[perturb]]\nat = 1\naction = \"partition\"\ngroups = [[0, 1], [2]]\n[[check]]\nkind = \"agree\"\n"
        try bad.write(toFile: directory + "/bad.toml", atomically: true, encoding: .utf8)
        #expect(throws: TestnetError.self) { try Scenario.load(path: directory + "/bad.toml") }
        let noNode = head + "[[perturb]]\nat = 1\naction = \"kill\"\n[[check]]\nkind = \"agree\"\n"
        try noNode.write(toFile: directory + "/nonode.toml", atomically: true, encoding: .utf8)
        #expect(throws: TestnetError.self) { try Scenario.load(path: directory + "/nonode.toml") }
    }

    @Test func powMinersFollowThePlan() throws {
        var plan = try TestnetPlan(nodeCount: 10, engine: .pow)
        #expect(plan.producers() == [0, 1])
        plan.miners = [0, 5, 42]
        #expect(plan.producers() == [0, 5])
        let poa = try TestnetPlan(nodeCount: 3, engine: .poa)
        #expect(poa.producers() == [0, 1, 2])
    }

    @Test func twoDivergingMajoritySealedBranchesAreFound() {
        let a = TestnetForkSurvey.Branch(nodes: [0, 1], height: 9, length: 3, signers: ["a", "b", "c"])
        let b = TestnetForkSurvey.Branch(nodes: [2, 3], height: 8, length: 2, signers: ["d", "e"])
        let c = TestnetForkSurvey.Branch(nodes: [4], height: 9, length: 3, signers: ["d", "e", "f"])
        #expect(TestnetForkSurvey(sharedHeight: 6, branches: [a, b]).majorityBranches(authorities: 5).isEmpty)
        #expect(TestnetForkSurvey(sharedHeight: 6, branches: [a, c]).majorityBranches(authorities: 5).count == 2)
        // One chain (nothing diverges) never counts, however many sealed it.
        let one = TestnetForkSurvey.Branch(nodes: [0, 1, 2], height: 9, length: 0, signers: [])
        #expect(TestnetForkSurvey(sharedHeight: 9, branches: [one]).majorityBranches(authorities: 3).isEmpty)
    }

    @Test func reorgDepthIsReadFromTheMetricsPage() {
        let page = "# HELP folio_reorg_depth_blocks Deepest chain reorganisation since start.\n"
            + "# TYPE folio_reorg_depth_blocks gauge\nfolio_reorg_depth_blocks 7.0\nfolio_chain_height 40.0\n"
        #expect(TestnetReorgDepth.parse(page) == 7)
        #expect(TestnetReorgDepth.parse("folio_chain_height 3\n") == 0)
        #expect(TestnetReorgDepth.parse("folio_reorg_depth_blocks NaN\n") == 0)
    }
}
