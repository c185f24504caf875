import FolioAPI
import FolioTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The real `folio` binary against a real `foliod` dev chain: balances, a transfer followed to
/// confirmation, registering a work, the near-duplicate refusal and the status line.
/// Every wait polls with a generous deadline; nothing asserts on wall-clock time.
@Suite("folio against foliod", .serialized)
struct WalletNodeTests {

    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    /// A running dev node and the `folio` options that reach it.
    struct Node {
        let foliod: FoliodProcess
        let home: URL

        var keystore: String { foliod.dataDirectory + "/keystore" }
        var connection: [String] {
            ["--rpc", foliod.endpoint.absoluteString, "--datadir", foliod.dataDirectory, "--keystore", keystore]
        }

        /// Runs `folio arguments` with this node's options and the dev passphrase.
        func folio(_ arguments: [String]) async throws -> Run {
            try await WalletNodeTests.folio(arguments + connection, home: home)
        }

        /// The dev accounts' addresses, in the keystore's file-name order (the default signer first).
        func addresses() async throws -> [String] {
            let run = try await WalletNodeTests.folio(["key", "list", "--json", "--keystore", keystore], home: home)
            #expect(run.status == 0, "key list: \(run.error)")
            let rows = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]] ?? []
            return rows.compactMap { ($0["key"] as? [String: Any])?["address"] as? String }
        }

        /// The balance `folio balance ADDRESS --json` prints, as a number.
        func balance(_ address: String) async throws -> UInt64? {
            let run = try await folio(["balance", address, "--json"])
            #expect(run.status == 0, "balance: \(run.error)")
            let account = try JSONDecoder().decode(AccountSummary.self, from: Data(run.output.utf8))
            #expect(account.address == address)
            return UInt64(account.balance)
        }
    }

    /// Runs the built `folio` off the cooperative pool (it blocks while `tx wait` polls); a run
    /// that outlives five minutes is killed and fails the test with what it printed.
    static func folio(_ arguments: [String], home: URL) async throws -> Run {
        let run = try await ChildProcess.run(
            ExecutablesTests.productsDirectory.appendingPathComponent("folio"), arguments,
            environment: ["HOME": home.path, "PATH": "/usr/bin:/bin", "FOLIO_PASSPHRASE": "dev"])
        #expect(!run.timedOut, "folio \(arguments.prefix(3).joined(separator: " ")) did not exit: \(run.output)\(run.error)")
        return Run(status: run.status, output: run.output, error: run.error)
    }

    /// Starts a dev node, runs `body`, then stops the node and removes its files. The node is
    /// waited for on every path, failures included, because it writes its store as it exits and
    /// would otherwise leave files behind after the directory is removed.
    static func withNode(_ body: (Node) async throws -> Void) async throws {
        let home = try TemporaryDirectory(prefix: "folio-wallet-node")
        defer { home.remove() }
        let foliod = try FoliodProcess(dataDirectory: home.url.appendingPathComponent("node").path)
        do {
            let serving = try await foliod.waitUntilServing(timeout: .seconds(120))
            try #require(serving, "foliod did not start: \(foliod.printed)")
            try await body(Node(foliod: foliod, home: home.url))
        } catch {
            foliod.terminate()
            _ = try? await foliod.waitForExit(timeout: .seconds(30))
            throw error
        }
        foliod.terminate()
        _ = try await foliod.waitForExit(timeout: .seconds(30))
    }

    /// A deterministic text of a few hundred words, long enough to fingerprint.
    static func poem(seed: UInt64) -> String {
        let words = ["river", "stone", "light", "song", "night", "cloud", "paper", "green", "window", "orchard",
                     "silver", "harbour"]
        var state = seed
        var text: [String] = []
        for _ in 0..<400 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.append(words[Int((state >> 33) % UInt64(words.count))])
        }
        return text.joined(separator: " ") + "\n"
    }

    /// The 64-hex-digit id after `marker` in `text`.
    static func id(after marker: String, in text: String) -> String? {
        guard let range = text.range(of: marker) else { return nil }
        let candidate = text[range.upperBound...].drop { $0 == " " }.prefix(64)
        return candidate.count == 64 && candidate.allSatisfy(\.isHexDigit) ? String(candidate) : nil
    }

    @Test func devAccountStartsWithThePrefund() async throws {
        try await Self.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            #expect(try await node.balance(addresses[3]) == 1_000_000_000_000_000)
            // Without an address, the default signer's account is shown.
            let run = try await node.folio(["balance"])
            #expect(run.status == 0)
            #expect(run.output.contains(addresses[0]))
            #expect(run.output.contains("1000000000000000"))
        }
    }

    @Test func sendThenWaitMovesExactlyAmountAndFee() async throws {
        try await Self.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            let sender = addresses[0], recipient = addresses[1]
            let send = try await node.folio(["send", recipient, "2500", "--fee", "7", "--from", sender])
            #expect(send.status == 0, "send: \(send.error)")
            let id = try #require(Self.id(after: "sent transfer", in: send.output), "no id in: \(send.output)")

            let wait = try await node.folio(["tx", "wait", id, "--timeout", "120"])
            #expect(wait.status == 0, "tx wait: \(wait.error)")
            #expect(wait.output.contains("confirmed \(id)"))
            #expect(wait.error.isEmpty, "no spinner without a terminal: \(wait.error)")

            // By hand: the sender pays 2500 and the fee 7; the recipient gets 2500.
            #expect(try await node.balance(sender) == 999_999_999_997_493)
            #expect(try await node.balance(recipient) == 1_000_000_000_002_500)

            let show = try await node.folio(["tx", "show", id, "--json"])
            #expect(show.status == 0)
            let summary = try JSONDecoder().decode(TransactionSummary.self, from: Data(show.output.utf8))
            #expect(summary.kind == "transfer")
            #expect(summary.fee == "7")
            #expect(summary.sender == sender)
            #expect((summary.confirmations ?? 0) >= 1)
        }
    }

    @Test func overspendIsRefusedWithTheNodesReason() async throws {
        try await Self.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            let run = try await node.folio(["send", addresses[1], "2000000000000000", "--from", addresses[0]])
            #expect(run.status == 1)
            #expect(run.error.contains("insufficient-balance"), "\(run.error)")
            #expect(try await node.balance(addresses[0]) == 1_000_000_000_000_000)
        }
    }

    @Test func registerShowAndRefuseTheSameFileFromAnotherAccount() async throws {
        try await Self.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            let file = node.home.appendingPathComponent("poem.txt")
            try Self.poem(seed: 11).write(to: file, atomically: true, encoding: .utf8)

            let register = try await node.folio(["work", "register", file.path, "--title", "River poem", "--meta", "isbn=0-0000",
                                                 "--from", addresses[0]])
            #expect(register.status == 0, "register: \(register.error)")
            let work = try #require(Self.id(after: "work id", in: register.output), "no id in: \(register.output)")
            let wait = try await node.folio(["tx", "wait", work, "--timeout", "120"])
            #expect(wait.status == 0, "tx wait: \(wait.error)")

            let show = try await node.folio(["work", "show", work])
            #expect(show.status == 0, "work show: \(show.error)")
            #expect(show.output.contains("River poem"))
            #expect(show.output.contains(addresses[0]))
            let json = try await node.folio(["work", "show", work, "--json"])
            let summary = try JSONDecoder().decode(WorkSummary.self, from: Data(json.output.utf8))
            #expect(summary.title == "River poem")
            #expect(summary.owners.map(\.address) == [addresses[0]])
            #expect(summary.owners.map(\.share) == [100_000_000])

            let again = try await node.folio(["work", "register", file.path, "--title", "Copy", "--from", addresses[1]])
            #expect(again.status == 1)
            #expect(again.error.contains(work), "refusal should name the earlier work: \(again.error)")
            #expect(again.error.contains(addresses[0]), "refusal should name the owner: \(again.error)")
            #expect(again.output.contains("similar registered works"))
            // Refused locally: nothing was signed, so the account's nonce did not move.
            let account = try await node.folio(["balance", addresses[1], "--json"])
            #expect(try JSONDecoder().decode(AccountSummary.self, from: Data(account.output.utf8)).nonce == 0)

            let similar = try await node.folio(["work", "similar", file.path, "--json"])
            #expect(similar.status == 0)
            let matches = try JSONDecoder().decode([SimilarWork].self, from: Data(similar.output.utf8))
            #expect(matches.first?.id == work)
            #expect(matches.first?.distance == 0)
        }
    }

    /// The shipped per-stream-royalty template, found from this file's place in the repository.
    static var royaltyTemplate: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FolioLicence/Templates/per-stream-royalty.flt")
    }

    /// Sends with `arguments`, returns the id from `--json`, and waits for it to be included.
    static func sendAndWait(_ node: Node, _ arguments: [String]) async throws -> String? {
        let sent = try await node.folio(arguments + ["--json"])
        #expect(sent.status == 0, "\(arguments.prefix(2)): \(sent.error)\(sent.output)")
        guard let object = try? JSONSerialization.jsonObject(with: Data(sent.output.utf8)) as? [String: Any],
              let id = object["id"] as? String else { return nil }
        let wait = try await node.folio(["tx", "wait", id, "--timeout", "120"])
        #expect(wait.status == 0, "tx wait: \(wait.error)")
        return id
    }

    @Test func publishOfferAcceptAndRevokeALicence() async throws {
        try await Self.withNode { node in
            let addresses = try await node.addresses()
            try #require(addresses.count == 10)
            let owner = addresses[0], licensee = addresses[1]
            let file = node.home.appendingPathComponent("song.txt")
            try Self.poem(seed: 23).write(to: file, atomically: true, encoding: .utf8)
            let register = try await node.folio(["work", "register", file.path, "--title", "Song", "--from", owner, "--json"])
            #expect(register.status == 0, "register: \(register.error)")
            let registered = try JSONSerialization.jsonObject(with: Data(register.output.utf8)) as? [String: Any]
            let work = try #require(registered?["id"] as? String)
            _ = try await node.folio(["tx", "wait", work, "--timeout", "120"])

            let publish = try await node.folio(["licence", "publish", Self.royaltyTemplate.path, "--from", owner, "--json"])
            #expect(publish.status == 0, "publish: \(publish.error)")
            let published = try JSONSerialization.jsonObject(with: Data(publish.output.utf8)) as? [String: Any]
            let template = try #require(published?["template"] as? String)
            _ = try await node.folio(["tx", "wait", try #require(published?["id"] as? String), "--timeout", "120"])

            let offer = try #require(try await Self.sendAndWait(node, [
                "licence", "offer", work, "--template", template, "--param", "performer=\(owner)", "--param", "producer=\(owner)",
                "--from", owner]))
            let licence = try #require(try await Self.sendAndWait(node, [
                "licence", "accept", offer, "--use", "action=stream", "--from", licensee]))
            var shown = try JSONDecoder().decode(WorkSummary.self, from: Data(try await node.folio(["work", "show", work, "--json"]).output.utf8))
            #expect(shown.offers?.map(\.id) == [offer])
            #expect(shown.offers?.first?.revoked == false)
            #expect(shown.licences?.map(\.id) == [licence])
            #expect(shown.licences?.first?.licensee == licensee)
            #expect(shown.licences?.first?.state == "active")

            // The explorer's offer and licence pages show them.
            let base = "http://127.0.0.1:\(node.foliod.port)"
            let offerPage = String(decoding: try await URLSession.shared.data(from: try #require(URL(string: "\(base)/offer/\(offer)"))).0, as: UTF8.self)
            #expect(offerPage.contains(work) && offerPage.contains(owner) && offerPage.contains("open"))
            let licencePage = String(decoding: try await URLSession.shared.data(from: try #require(URL(string: "\(base)/licence/\(licence)"))).0, as: UTF8.self)
            #expect(licencePage.contains(licensee) && licencePage.contains("active") && licencePage.contains(offer))

            _ = try #require(try await Self.sendAndWait(node, ["licence", "revoke", offer, "--from", owner]))
            shown = try JSONDecoder().decode(WorkSummary.self, from: Data(try await node.folio(["work", "show", work, "--json"]).output.utf8))
            #expect(shown.offers?.first?.revoked == true)

            // Only the offerer may revoke: the licensee's attempt is refused by the node.
            let stranger = try await node.folio(["licence", "revoke", offer, "--from", licensee])
            #expect(stranger.status == 1, "\(stranger.error)")
            #expect(stranger.error.contains("the node refused the transaction"))
        }
    }

    @Test func statusPrintsTheHeight() async throws {
        try await Self.withNode { node in
            let client = try node.foliod.client()
            let before = try await client.call(ChainInfo.self).height
            let run = try await node.folio(["status"])
            let after = try await client.call(ChainInfo.self).height
            #expect(run.status == 0, "status: \(run.error)")
            let line = run.output.split(separator: "\n").first { $0.hasPrefix("height") }
            let height = try #require(line.flatMap { UInt64($0.split(separator: " ").last ?? "") }, "no height in: \(run.output)")
            #expect(height >= before && height <= after)
            #expect(run.output.contains("standalone"))
        }
    }

    /// A test-network node with no peers cannot know whether its tip is current: `balance`
    /// answers, and notes that on standard error (never in the JSON).
    @Test func aNodeWithoutPeersIsNotedBesideItsAnswer() async throws {
        let home = try TemporaryDirectory(prefix: "folio-wallet-nopeers")
        defer { home.remove() }
        let foliod = try FoliodProcess(dataDirectory: home.url.appendingPathComponent("node").path, arguments: ["--network", "test"])
        defer { foliod.terminate() }
        try #require(try await foliod.waitUntilServing(timeout: .seconds(120)), "foliod did not start: \(foliod.printed)")
        let options = ["--rpc", foliod.endpoint.absoluteString, "--datadir", foliod.dataDirectory]
        let address = String(repeating: "ab", count: 20)
        let text = try await Self.folio(["balance", address] + options, home: home.url)
        #expect(text.status == 0, "balance: \(text.error)")
        #expect(text.error.contains("note: the node has no peers"), "\(text.error)")
        let json = try await Self.folio(["balance", address, "--json"] + options, home: home.url)
        #expect(json.status == 0 && json.error.isEmpty, "\(json.error)")
        foliod.terminate()
        _ = try await foliod.waitForExit(timeout: .seconds(30))
    }

    @Test func noNodeIsExitThreeWithAClearMessage() async throws {
        let home = try TemporaryDirectory(prefix: "folio-wallet-nonode")
        defer { home.remove() }
        // Port 1 on loopback: nothing listens there.
        let text = try await Self.folio(["status", "--rpc", "http://127.0.0.1:1/rpc", "--rpc-token", "t"], home: home.url)
        #expect(text.status == 3)
        #expect(text.error.contains("no node answered at http://127.0.0.1:1/rpc"))
        let json = try await Self.folio(["balance", "--json", "--rpc", "http://127.0.0.1:1", "--rpc-token", "t",
                                         String(repeating: "ab", count: 20)], home: home.url)
        #expect(json.status == 3)
        #expect(json.output.contains("\"code\" : \"node-unreachable\""))
        // No cookie in the default data directory: the node is not running there.
        let cookie = try await Self.folio(["status"], home: home.url)
        #expect(cookie.status == 3)
        #expect(cookie.error.contains(".folio/dev/.cookie"))
    }
}

