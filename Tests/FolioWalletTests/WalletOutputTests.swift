import Testing
@testable import FolioWallet

@Suite("Wallet output")
struct WalletOutputTests {
    @Test func tableColumnsAlignToTheWidestCell() {
        let table = TextTable(header: ["A", "LONG HEADER"], rows: [["wide cell", "x"], ["b", "y"]])
        #expect(table.render(style: OutputStyle(colour: false, json: false)) == """
            A          LONG HEADER
            wide cell  x
            b          y
            """)
    }

    @Test func colourIsOffWhenNoColorIsSet() {
        #expect(OutputStyle.detect(json: false, environment: ["NO_COLOR": "1"]).colour == false)
    }

    @Test func colourIsOffForJSON() {
        #expect(OutputStyle(colour: true, json: true).colour == false)
    }

    @Test func colourWrapsTextInANSICodes() {
        #expect(OutputStyle(colour: true, json: false).bad("x") == "\u{1B}[31mx\u{1B}[0m")
        #expect(OutputStyle(colour: false, json: false).bad("x") == "x")
    }

    @Test func errorJSONCarriesCodeExitAndMessage() {
        let text = JSONOutput.render(WalletError.usage("bad"))
        #expect(text == """
            {
              "error" : {
                "code" : "usage",
                "exit" : 2,
                "message" : "bad"
              }
            }
            """)
    }

    @Test func exitStatusesAreTheDocumentedNumbers() {
        #expect([WalletExit.success, .refused, .usage, .nodeUnreachable].map(\.rawValue) == [0, 1, 2, 3])
    }

    @Test func everyCatalogueCodeIsExplainedOnce() {
        let codes = ErrorCatalogue.entries.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(ErrorCatalogue.entry(for: "WRONG-PASSPHRASE")?.exit == 1)
    }
}
