import Testing
@testable import FolioChain

@Suite struct ChainRulesTests {
    @Test func blockTransactionCapIsPositive() {
        #expect(ChainRules.maxTransactionsPerBlock > 0)
    }
}
