import Testing
@testable import FolioCore

@Suite struct FolioVersionTests {
    @Test func versionIsSemantic() {
        let parts = FolioVersion.current.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }
}
