import Testing
@testable import FolioWallet
import FolioCore

@Suite struct WalletBuildTests {
    @Test func reportsTheSharedVersion() {
        #expect(WalletBuild.version == FolioVersion.current)
    }
}
