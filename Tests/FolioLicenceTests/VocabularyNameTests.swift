import Testing
@testable import FolioLicence

/// Names spelled out by hand must stay the ones licence source uses.
@Suite struct VocabularyNameTests {
    @Test func actionNamesAreTheLanguageSpellings() {
        #expect(LicenceAction.allCases.map(\.name) == [
            "play", "stream", "display", "print", "reproduce", "distribute", "modify", "derive", "synchronize",
            "train_ai", "transfer", "perform",
        ])
        for action in LicenceAction.allCases where action != .trainAI {
            #expect(action.name == "\(action)")
        }
    }
}
