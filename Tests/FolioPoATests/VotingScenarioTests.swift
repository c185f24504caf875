import FolioConsensus
import FolioCore
import Testing
@testable import FolioPoA

/// Clique-style voting tables. Each block lists the votes it carries as (voter, candidate,
/// add?); a candidate changes status when more than half the current authorities agree.
@Suite struct VotingScenarioTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        let name: String
        let genesis: [Key]
        let blocks: [[(Key, Key, Bool)]]
        let expected: [Key]
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "a lone authority adds B by itself", genesis: [.A], blocks: [[(.A, .B, true)]], expected: [.A, .B]),
        Scenario(name: "two of four is a tie and adds nobody", genesis: [.A, .B, .C, .D],
                 blocks: [[(.A, .E, true)], [(.B, .E, true)]], expected: [.A, .B, .C, .D]),
        Scenario(name: "three of four add E", genesis: [.A, .B, .C, .D],
                 blocks: [[(.A, .E, true)], [(.B, .E, true)], [(.C, .E, true)]], expected: [.A, .B, .C, .D, .E]),
        Scenario(name: "three of four remove D", genesis: [.A, .B, .C, .D],
                 blocks: [[(.A, .D, false), (.B, .D, false)], [(.C, .D, false)]], expected: [.A, .B, .C]),
        Scenario(name: "two of four is a tie and removes nobody", genesis: [.A, .B, .C, .D],
                 blocks: [[(.A, .D, false), (.B, .D, false)]], expected: [.A, .B, .C, .D]),
        Scenario(name: "votes from non-authorities are ignored", genesis: [.A, .B, .C],
                 blocks: [[(.E, .E, true), (.F, .E, true)], [(.A, .E, true)]], expected: [.A, .B, .C]),
        Scenario(name: "a repeated vote counts once", genesis: [.A, .B, .C],
                 blocks: [[(.A, .D, true)], [(.A, .D, true)]], expected: [.A, .B, .C]),
        Scenario(name: "a second authority completes the majority", genesis: [.A, .B, .C],
                 blocks: [[(.A, .D, true)], [(.B, .D, true)]], expected: [.A, .B, .C, .D]),
        Scenario(name: "a changed vote replaces the earlier one", genesis: [.A, .B, .C],
                 blocks: [[(.A, .D, true)], [(.A, .D, false)], [(.B, .D, true)]], expected: [.A, .B, .C]),
        Scenario(name: "voting to add an authority changes nothing", genesis: [.A, .B],
                 blocks: [[(.A, .B, true)], [(.B, .B, true)]], expected: [.A, .B]),
        Scenario(name: "a removed authority's open votes are dropped", genesis: [.A, .B, .C, .D],
                 blocks: [[(.D, .E, true)], [(.A, .D, false), (.B, .D, false), (.C, .D, false)], [(.A, .E, true)]],
                 expected: [.A, .B, .C]),
        Scenario(name: "after a removal a smaller majority suffices", genesis: [.A, .B, .C, .D],
                 blocks: [[(.A, .D, false), (.B, .D, false), (.C, .D, false)], [(.A, .E, true)], [(.B, .E, true)]],
                 expected: [.A, .B, .C, .E]),
        Scenario(name: "an authority can be voted out by itself and the other", genesis: [.A, .B],
                 blocks: [[(.A, .B, false)], [(.B, .B, false)]], expected: [.A]),
    ]

    @Test(arguments: scenarios)
    func authoritySetFollowsMajorityVotes(scenario: Scenario) throws {
        var chain = try PoATestChain(scenario.genesis)
        for votes in scenario.blocks {
            // Who seals does not matter to the tally; the snapshot is replayed, not verified.
            try chain.add(sealer: scenario.genesis[0], votes: votes)
        }
        let snapshot = try chain.engine.snapshot(at: chain.tip, chain: chain.builder.view)
        #expect(snapshot.authorities == scenario.expected.map(\.publicKey))
    }

    @Test func removedAuthoritysBlockIsRejectedAfterTheRemoval() throws {
        var chain = try PoATestChain([.A, .B, .C, .D])
        // Height 1 is B's turn; it carries the three votes that remove D.
        try chain.add(sealer: .B, votes: [(.A, .D, false), (.B, .D, false), (.C, .D, false)])
        let fromD = try chain.child(sealer: .D, delay: 6)
        #expect(throws: ValidationError(reason: "not-authority", owner: .peer)) { try chain.verify(fromD) }
    }

    @Test func removedAuthoritysBlockIsAcceptedBeforeTheRemoval() throws {
        var chain = try PoATestChain([.A, .B, .C, .D])
        try chain.add(sealer: .B, votes: [(.A, .D, false), (.B, .D, false)])
        // Height 2 of four authorities is C's turn, so D is out of turn and waits the grace second.
        try chain.verify(try chain.child(sealer: .D, delay: 6))
    }
}
