import FolioAPI
import FolioCore
import FolioTestSupport
import Foundation
import Testing
@testable import FolioWallet

/// The node-facing pieces of FolioWallet that need no node: where the node is, which
/// credentials are sent, how node errors become exit statuses, the local duplicate gate, the
/// wait loop and the payload builders.
@Suite struct WalletNodeSupportTests {
    static func settings(rpc: String? = nil, token: String? = nil, cookie: String? = nil, datadir: String? = nil,
                         environment: [String: String] = ["HOME": "/home/ada"]) -> NodeSettings {
        NodeSettings(rpc: rpc, token: token, cookieFile: cookie, dataDirectory: datadir, environment: environment)
    }

    @Test func endpointDefaultsAndBaseURLsGetTheRPCPath() throws {
        #expect(try Self.settings().endpoint().absoluteString == "http://127.0.0.1:9332/rpc")
        #expect(try Self.settings(rpc: "http://127.0.0.1:8645").endpoint().absoluteString == "http://127.0.0.1:8645/rpc")
        #expect(try Self.settings(rpc: "http://node:1/").endpoint().absoluteString == "http://node:1/rpc")
        #expect(try Self.settings(rpc: "http://node:1/custom").endpoint().absoluteString == "http://node:1/custom")
        let fromEnvironment = Self.settings(environment: ["FOLIO_RPC": "http://10.0.0.2:9000/rpc"])
        #expect(try fromEnvironment.endpoint().absoluteString == "http://10.0.0.2:9000/rpc")
        #expect(throws: WalletError.self) { try Self.settings(rpc: "ftp://x").endpoint() }
        #expect(throws: WalletError.self) { try Self.settings(rpc: "not a url").endpoint() }
    }

    @Test func credentialsPreferFlagsThenEnvironmentThenTheDevCookie() throws {
        let directory = try TemporaryDirectory(prefix: "wallet-cookie")
        defer { directory.remove() }
        try "__cookie__:abc123\n".write(to: directory.url.appendingPathComponent(".cookie"), atomically: true, encoding: .utf8)
        let path = directory.url.path

        #expect(try Self.settings(token: "t1", datadir: path).credentials() == .token("t1"))
        #expect(try Self.settings(datadir: path).credentials() == .basic(user: "__cookie__", password: "abc123"))
        #expect(try Self.settings(cookie: path + "/.cookie").credentials() == .basic(user: "__cookie__", password: "abc123"))
        #expect(try Self.settings(environment: ["FOLIO_RPC_TOKEN": "t2"]).credentials() == .token("t2"))
        // An explicit --datadir beats a token left in the environment.
        #expect(try Self.settings(datadir: path, environment: ["FOLIO_RPC_TOKEN": "t2"]).credentials()
            == .basic(user: "__cookie__", password: "abc123"))
        #expect(try Self.settings(environment: ["FOLIO_DATADIR": path]).credentials() == .basic(user: "__cookie__", password: "abc123"))
        #expect(Self.settings().effectiveDataDirectory == "/home/ada/.folio/dev")
    }

    @Test func missingOrMalformedCookieIsExitThreeNamingTheFile() throws {
        let directory = try TemporaryDirectory(prefix: "wallet-cookie")
        defer { directory.remove() }
        let error = #expect(throws: WalletError.self) { try Self.settings(datadir: directory.url.path).credentials() }
        #expect(error?.exit == .nodeUnreachable)
        #expect(error?.message.contains(directory.url.path + "/.cookie") == true)
        try "no colon here".write(to: directory.url.appendingPathComponent(".cookie"), atomically: true, encoding: .utf8)
        #expect(throws: WalletError.self) { try Self.settings(datadir: directory.url.path).credentials() }
    }

    @Test func nodeErrorsMapToTheDocumentedExitStatuses() {
        let endpoint = "http://127.0.0.1:9332/rpc"
        #expect(WalletError.node(.transport(detail: "refused"), endpoint: endpoint).exit == .nodeUnreachable)
        #expect(WalletError.node(.http(status: 401, body: ""), endpoint: endpoint).code == "node-credentials")
        let refused = WalletError.node(.server(RPCErrorObject(
            code: .rejected, message: "transaction refused: insufficient-balance: cannot pay")), endpoint: endpoint)
        #expect(refused.exit == .refused)
        #expect(refused.code == "tx-refused")
        #expect(refused.message.hasPrefix("the node refused the transaction: insufficient-balance: cannot pay"))
        #expect(WalletError.node(.server(.notFound("work 00")), endpoint: endpoint).exit == .refused)
        #expect(WalletError.node(.server(RPCErrorObject(code: .invalidParams, message: "id")), endpoint: endpoint).exit == .usage)
        #expect(WalletError.node(.server(RPCErrorObject(code: .unavailable, message: "x")), endpoint: endpoint).exit == .nodeUnreachable)
        #expect(WalletError.node(.server(RPCErrorObject(code: .internalError, message: "x")), endpoint: endpoint).exit == .nodeUnreachable)
    }

    @Test func everyNodeCodeIsExplained() {
        for code in ["tx-refused", "not-found", "node-credentials", "node-unavailable", "near-duplicate", "tx-dropped",
                     "wait-timeout", "template-invalid", "fingerprint-failed"] {
            #expect(ErrorCatalogue.entry(for: code) != nil, "\(code)")
        }
        let codes = ErrorCatalogue.entries.map(\.code)
        #expect(codes == codes.sorted())
    }

    static func work(_ id: String, owners: [String]) -> WorkSummary {
        WorkSummary(id: id, registrant: owners[0], owners: owners.map { OwnerShare(address: $0, share: 100_000_000 / UInt64(owners.count)) },
                    fingerprint: String(repeating: "0", count: 64), height: 3, title: "Song")
    }

    @Test func duplicateGateMirrorsTheChainRule() {
        let near = (match: SimilarWork(id: "aa", distance: 24), work: Self.work("aa", owners: ["alice"]))
        let far = (match: SimilarWork(id: "bb", distance: 25), work: Self.work("bb", owners: ["carol"]))
        // Within 24 bits of someone else's work: refused, naming it.
        #expect(DuplicateGate.blockingMatch([near, far], sender: "bob", parents: [], duplicateDistance: 24)?.match.id == "aa")
        // 25 bits is outside the duplicate range.
        #expect(DuplicateGate.blockingMatch([far], sender: "bob", parents: [], duplicateDistance: 24) == nil)
        // The sender's own work, or a declared parent, is left to the chain.
        #expect(DuplicateGate.blockingMatch([near], sender: "alice", parents: [], duplicateDistance: 24) == nil)
        #expect(DuplicateGate.blockingMatch([near], sender: "bob", parents: ["aa"], duplicateDistance: 24) == nil)
        let refusal = DuplicateGate.refusal(near.match, work: near.work, duplicateDistance: 24)
        #expect(refusal.exit == .refused)
        #expect(refusal.message.contains("aa") && refusal.message.contains("alice"))
    }

    @Test func theFallbackDuplicateDistanceIsTheDevGenesisFiles() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("testnet/genesis-dev.json").path
        #expect(DuplicateGate.fallbackDuplicateDistance == (try ChainParams.load(genesisFileAt: file)).fingerprint.duplicateDistance)
    }

    static func summary(height: UInt64?, confirmations: UInt64) -> TransactionSummary {
        TransactionSummary(id: "t", sender: "s", nonce: 0, fee: "1", kind: "transfer", block: height.map { _ in "b" },
                           height: height, confirmations: confirmations)
    }

    @Test func waitPollsUntilEnoughConfirmations() async throws {
        let answers = TxAnswers([Self.summary(height: nil, confirmations: 0), Self.summary(height: 5, confirmations: 1),
                               Self.summary(height: 5, confirmations: 2)])
        var seen: [UInt64] = []
        let wait = TransactionWait(confirmations: 2, timeoutSeconds: 600, interval: .milliseconds(1))
        let result = try await wait.run(id: "t", fetch: { () async throws(WalletError) in answers.next() },
                                        progress: { seen.append($0.confirmations ?? 0) })
        #expect(result.confirmations == 2)
        #expect(seen == [0, 1, 2])
    }

    @Test func aDroppedTransactionEndsTheWaitWithTheReason() async {
        let answers = TxAnswers([Self.summary(height: nil, confirmations: 0)])
        let wait = TransactionWait(confirmations: 1, timeoutSeconds: 600, interval: .milliseconds(1))
        let error = await #expect(throws: WalletError.self) {
            try await wait.run(id: "t", fetch: { () async throws(WalletError) in
                guard let next = answers.nextIfAny() else {
                    throw WalletError(code: "not-found", exit: .refused, message: "dropped it (nonce-used)")
                }
                return next
            })
        }
        #expect(error?.code == "tx-dropped")
        #expect(error?.message.contains("nonce-used") == true)
    }

    @Test func waitGivesUpAtTheDeadline() async {
        let wait = TransactionWait(confirmations: 1, timeoutSeconds: 0, interval: .milliseconds(1))
        let error = await #expect(throws: WalletError.self) {
            try await wait.run(id: "t", fetch: { () async throws(WalletError) in Self.summary(height: nil, confirmations: 0) })
        }
        #expect(error?.code == "wait-timeout")
    }

    @Test func monthPeriodsInUTC() throws {
        // 2025-03-01 is 20148 days after 1970-01-01 (55 years, 14 leap days, then 31 + 28).
        #expect(try LicencePayloads.month("2025-03") == UsagePeriod(start: 1_740_787_200, end: 1_743_465_600))
        // December rolls into the next year: 2024-12-01 is day 20058, 2025-01-01 day 20089.
        #expect(try LicencePayloads.month("2024-12") == UsagePeriod(start: 1_733_011_200, end: 1_735_689_600))
        for bad in ["2025-13", "2025-3", "25-03", "2025/03", "", "2025-00"] {
            #expect(throws: WalletError.self) { try LicencePayloads.month(bad) }
        }
    }

    @Test func ownerListsMustSplitTheWholeWork() throws {
        let a = try #require(Address(bytes: [UInt8](repeating: 1, count: 20)))
        let b = try #require(Address(bytes: [UInt8](repeating: 2, count: 20)))
        #expect(try WorkPayloads.owners([], sender: a, network: .test) == [Ownership(owner: a, share: 100_000_000)])
        let split = try WorkPayloads.owners(["\(a.bech32m(on: .test)):60000000", "\(b.bech32m(on: .test)):40000000"],
                                            sender: a, network: .test)
        #expect(split == [Ownership(owner: a, share: 60_000_000), Ownership(owner: b, share: 40_000_000)])
        #expect(throws: WalletError.self) {
            try WorkPayloads.owners(["\(a.bech32m(on: .test)):60000000"], sender: a, network: .test)
        }
        #expect(throws: WalletError.self) { try WorkPayloads.owners(["nonsense"], sender: a, network: .test) }
    }

    @Test func metadataDocumentIsStable() throws {
        #expect(try WorkPayloads.metadataDocument(["b=2", "a=x/y"]) == #"{"a":"x/y","b":"2"}"#)
        #expect(try WorkPayloads.metadataDocument([]) == "{}")
        #expect(throws: WalletError.self) { try WorkPayloads.metadataDocument(["a=1", "a=2"]) }
        #expect(throws: WalletError.self) { try WorkPayloads.metadataDocument(["=1"]) }
    }

    @Test func useFactsAreTypedOrRefused() throws {
        #expect(try UseFacts.value(name: "action", text: "stream") == .int(1))
        #expect(try UseFacts.value(name: "count", text: "1000") == .int(1000))
        #expect(try UseFacts.value(name: "attributed", text: "true") == .bool(true))
        #expect(throws: WalletError.self) { try UseFacts.value(name: "action", text: "juggle") }
        #expect(throws: WalletError.self) { try UseFacts.value(name: "colour", text: "red") }
        #expect(throws: WalletError.self) { try UseFacts.value(name: "count", text: "-1") }
        #expect(throws: WalletError.self) { try UseFacts.value(name: "territory", text: "DE,xx") }
    }
}

/// TxAnswers handed out in order to a fake `tx_get`.
private final class TxAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: [TransactionSummary]

    init(_ answers: [TransactionSummary]) { remaining = answers }

    /// The next answer; the last one repeats.
    func next() -> TransactionSummary {
        lock.withLock { remaining.count > 1 ? remaining.removeFirst() : remaining[0] }
    }

    /// The next answer, or nil once all were given.
    func nextIfAny() -> TransactionSummary? {
        lock.withLock { remaining.isEmpty ? nil : remaining.removeFirst() }
    }
}
