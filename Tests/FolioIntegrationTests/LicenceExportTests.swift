import FolioAPI
import FolioCore
import FolioWallet
import Foundation
import Testing
@testable import FolioNode

/// `licence_template`, `folio licence export-odrl` and `folio licence check` on a real
/// `foliod` with the real `folio`: the shipped CC BY 4.0 template is published, a work is
/// registered and offered under it; the node returns the template's source and the offer's
/// template id, the wallet prints the offer as ODRL JSON-LD, and a dry run of an attributed
/// stream is permitted at no cost while an unattributed one is refused by the attribution duty.
@Suite(.serialized) struct LicenceExportTests {
    static var ccBy: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FolioLicence/Templates/cc-by-4.0.flt")
    }

    @Test func templateExportAndDryRunOfAnOffer() async throws {
        try await WalletNodeTests.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            let owner = addresses[0], licensee = addresses[1]
            let file = node.home.appendingPathComponent("essay.txt")
            try WalletNodeTests.poem(seed: 41).write(to: file, atomically: true, encoding: .utf8)
            let work = try #require(try await WalletNodeTests.sendAndWait(node, [
                "work", "register", file.path, "--title", "Essay", "--from", owner]))

            let publish = try await node.folio(["licence", "publish", Self.ccBy.path, "--from", owner, "--json"])
            #expect(publish.status == 0, "publish: \(publish.error)")
            let published = try JSONSerialization.jsonObject(with: Data(publish.output.utf8)) as? [String: Any]
            let template = try #require(published?["template"] as? String)
            _ = try await node.folio(["tx", "wait", try #require(published?["id"] as? String), "--timeout", "120"])
            let offer = try #require(try await WalletNodeTests.sendAndWait(node, [
                "licence", "offer", work, "--template", template, "--from", owner]))

            // The node: the template as published (source text, no bytecode), and the offer's template.
            let client = try node.foliod.client()
            let source = try String(contentsOf: Self.ccBy, encoding: .utf8)
            let shown = try await client.call(LicenceTemplateGet.self, IdQuery(id: template))
            #expect(shown.id == template)
            #expect(shown.publisher == owner)
            #expect(shown.languageVersion == 1)
            #expect(shown.source == source)
            #expect(shown.bytecode == nil)
            let offered = try await client.call(LicenceOfferGet.self, IdQuery(id: offer))
            #expect(offered.templateId == template)
            #expect(offered.parameters == [])
            do {
                let answer = try await client.call(LicenceTemplateGet.self, IdQuery(id: String(repeating: "0", count: 64)))
                Issue.record("an unknown template answered \(answer)")
            } catch {
                guard case let .server(object)? = error as? RPCClientError else { throw error }
                #expect(object.code == .notFound, "\(object)")
            }

            // The wallet's ODRL export: JSON-LD with the ODRL context and the cc-by permission.
            let odrl = try await node.folio(["licence", "export-odrl", offer])
            #expect(odrl.status == 0, "export-odrl: \(odrl.error)")
            let policy = try #require(try JSONSerialization.jsonObject(with: Data(odrl.output.utf8)) as? [String: Any], "\(odrl.output)")
            #expect("\(policy["@context"] ?? "")".contains("http://www.w3.org/ns/odrl.jsonld"), "\(odrl.output)")
            let permissions = policy["permission"] as? [[String: Any]] ?? []
            #expect(!permissions.isEmpty, "\(odrl.output)")

            // The dry run: attributed, permitted by 'cc-by' at no cost; unattributed, refused (exit 1).
            let permitted = try await node.folio(["licence", "check", offer, "--use", "action=stream", "--use", "attributed=true",
                                                  "--from", licensee, "--json"])
            #expect(permitted.status == 0, "check: \(permitted.error)\(permitted.output)")
            let report = try JSONDecoder().decode(LicenceDryRun.Report.self, from: Data(permitted.output.utf8))
            #expect(report.permitted)
            #expect(report.rule == "cc-by")
            #expect(report.amountDue == 0)
            let text = try await node.folio(["licence", "check", offer, "--use", "action=stream", "--use", "attributed=true"])
            #expect(text.status == 0 && text.output.contains("PERMITTED") && text.output.contains("cc-by"), "\(text.output)")
            let refused = try await node.folio(["licence", "check", offer, "--use", "action=stream", "--use", "attributed=false",
                                                "--from", licensee])
            #expect(refused.status == 1, "\(refused.output)\(refused.error)")
            #expect(refused.output.contains("REFUSED") && refused.output.contains("attribution"), "\(refused.output)")
            let noAction = try await node.folio(["licence", "check", offer, "--use", "attributed=true"])
            #expect(noAction.status == 2, "\(noAction.error)")
        }
    }
}
