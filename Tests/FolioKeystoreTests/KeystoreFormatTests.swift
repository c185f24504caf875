import Testing
@testable import FolioKeystore

@Suite struct KeystoreFormatTests {
    @Test func writesVersionOne() {
        #expect(KeystoreFormat.currentVersion == 1)
    }
}
