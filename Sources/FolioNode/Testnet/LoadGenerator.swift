import FolioAPI
import FolioCore
import FolioCrypto
import FolioFingerprint
import Foundation

/// Sends signed transfers and work registrations from the dev accounts to random running
/// nodes at the scenario's rates, tracking nonces, and remembers what it sent; with
/// `licences-per-second`, also the licensing story (`LoadGenerator+Licensing.swift`).
actor LoadGenerator {
    let state: TestnetState
    let chainId: UInt32
    /// The fee every load transaction pays, in base units.
    static let fee: UInt64 = 10
    private var nonces: [Int: UInt64] = [:]
    var registrations: [String] = []
    private(set) var sent = 0
    private(set) var refused = 0
    var random = SplitMix(seed: 42)
    /// The licensing story, when the load asks for licences.
    var story: LicensingStory?
    private let model: FingerprintModel?
    /// Set by `stop()`; `run` returns at its next turn.
    private var stopping = false

    init(state: TestnetState, chainId: UInt32) {
        self.state = state
        self.chainId = chainId
        model = Hash256(hex: FingerprintModel.shippedIDHex).flatMap { try? FingerprintModel.shipped(expectedID: $0) }
    }

    /// Asks `run` to return after the request in flight, if any, is answered.
    ///
    /// Cancelling the task instead races swift-corelibs-foundation: a `URLSession` request
    /// cancelled just as it completes deadlocks (the cancel waits on the session's queue while
    /// that queue waits on the task's status lock), and a scenario hung that way in CI.
    func stop() { stopping = true }

    /// Runs until `stop()` (or cancelled): transfers from accounts 0–4, registrations from 5–9, and the
    /// licensing story (accounts 5–7) starting a licence every 1/`licencesPerSecond` s.
    func run(load: Scenario.Load) async {
        let transferGap = load.transfersPerSecond.flatMap { $0 > 0 ? 1 / $0 : nil }
        let registrationGap = load.registrationsPerSecond.flatMap { $0 > 0 ? 1 / $0 : nil }
        let licenceGap = load.licencesPerSecond.flatMap { $0 > 0 ? 1 / $0 : nil }
        var nextTransfer = transferGap.map { Date().addingTimeInterval($0) }
        var nextRegistration = registrationGap.map { Date().addingTimeInterval($0) }
        var nextLicence = licenceGap.map { _ in Date() }
        if licenceGap != nil { story = Self.licensingStory() }
        var turn = 0
        while !stopping, !Task.isCancelled {
            let now = Date()
            if let due = nextTransfer, now >= due, let gap = transferGap {
                let from = turn % 5
                if let recipient = try? DevChain.account((from + 1) % 5) {
                    let amount = Amount(baseUnits: 1 + random.next() % 1000)
                    await send(from: from, .transfer(Transfer(to: Address(publicKey: recipient.publicKey), amount: amount)))
                }
                nextTransfer = due.addingTimeInterval(gap)
                turn += 1
            }
            if let due = nextRegistration, now >= due, let gap = registrationGap {
                if let registration = makeRegistration(owner: 5 + turn % 5) {
                    if let id = await send(from: 5 + turn % 5, .registerWork(registration)) { registrations.append(id) }
                }
                nextRegistration = due.addingTimeInterval(gap)
                turn += 1
            }
            if let due = nextLicence, now >= due, let gap = licenceGap {
                beginLicence()
                nextLicence = due.addingTimeInterval(gap)
            }
            await advanceLicensing()
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Signs and sends one transaction; returns its id if a node admitted it.
    @discardableResult
    func send(from account: Int, _ payload: TransactionPayload) async -> String? {
        guard let key = try? DevChain.account(account), let blank = try? Signature(bytes: [UInt8](repeating: 0, count: 64)),
              let client = randomClient() else {
            return nil
        }
        if nonces[account] == nil {
            let address = Address(publicKey: key.publicKey).bech32m(on: .test)
            guard let record = try? await client.call(AccountGet.self, AccountQuery(address: address)) else { return nil }
            // Counting the node's pending transactions from the account, so a story step sent
            // right after a refusal does not reuse the nonce of one still waiting for a block.
            nonces[account] = record.pendingNonce ?? record.nonce
        }
        let nonce = nonces[account] ?? 0
        var transaction = Transaction(
            chainId: chainId, sender: key.publicKey, nonce: nonce, fee: Amount(baseUnits: Self.fee), payload: payload, signature: blank)
        guard let signature = try? key.signature(for: transaction.signingBytes) else { return nil }
        transaction.signature = signature
        do {
            let result = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(transaction.canonicalBytes)))
            nonces[account] = nonce + 1
            sent += 1
            return result.id
        } catch {
            // A refused nonce (the node saw a transaction we think failed, or missed one):
            // ask again next time.
            nonces[account] = nil
            refused += 1
            return nil
        }
    }

    /// A client for a random running node, or nil if none runs.
    func randomClient() -> RPCClient? {
        let running = state.nodes.filter { TestnetProcesses.isRunning($0.pid) }
        guard !running.isEmpty else { return nil }
        let node = running[Int(random.next() % UInt64(running.count))]
        return URL(string: node.rpcURL).map { RPCClient(endpoint: $0, credentials: .token(state.rpcToken), timeout: 3) }
    }

    /// A registration of fresh random text, far from every other work.
    func makeRegistration(owner: Int) -> RegisterWork? {
        guard let model, let key = try? DevChain.account(owner) else { return nil }
        var words: [String] = []
        for _ in 0..<60 {
            let length = 3 + Int(random.next() % 7)
            words.append(String((0..<length).map { _ in Character(UnicodeScalar(UInt8(97 + random.next() % 26))) }))
        }
        let text = words.joined(separator: " ")
        guard let identity = try? Fingerprinter(model: model).identify(Array(text.utf8), file: "load.txt") else { return nil }
        return RegisterWork(
            title: "load \(words[0]) \(words[1])", metadataHash: SHA256.hash(Array(text.utf8)), mediaType: .text,
            contentHash: identity.contentHash, fingerprint: identity.fingerprint, modelId: identity.modelID,
            owners: [Ownership(owner: Address(publicKey: key.publicKey), share: Ownership.wholeShare)], parents: [])
    }
}
