import Testing
@testable import FolioStore

@Suite struct ChainStoreSchemaTests {
    @Test func schemaStartsAtVersionOne() {
        #expect(ChainStoreSchema.version == 1)
    }
}
