import FolioCore
import FolioTestSupport
import Testing
@testable import FolioConsensus

@Suite struct HeaderLinkRuleTests {
    private func setup() throws -> (HeaderChainBuilder, BlockHeader) {
        let params = try HeaderChainBuilder.params(
            consensus: .proofOfWork(ProofOfWorkParams(targetSpacingSeconds: 10, halfLifeSeconds: 3600, initialBits: 0x207f_ffff)))
        let builder = HeaderChainBuilder(params: params)
        return (builder, builder.draft(after: builder.view.tip))
    }

    private func expectReason(_ reason: String, _ change: (inout BlockHeader) -> Void) throws {
        let (builder, draft) = try setup()
        var header = draft
        change(&header)
        #expect(throws: ValidationError(reason: reason, owner: .peer)) {
            try HeaderLinkRule.check(header, parent: builder.view.tip, params: builder.view.params)
        }
    }

    @Test func wellLinkedChildPasses() throws {
        let (builder, header) = try setup()
        try HeaderLinkRule.check(header, parent: builder.view.tip, params: builder.view.params)
    }

    @Test func heightNotParentPlusOneIsBadHeight() throws { try expectReason("bad-height") { $0.height = 2 } }
    @Test func otherChainIdIsWrongChain() throws { try expectReason("wrong-chain") { $0.chainId = 78 } }
    @Test func unknownVersionIsBadVersion() throws { try expectReason("bad-version") { $0.version = 2 } }
    @Test func parentIdMismatchIsBadParent() throws { try expectReason("bad-parent") { $0.parent = .zero } }
}
