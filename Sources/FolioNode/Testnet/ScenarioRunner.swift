import FolioAPI
import FolioCore
import Foundation

/// Runs a scenario on a fresh testnet: up, load with perturbations, then each check with its
/// timing, and a pass/fail report. The testnet is taken down at the end (data kept).
public struct ScenarioRunner: Sendable {
    let controller: TestnetController
    let say: @Sendable (String) -> Void

    /// A runner using `controller`'s directory and foliod.
    public init(controller: TestnetController, say: @escaping @Sendable (String) -> Void) {
        self.controller = controller
        self.say = say
    }

    /// Runs `scenario`; returns whether every check passed.
    public func run(_ scenario: Scenario) async throws(TestnetError) -> Bool {
        guard let engine = TestnetPlan.Engine(rawValue: scenario.engine) else {
            throw .usage("engine must be poa or pow, got \(scenario.engine)")
        }
        var plan = try TestnetPlan(nodeCount: scenario.nodes, engine: engine, basePort: scenario.basePort ?? 19_400)
        for skew in scenario.clockSkew ?? [] { plan.clockOffsets[skew.node] = skew.seconds }
        if let miners = scenario.miners { plan.miners = Set(miners) }
        plan.viaProxy = scenario.proxy ?? false
        plan.netns = scenario.netns ?? false
        if let period = scenario.blockPeriod {
            guard (1...60).contains(period) else { throw .usage("block-period must be 1 to 60 seconds, got \(period)") }
            plan.blockPeriodSeconds = UInt32(period)
        }
        try await controller.clean()
        let began = Date()
        say("scenario \"\(scenario.name)\": \(scenario.nodes) \(engine.rawValue) nodes")
        do {
            _ = try await controller.up(plan: plan, timeout: scenario.startTimeout ?? 120)
        } catch {
            // Nodes that started but never agreed must not outlive the failed run.
            try? await controller.down()
            throw error
        }
        say(String(format: "  up and agreed after %.1f s", Date().timeIntervalSince(began)))
        let state = try controller.loadState()
        let load = LoadGenerator(state: state, chainId: TestnetPlan.chainId)
        let loadTask = Task { await load.run(load: scenario.load ?? Scenario.Load()) }
        let start = Date()
        var record = RunRecord()
        let watch = PerturbationWatch(state: state, horizon: Self.watchHorizon(scenario, period: Double(plan.blockPeriod)))
        for step in (scenario.perturb ?? []).sorted(by: { $0.at < $1.at }) {
            let wait = step.at - Date().timeIntervalSince(start)
            if wait > 0 { try? await Task.sleep(for: .milliseconds(Int(wait * 1000))) }
            await perturb(step, scenario: scenario, state: state, start: start, record: &record)
            let rejoining = step.action == "start" || step.action == "resume" ? step.node : nil
            await watch.watch(step.action + (step.node.map { " node \($0)" } ?? ""), rejoining: rejoining)
        }
        let remaining = scenario.duration - Date().timeIntervalSince(start)
        if remaining > 0 { try? await Task.sleep(for: .milliseconds(Int(remaining * 1000))) }
        // Stopped, not cancelled: see `LoadGenerator.stop()`.
        await load.stop()
        _ = await loadTask.value
        record.outcomes = await watch.outcomes()
        let (sent, refused, registrations) = (await load.sent, await load.refused, await load.registrations)
        say("  load: \(sent) transactions admitted, \(refused) refused, \(registrations.count) registrations")
        let story = await load.story
        if let story { say("  " + Self.licensingSummary(story)) }
        var passed = true
        for check in scenario.check {
            let checkStart = Date()
            let (ok, detail) = await evaluate(
                check, scenario: scenario, state: state, registrations: registrations, engine: engine, record: record,
                licensing: story?.ledger)
            passed = passed && ok
            say(String(format: "  %@  %@ (%.1f s)", ok ? "PASS" : "FAIL", detail, Date().timeIntervalSince(checkStart)))
        }
        try await controller.down()
        say("scenario \"\(scenario.name)\": \(passed ? "PASSED" : "FAILED") in \(Int(Date().timeIntervalSince(began))) s")
        return passed
    }

    func evaluate(
        _ check: Scenario.Assertion, scenario: Scenario, state: TestnetState, registrations: [String],
        engine: TestnetPlan.Engine, record: RunRecord = RunRecord(), licensing: LicensingLedger? = nil
    ) async -> (Bool, String) {
        let within = check.within ?? 60
        switch check.kind {
        case "advance-after-each", "catch-up":
            return evaluateProgress(check, period: Double(scenario.blockPeriod ?? (engine == .poa ? 1 : 2)), record: record)
        case "agree-after-heal", "reorg-depth", "no-conflicting-majority":
            return await evaluateFault(check, state: state, record: record)
        case "licences-final":
            return await licencesFinal(licensing, state: state, within: within)
        case "height":
            let target = check.min ?? 1
            let ok = await poll(within) { statuses in
                let running = statuses.filter(\.running)
                return !running.isEmpty && running.allSatisfy { ($0.height ?? 0) >= target }
            }
            return (ok, "every running node at height ≥ \(target) within \(Int(within)) s")
        case "agree":
            let ok = await pollClients(within, state: state) { clients in await TestnetAgreement.holds(clients) }
            return (ok, "all running nodes agree on every block up to two below the lowest tip within \(Int(within)) s")
        case "registrations-final":
            // A registration admitted only by a node that is then killed may die with that
            // node's mempool (as in bitcoind, the mempool is not kept across a SIGKILL). So
            // when the scenario kills nodes, the check is: every registration any node
            // confirmed is a work on every running node, and the unconfirmed are counted.
            // Without kills every admitted registration must become final.
            let killing = (scenario.perturb ?? []).contains { $0.action == "kill" }
            var unconfirmed = registrations.count
            let ok = await pollClients(within, state: state) { clients in
                var confirmed: [String] = []
                for id in registrations {
                    for client in clients where (try? await client.call(WorkGet.self, IdQuery(id: id))) != nil {
                        confirmed.append(id)
                        break
                    }
                }
                unconfirmed = registrations.count - confirmed.count
                if !killing, unconfirmed > 0 { return false }
                for client in clients {
                    for id in confirmed where (try? await client.call(WorkGet.self, IdQuery(id: id))) == nil { return false }
                }
                return true
            }
            let lost = killing && unconfirmed > 0 ? "; \(unconfirmed) admitted only by a killed node never confirmed" : ""
            return (ok, "\(registrations.count - unconfirmed) of \(registrations.count) registrations are works on every running node within \(Int(within)) s\(lost)")
        default:
            return await balances(state: state, engine: engine)
        }
    }

    /// Supply adds up on every running node: on PoA the dev accounts and the authorities
    /// hold exactly the genesis supply (fees move, nothing is minted); on PoW the dev accounts
    /// and the miners' payees hold the genesis supply plus the block reward of every block
    /// since genesis (each pays its miner; fees move). A node's balances are read between two
    /// reads of its height, and count only when no block landed in between.
    func balances(state: TestnetState, engine: TestnetPlan.Engine) async -> (Bool, String) {
        let supply = UInt64(DevChain.accountCount) * DevChain.prefundBaseUnits
        var holders = (0..<DevChain.accountCount).compactMap { try? Address(publicKey: DevChain.account($0).publicKey) }
        holders += (0..<state.nodes.count).compactMap { try? TestnetPlan.minerPayee($0) }
        let reward = engine == .pow ? TestnetPlan.powBlockReward : 0
        let ok = await pollClients(30, state: state) { clients in
            for client in clients {
                guard let before = try? await client.call(ChainInfo.self).height else { return false }
                var total: UInt64 = 0
                for holder in holders {
                    guard let account = try? await client.call(AccountGet.self, AccountQuery(address: holder.bech32m(on: .test))),
                          let balance = UInt64(account.balance)
                    else { return false }
                    total += balance
                }
                guard let after = try? await client.call(ChainInfo.self).height, after == before,
                      total == supply + reward * before else { return false }
            }
            return true
        }
        return (ok, engine == .poa ? "accounts and authorities hold exactly the genesis supply"
            : "accounts and miners hold the genesis supply plus every block's reward")
    }

    func poll(_ seconds: Double, _ condition: ([NodeStatus]) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if condition(await controller.status()) { return true }
            try? await Task.sleep(for: .milliseconds(500))
        } while Date() < deadline
        return false
    }

    func pollClients(_ seconds: Double, state: TestnetState, _ condition: ([RPCClient]) async -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            let clients = state.nodes.filter { TestnetProcesses.isRunning($0.pid) }.compactMap { node in
                URL(string: node.rpcURL).map { RPCClient(endpoint: $0, credentials: .token(state.rpcToken), timeout: 3) }
            }
            if !clients.isEmpty, await condition(clients) { return true }
            try? await Task.sleep(for: .milliseconds(500))
        } while Date() < deadline
        return false
    }
}
