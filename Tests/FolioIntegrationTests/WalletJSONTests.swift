import FolioAPI
import Foundation
import Testing

/// `--json` output of the commands the other suites read only as text (or not at all), each
/// decoded into the shape a script would use, against a real `foliod` dev chain.
@Suite("folio --json against foliod", .serialized)
struct WalletJSONTests {
    typealias Node = WalletNodeTests.Node

    static func object(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]) ?? [:]
    }

    /// Sends `arguments --json`, waits with `tx wait --json`, and returns the confirmed summary.
    static func sendAndWait(_ node: Node, _ arguments: [String]) async throws -> TransactionSummary {
        let sent = try await node.folio(arguments + ["--json"])
        #expect(sent.status == 0, "\(arguments.prefix(2)): \(sent.error)\(sent.output)")
        let id = try #require(object(sent.output)["id"] as? String, "no id in: \(sent.output)")
        let wait = try await node.folio(["tx", "wait", id, "--timeout", "120", "--json"])
        #expect(wait.status == 0, "tx wait: \(wait.error)")
        let summary = try JSONDecoder().decode(TransactionSummary.self, from: Data(wait.output.utf8))
        #expect(summary.id == id)
        #expect((summary.confirmations ?? 0) >= 1)
        #expect(summary.block != nil && summary.height != nil)
        return summary
    }

    @Test func statusWaitExplainTransferExportAndKeyExportPrintJSON() async throws {
        try await WalletNodeTests.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            let (owner, other) = (addresses[0], addresses[1])

            let status = try await node.folio(["status", "--json"])
            #expect(status.status == 0, "status: \(status.error)")
            let info = try JSONDecoder().decode(ChainInfoResult.self, from: Data(status.output.utf8))
            #expect(info.chainId == 1337)
            #expect(info.engine == "poa")
            #expect(info.sync.state == .standalone)

            let transfer = try await Self.sendAndWait(node, ["send", other, "5", "--from", owner])
            #expect(transfer.kind == "transfer" && transfer.sender == owner && transfer.fee == "1")
            let explained = try await node.folio(["explain", transfer.id, "--json"])
            #expect(explained.status == 0, "explain: \(explained.error)")
            #expect(try JSONDecoder().decode(TransactionSummary.self, from: Data(explained.output.utf8)).id == transfer.id)

            // A work, a quarter of it moved to another account: the shares add up exactly.
            let file = node.home.appendingPathComponent("verse.txt")
            try WalletNodeTests.poem(seed: 57).write(to: file, atomically: true, encoding: .utf8)
            let work = try await Self.sendAndWait(node, ["work", "register", file.path, "--title", "Verse", "--from", owner]).id
            let moved = try await Self.sendAndWait(node, ["work", "transfer", work, other, "25000000", "--from", owner])
            #expect(moved.kind == "transferWorkShare")
            let shown = try JSONDecoder().decode(WorkSummary.self, from: Data(try await node.folio(["work", "show", work, "--json"]).output.utf8))
            #expect(Dictionary(uniqueKeysWithValues: shown.owners.map { ($0.address, $0.share) }) == [owner: 75_000_000, other: 25_000_000])
            let listed = try await node.folio(["work", "list", "--owner", other, "--json"])
            #expect(listed.status == 0, "work list: \(listed.error)")
            #expect(listed.output.contains(work))

            // ODRL export: the policy is JSON-LD with or without --json.
            let terms = try #require(Self.object(try await node.folio([
                "licence", "publish", WalletStoryTests.template("cc-by-4.0"), "--from", owner, "--json"]).output)["template"] as? String)
            let offer = try await Self.sendAndWait(node, ["licence", "offer", work, "--template", terms, "--from", owner]).id
            let policy = try await node.folio(["licence", "export-odrl", offer, "--json"])
            #expect(policy.status == 0, "export-odrl: \(policy.error)")
            #expect(Self.object(policy.output)["@context"] != nil, "\(policy.output)")
            let revoked = try await Self.sendAndWait(node, ["licence", "revoke", offer, "--from", owner])
            #expect(revoked.sender == owner)

            // Key export --json is the key file itself, which names the key's address in hex.
            let exported = try await WalletNodeTests.folio(["key", "export", owner, "--json", "--keystore", node.keystore], home: node.home)
            #expect(exported.status == 0, "key export: \(exported.error)")
            let hex = try #require(Self.object(exported.output)["address"] as? String)
            let listedKeys = try await WalletNodeTests.folio(["key", "list", "--json", "--keystore", node.keystore], home: node.home)
            #expect(listedKeys.output.contains("\"addressHex\" : \"\(hex)\""))
        }
    }
}
