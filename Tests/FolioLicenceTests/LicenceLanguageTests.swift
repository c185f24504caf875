import Testing
@testable import FolioLicence

@Suite struct LicenceLanguageTests {
    @Test func gasScheduleStartsAtVersionOne() {
        #expect(LicenceLanguage.gasScheduleVersion == 1)
    }
}
