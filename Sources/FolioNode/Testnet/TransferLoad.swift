import FolioAPI
import FolioCore
import FolioCrypto
import Foundation

/// A steady stream of signed transfers sent over RPC to a running testnet, so that blocks
/// carry many transactions while `PropagationBench` measures them (B9 and B11 with heavy
/// blocks).
///
/// The mempool lets an account run at most `maxNonceGap` (16) transactions ahead of its chain
/// nonce, so ten dev accounts cannot keep hundreds of transactions a second pending. The load
/// therefore first funds `accounts` fresh keys (labels `load/<i>` from the dev seed) from the
/// dev accounts, then sends from them in turn: each account has a transaction pending for
/// about `accounts ÷ rate` seconds at most, far within its gap.
public actor TransferLoad {
    /// Transfers sent a second while running.
    public let ratePerSecond: Int
    /// Keys sending the load.
    let keys: [PrivateKey]
    let chainId: UInt32
    let clients: [RPCClient]
    var nonces: [UInt64]
    /// Transfers a node admitted / refused.
    public private(set) var sent = 0
    /// Transfers a node refused (or that failed in transit).
    public private(set) var refused = 0
    /// The fee of every load transaction, base units.
    static let fee: UInt64 = 10
    /// What each load account is funded with, base units.
    static let funding: UInt64 = 1_000_000_000_000
    /// Set by `stop()`; the senders return after their request in flight.
    private var stopping = false

    /// A load of `ratePerSecond` transfers a second from `accounts` keys, sent to the nodes
    /// of `state` in turn.
    public init(state: TestnetState, ratePerSecond: Int, accounts: Int) throws(TestnetError) {
        guard (1...5_000).contains(ratePerSecond) else { throw .usage("--load must be 1-5000 transfers a second, got \(ratePerSecond)") }
        guard (1...4_000).contains(accounts) else { throw .usage("load accounts must be 1-4000, got \(accounts)") }
        do {
            keys = try (0..<accounts).map { index throws(CryptoError) in try DevChain.key(label: "load/\(index)") }
        } catch {
            throw .setup("the load keys could not be derived: \(error)")
        }
        self.ratePerSecond = ratePerSecond
        chainId = TestnetPlan.chainId
        clients = state.nodes.map { node in
            RPCClient(endpoint: URL(string: node.rpcURL) ?? URL(fileURLWithPath: "/"), credentials: .token(state.rpcToken), timeout: 5)
        }
        nonces = Array(repeating: 0, count: accounts)
    }

    /// Funds every load account that has no balance yet from the dev accounts (at most 16
    /// pending per dev account, waiting for blocks between rounds), and returns once node 0
    /// sees every load account funded.
    public func fund(say: @Sendable (String) -> Void, seconds: Double = 180) async throws(TestnetError) {
        guard let reference = clients.first else { throw .setup("the testnet has no nodes") }
        let deadline = Date().addingTimeInterval(seconds)
        var unfunded = Array(keys.indices)
        say("funding \(keys.count) load accounts from the dev accounts…")
        while !unfunded.isEmpty {
            guard Date() < deadline else { throw .timeout("\(unfunded.count) load accounts were still unfunded") }
            var devNonces: [Int: UInt64] = [:]
            var pendingPerDev: [Int: Int] = [:]
            for index in unfunded {
                let dev = index % DevChain.accountCount
                guard pendingPerDev[dev, default: 0] < 16, let devKey = try? DevChain.account(dev) else { continue }
                if devNonces[dev] == nil {
                    devNonces[dev] = await accountNonce(Address(publicKey: devKey.publicKey), at: reference)
                }
                guard let nonce = devNonces[dev] else { continue }
                let transfer = Transfer(to: Address(publicKey: keys[index].publicKey), amount: Amount(baseUnits: Self.funding))
                if await send(.transfer(transfer), from: devKey, nonce: nonce, to: reference) {
                    devNonces[dev] = nonce + 1
                    pendingPerDev[dev, default: 0] += 1
                } else {
                    devNonces[dev] = nil
                }
            }
            try? await Task.sleep(for: .seconds(2))
            var still: [Int] = []
            for index in unfunded where !(await isFunded(keys[index], at: reference)) { still.append(index) }
            unfunded = still
        }
        for index in keys.indices { nonces[index] = await accountNonce(Address(publicKey: keys[index].publicKey), at: reference) ?? 0 }
        say("funded \(keys.count) load accounts")
    }

    /// Has `run` return once each sender's request in flight is answered. Stop the load this
    /// way, not by cancelling its task: a `URLSession` request cancelled just as it completes
    /// deadlocks swift-corelibs-foundation (as `LoadGenerator.stop()` says).
    public func stop() { stopping = true }

    /// Sends transfers at `ratePerSecond` until `stop()` (or cancelled), from the load accounts in turn, to
    /// the nodes in turn, over concurrent senders (one per eight transfers a second, at least
    /// four: each waits for its node's answer, which takes tens of milliseconds on a loaded
    /// machine).
    public func run() async {
        let workers = max(1, min(max(4, ratePerSecond / 8), keys.count))
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask { await self.runWorker(worker, of: workers) }
            }
        }
    }

    private func runWorker(_ worker: Int, of workers: Int) async {
        let owned = Array(stride(from: worker, to: keys.count, by: workers))
        let rate = Double(ratePerSecond) / Double(workers)
        let started = Date()
        var sentHere = 0, turn = 0
        while !stopping, !Task.isCancelled {
            let due = Int(Date().timeIntervalSince(started) * rate)
            if sentHere >= due {
                try? await Task.sleep(for: .milliseconds(5))
                continue
            }
            let index = owned[turn % owned.count]
            let client = clients[(turn * workers + worker) % clients.count]
            turn += 1
            sentHere += 1
            let recipient = Address(publicKey: keys[(index + 1) % keys.count].publicKey)
            let amount = Amount(baseUnits: 1 + UInt64(turn % 1000))
            if await send(.transfer(Transfer(to: recipient, amount: amount)), from: keys[index], nonce: nonces[index], to: client) {
                nonces[index] += 1
            } else if let nonce = await accountNonce(Address(publicKey: keys[index].publicKey), at: client) {
                // The node saw another count of this account's transactions: continue from its.
                nonces[index] = nonce
            }
        }
    }

    /// Signs and sends one transaction; true if the node admitted it.
    private func send(_ payload: TransactionPayload, from key: PrivateKey, nonce: UInt64, to client: RPCClient) async -> Bool {
        guard let blank = try? Signature(bytes: [UInt8](repeating: 0, count: 64)) else { return false }
        var transaction = Transaction(chainId: chainId, sender: key.publicKey, nonce: nonce, fee: Amount(baseUnits: Self.fee),
                                      payload: payload, signature: blank)
        guard let signature = try? key.signature(for: transaction.signingBytes) else { return false }
        transaction.signature = signature
        do {
            _ = try await client.call(TxSend.self, TxSendParams(transaction: HexCoding.encode(transaction.canonicalBytes)))
            sent += 1
            return true
        } catch {
            refused += 1
            return false
        }
    }

    /// The next nonce `address` may use at `client`, counting its pending transactions.
    private func accountNonce(_ address: Address, at client: RPCClient) async -> UInt64? {
        guard let record = try? await client.call(AccountGet.self, AccountQuery(address: address.bech32m(on: .test))) else { return nil }
        return record.pendingNonce ?? record.nonce
    }

    private func isFunded(_ key: PrivateKey, at client: RPCClient) async -> Bool {
        let address = Address(publicKey: key.publicKey).bech32m(on: .test)
        guard let record = try? await client.call(AccountGet.self, AccountQuery(address: address)) else { return false }
        return record.balance != "0" && !record.balance.isEmpty
    }
}
