import Foundation
import FolioCore
@testable import FolioLicence

/// One JSON vector: licence source, facts and a transaction, and the outcome worked out by hand.
struct Vector: Decodable, Sendable, CustomStringConvertible {
    struct Value: Decodable, Sendable {
        var int: Int64?
        var party: UInt8?
        var text: String?
        var territories: [String]?
        var shares: [[Int64]]?
        var bool: Bool?
        var id: UInt8?

        var licenceValue: LicenceValue {
            if let int { return .int(int) }
            if let party { return .party(FolioLicenceTests.party(party)) }
            if let text { return .text(text) }
            if let territories { return .canonicalSet(territories.compactMap { LicenceValue.territory($0) }) }
            if let shares {
                return .canonicalShares(shares.map { Share(party: FolioLicenceTests.party(UInt8($0[0])), weight: $0[1]) }) ?? .unknown
            }
            if let bool { return .bool(bool) }
            if let id { return .id(FolioLicenceTests.id(id)) }
            return .unknown
        }
    }

    struct Use: Decodable, Sendable {
        var action: String
        var territories: [String]?
        var purpose: String?
        var medium: String?
        var count: Int64?
        var revenue: UInt64?
        var period: String?
        var target: String?
        var attributed: Bool?
        var approved: Bool?
        var derivativeTemplate: UInt8?
        var language: String?
    }

    struct Transaction: Decodable, Sendable {
        var kind: String
        var sender: UInt8
        var payment: UInt64?
        var use: Use?
    }

    struct Counter: Decodable, Sendable, Hashable {
        var name: String
        var key: Int64?
        var value: Int64
    }

    struct Expected: Decodable, Sendable {
        var rule: String?
        var reason: String?
        var payments: [[UInt64]]?
        var counters: [Counter]?
        var status: String?
        var events: [String]?
        var gas: UInt64
    }

    var name: String
    var source: [String]
    var parameters: [String: Value]?
    var status: String?
    var counters: [Counter]?
    var time: String?
    var ancestors: [UInt8]?
    var grants: [String]?
    /// State of the licence the work was derived under (`work.upstream_state`).
    var upstream: String?
    var transaction: Transaction
    var gasLimit: UInt64?
    var expect: Expected

    var description: String { name }
}

extension Vector {
    static func load(_ file: String) -> [Vector] {
        guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Vectors"),
              let data = try? Data(contentsOf: url),
              let vectors = try? JSONDecoder().decode([Vector].self, from: data) else { return [] }
        return vectors
    }

    static func time(_ date: String) -> Int64? {
        let parts = date.split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 3, let days = FolioLicence.Calendar.days(year: parts[0], month: parts[1], day: parts[2]) else { return nil }
        return days * 86_400
    }

    func enumValue<E: CaseIterable>(_ name: String?, _ type: E.Type, _ label: (E) -> String) -> E? {
        name.flatMap { n in E.allCases.first { label($0) == n } }
    }

    /// Runs the vector and returns the evaluation; throws when the source does not compile.
    func run() throws -> Evaluation {
        let (licence, tx, ledger) = try prepared()
        return LicenceEvaluator.evaluate(tx, on: licence, ledger: ledger, gasLimit: gasLimit ?? 10_000)
    }

    /// The vector's licence, transaction and ledger.
    func prepared() throws -> (Licence, LicenceTransaction, TestLedger) {
        let compiled = try LicenceTemplate(source: source.joined(separator: "\n"))
        var state = LicenceTermsState(status: enumValue(status ?? "active", LicenceStatus.self, \.name) ?? .active)
        for counter in counters ?? [] {
            state.counters[CounterKey(name: counter.name, key: counter.key.map { .int($0) })] = counter.value
        }
        let licence = FolioLicenceTests.licence(compiled, parameters: (parameters ?? [:]).mapValues(\.licenceValue), state: state)
        var ledger = TestLedger()
        if let time, let seconds = Vector.time(time) { ledger.time = seconds }
        ledger.works[id(9)] = WorkFacts(id: id(9), owners: [Share(party: party(1), weight: 1)], registeredAt: 0,
                                         ancestors: (ancestors ?? []).map { id($0) },
                                         upstreamState: enumValue(upstream, LicenceStatus.self, \.name))
        for ancestor in ancestors ?? [] {
            ledger.works[id(ancestor)] = WorkFacts(id: id(ancestor), owners: [Share(party: party(ancestor), weight: 1)], registeredAt: 0)
        }
        if let grants { ledger.grants[.synchronize] = grants }
        var tx = LicenceTransaction(kind: enumValue(transaction.kind, TransactionKind.self, \.name) ?? .pay,
                                    sender: party(transaction.sender), payment: Amount(baseUnits: transaction.payment ?? 0))
        if let use = transaction.use, let action = enumValue(use.action, LicenceAction.self, \.name) {
            var declared = DeclaredUse(action: action, territories: use.territories,
                                       medium: enumValue(use.medium, UseMedium.self, \.name),
                                       purpose: enumValue(use.purpose, UsePurpose.self, \.name), count: use.count,
                                       revenue: use.revenue.map { Amount(baseUnits: $0) })
            declared.period = use.period.flatMap { Vector.time($0) }
            declared.target = use.target
            declared.language = use.language
            declared.attributed = use.attributed
            declared.approved = use.approved
            declared.derivativeTemplate = use.derivativeTemplate.map { $0 == 0 ? compiled.id : id($0) }
            tx.use = declared
        }
        return (licence, tx, ledger)
    }
}
