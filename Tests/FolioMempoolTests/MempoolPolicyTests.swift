import Testing
@testable import FolioMempool

@Suite struct MempoolPolicyTests {
    @Test func defaultCapacityIsBounded() {
        #expect(MempoolPolicy.defaultCapacity > 0 && MempoolPolicy.defaultCapacity <= 1_000_000)
    }
}
