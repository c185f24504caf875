import FolioAPI
import FolioTestSupport
import Foundation
import Testing

/// The whole story of the wallet issue, through the real `folio` against a real `foliod` dev
/// chain: three fresh keys funded from a dev account; a co-owned WAV, a PNG and a text
/// registered; a louder, noisier copy of the WAV refused as a near-duplicate naming the
/// original; a derivative licence published, offered, checked and accepted with its fee; the
/// copy then registered as a declared derivative; a royalty licence offered, accepted and a
/// month of streams reported and paid. Every balance is checked to the base unit against
/// figures worked out by hand below.
@Suite("folio wallet story against foliod", .serialized)
struct WalletStoryTests {
    /// The fresh keys, in their own keystore beside the node's dev keys.
    struct People {
        let keystore: String
        let alice: String, bob: String, carol: String
    }

    /// Runs `folio` with the node's connection and `keystore` in place of the dev keystore.
    static func folio(_ node: WalletNodeTests.Node, keystore: String, _ arguments: [String]) async throws -> WalletNodeTests.Run {
        try await WalletNodeTests.folio(
            arguments + ["--rpc", node.foliod.endpoint.absoluteString, "--datadir", node.foliod.dataDirectory, "--keystore", keystore],
            home: node.home)
    }

    /// The JSON object `run` printed.
    static func object(_ run: WalletNodeTests.Run) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]) ?? [:]
    }

    /// Sends with `arguments --json` from the people's keystore, waits for inclusion and
    /// returns the JSON it printed (with the transaction id under "id").
    static func send(_ node: WalletNodeTests.Node, _ people: People, _ arguments: [String]) async throws -> [String: Any] {
        let sent = try await folio(node, keystore: people.keystore, arguments + ["--json"])
        #expect(sent.status == 0, "\(arguments.prefix(2).joined(separator: " ")): \(sent.error)\(sent.output)")
        let printed = object(sent)
        let id = try #require(printed["id"] as? String, "no id in: \(sent.output)")
        let wait = try await folio(node, keystore: people.keystore, ["tx", "wait", id, "--timeout", "120", "--json"])
        #expect(wait.status == 0, "tx wait \(id): \(wait.error)")
        return printed
    }

    /// Creates three light-cost keys and funds each with 1,000,000 base units from the first
    /// dev account.
    static func people(_ node: WalletNodeTests.Node) async throws -> People {
        let keystore = node.home.appendingPathComponent("people").path
        var addresses: [String] = []
        for _ in 0..<3 {
            let made = try await WalletNodeTests.folio(["key", "new", "--scrypt", "light", "--keystore", keystore, "--json"], home: node.home)
            #expect(made.status == 0, "key new: \(made.error)")
            addresses.append(try #require(object(made)["address"] as? String))
        }
        let dev = try await node.addresses()
        for address in addresses {
            let funded = try await node.folio(["send", address, "1000000", "--from", dev[0], "--json"])
            #expect(funded.status == 0, "send: \(funded.error)")
            let id = try #require(object(funded)["id"] as? String)
            #expect(try await node.folio(["tx", "wait", id, "--timeout", "120"]).status == 0)
        }
        return People(keystore: keystore, alice: addresses[0], bob: addresses[1], carol: addresses[2])
    }

    /// The month before the current one, as `YYYY-MM` (UTC): ended, and not yet late.
    static var lastMonth: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let date = calendar.date(byAdding: .month, value: -1, to: Date()) ?? Date()
        let parts = calendar.dateComponents([.year, .month], from: date)
        return String(format: "%04d-%02d", parts.year ?? 0, parts.month ?? 0)
    }

    static func template(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FolioLicence/Templates/\(name).flt").path
    }

    func balance(_ node: WalletNodeTests.Node, _ address: String) async throws -> UInt64? {
        try await node.balance(address)
    }

    @Test func registerLicenseDeriveReportAndSettleToTheBaseUnit() async throws {
        try await WalletNodeTests.withNode { node in
            let people = try await Self.people(node)
            let (alice, bob, carol) = (people.alice, people.bob, people.carol)
            for address in [alice, bob, carol] { #expect(try await balance(node, address) == 1_000_000) }

            // Three works. The WAV is co-owned two thirds / one third, in parts per 100,000,000.
            let files = node.home
            let wav = files.appendingPathComponent("melody.wav"), copy = files.appendingPathComponent("melody-louder.wav")
            let png = files.appendingPathComponent("discs.png"), text = files.appendingPathComponent("poem.txt")
            try SyntheticMedia.wav(seed: 7).write(to: wav)
            // The copy: 30% quieter with hiss added; the fingerprint must still see the melody,
            // within the dev chain's duplicate distance of 12 bits (hiss of peak 300 gave 20).
            try SyntheticMedia.wav(seed: 7, gain: 0.7, noise: 150).write(to: copy)
            try SyntheticMedia.png(seed: 7).write(to: png)
            try WalletNodeTests.poem(seed: 41).write(to: text, atomically: true, encoding: .utf8)

            let melody = try #require(try await Self.send(node, people, [
                "work", "register", wav.path, "--title", "Melody", "--owner", "\(alice):66666667", "--owner", "\(bob):33333333",
                "--from", alice])["id"] as? String)
            let picture = try #require(try await Self.send(node, people, ["work", "register", png.path, "--title", "Discs", "--from", alice])["id"] as? String)
            let poem = try #require(try await Self.send(node, people, ["work", "register", text.path, "--title", "Poem", "--from", alice])["id"] as? String)
            for (work, medium) in [(melody, "audio"), (picture, "image"), (poem, "text")] {
                let shown = try await Self.folio(node, keystore: people.keystore, ["work", "show", work, "--json"])
                let summary = try JSONDecoder().decode(WorkSummary.self, from: Data(shown.output.utf8))
                #expect(summary.mediaType?.hasPrefix(medium) == true, "\(medium): \(summary.mediaType ?? "none")")
            }

            // Carol's altered copy is refused before signing, naming the original and its owner.
            let refused = try await Self.folio(node, keystore: people.keystore, ["work", "register", copy.path, "--title", "Mine", "--from", carol])
            #expect(refused.status == 1, "\(refused.output)\(refused.error)")
            #expect(refused.error.contains(melody), "should name the original: \(refused.error)")
            #expect(refused.error.contains(alice), "should name its owner: \(refused.error)")
            // Declaring it as a derivative without a licence is refused by the node's dry run.
            let unlicensed = try await Self.folio(node, keystore: people.keystore, [
                "work", "register", copy.path, "--title", "Mine", "--parent", melody, "--from", carol])
            #expect(unlicensed.status == 1, "\(unlicensed.output)\(unlicensed.error)")
            #expect(unlicensed.error.contains("near-duplicate"), "\(unlicensed.error)")

            // Alice publishes the derivative terms and offers them on the melody.
            let derivativeTerms = try #require(try await Self.send(node, people, [
                "licence", "publish", Self.template("derivative-upstream-share"), "--from", alice])["template"] as? String)
            let derivativeOffer = try #require(try await Self.send(node, people, [
                "licence", "offer", melody, "--template", derivativeTerms, "--from", alice])["id"] as? String)
            let use = ["--use", "action=derive", "--use", "attributed=true", "--use", "derivative_template=\(derivativeTerms)"]

            // The dry run: permitted at a cost of 50; without credit, refused by the duty.
            let check = try await Self.folio(node, keystore: people.keystore, ["licence", "check", derivativeOffer] + use + [
                "--payment", "50", "--from", carol, "--json"])
            #expect(check.status == 0, "check: \(check.error)\(check.output)")
            let report = try JSONDecoder().decode(LicenceCheckOutput.self, from: Data(check.output.utf8))
            #expect(report.permitted && report.amountDue == 50)
            let uncredited = try await Self.folio(node, keystore: people.keystore, [
                "licence", "check", derivativeOffer, "--use", "action=derive", "--use", "derivative_template=\(derivativeTerms)",
                "--payment", "50", "--from", carol, "--json"])
            #expect(uncredited.status == 1)
            #expect(try JSONDecoder().decode(LicenceCheckOutput.self, from: Data(uncredited.output.utf8)).rule == "credit-the-original")

            let derivativeLicence = try #require(try await Self.send(node, people, ["licence", "accept", derivativeOffer] + use + [
                "--payment", "50", "--from", carol])["id"] as? String)

            // Now the copy registers as a declared derivative, linked to the original.
            let derivative = try #require(try await Self.send(node, people, [
                "work", "register", copy.path, "--title", "Melody (remix)", "--parent", melody, "--from", carol])["id"] as? String)
            let shown = try JSONDecoder().decode(WorkSummary.self, from: Data(
                try await Self.folio(node, keystore: people.keystore, ["work", "show", derivative, "--json"]).output.utf8))
            #expect(shown.parents == [melody])
            #expect(shown.owners.map(\.address) == [carol])
            let distance = try #require(shown.similar?.first { $0.id == melody }?.distance, "not linked: \(String(describing: shown.similar))")
            #expect(distance <= 12)

            // A per-stream royalty on the poem: performer Alice, producer Bob.
            let royaltyTerms = try #require(try await Self.send(node, people, [
                "licence", "publish", Self.template("per-stream-royalty"), "--from", alice])["template"] as? String)
            let royaltyOffer = try #require(try await Self.send(node, people, [
                "licence", "offer", poem, "--template", royaltyTerms, "--param", "performer=\(alice)", "--param", "producer=\(bob)",
                "--from", alice])["id"] as? String)
            let royaltyLicence = try #require(try await Self.send(node, people, [
                "licence", "accept", royaltyOffer, "--use", "action=stream", "--from", carol])["id"] as? String)
            // 1,234,567 streams: 4 per 1,000 for the first million (4,000) and 3 per 1,000 for
            // the other 234,567 (703.701, floored to 703): 4,703 due, reported on time.
            let short = try await Self.folio(node, keystore: people.keystore, [
                "licence", "report", royaltyLicence, "--count", "1234567", "--period", Self.lastMonth, "--payment", "4702", "--from", carol])
            #expect(short.status == 1, "an underpayment must be refused: \(short.output)")
            #expect(short.error.contains("payment-below-due"), "\(short.error)")
            _ = try await Self.send(node, people, [
                "licence", "report", royaltyLicence, "--count", "1234567", "--period", Self.lastMonth, "--payment", "4703", "--from", carol])

            let licences = try JSONDecoder().decode(WorkSummary.self, from: Data(
                try await Self.folio(node, keystore: people.keystore, ["work", "show", melody, "--json"]).output.utf8)).licences
            #expect(licences?.map(\.id) == [derivativeLicence])

            // By hand. The fee of 50 splits 66,666,667 : 33,333,333 by largest remainder:
            // 33.33… and 16.66… floor to 33 and 16; the spare unit goes to the larger remainder,
            // Bob's (0.67 against 0.33): Alice 33, Bob 17. The royalty of 4,703 splits 70 : 30:
            // 3,292.1 and 1,410.9 floor to 3,292 and 1,410; the spare unit goes to Bob: 1,411.
            // Fees of 1 each go to the block producer: Alice sent 7 transactions (3
            // registrations, 2 publishes, 2 offers), Bob none, Carol 4 (2 acceptances, 1
            // registration, 1 report); the refused attempts sent nothing that was admitted.
            #expect(try await balance(node, alice) == 1_000_000 - 7 + 33 + 3_292)
            #expect(try await balance(node, bob) == 1_000_000 + 17 + 1_411)
            #expect(try await balance(node, carol) == 1_000_000 - 4 - 50 - 4_703)
        }
    }
}

/// The part of `folio licence check --json` this test reads.
struct LicenceCheckOutput: Decodable {
    let permitted: Bool
    let rule: String?
    let amountDue: UInt64?
}
