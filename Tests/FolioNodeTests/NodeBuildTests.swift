import Testing
@testable import FolioNode
import FolioCore

@Suite struct NodeBuildTests {
    @Test func reportsTheSharedVersion() {
        #expect(NodeBuild.version == FolioVersion.current)
    }
}
