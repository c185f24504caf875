import Testing
import FolioCore
@testable import FolioLicence

/// Runs every JSON vector under Vectors/ and compares verdict, payments, counters, status,
/// events and exact gas with the values worked out by hand in the file.
@Suite struct VectorTests {
    static let vm = Vector.load("vm")

    @Test func vectorFilesLoad() {
        #expect(VectorTests.vm.count >= 10, "Vectors/vm.json is missing or malformed")
    }

    @Test(arguments: VectorTests.vm)
    func vmVector(_ vector: Vector) throws {
        try check(vector)
    }
}

func check(_ vector: Vector, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let result = try vector.run()
    let expect = vector.expect
    if let rule = expect.rule {
        guard case let .refused(actualRule, reason) = result.verdict else {
            Issue.record("expected refusal by \(rule), got \(result.verdict)", sourceLocation: sourceLocation)
            return
        }
        #expect(actualRule == rule, sourceLocation: sourceLocation)
        if let wanted = expect.reason { #expect(reason == wanted, sourceLocation: sourceLocation) }
    } else {
        #expect(result.verdict == .permitted, sourceLocation: sourceLocation)
    }
    let payments = result.payments.map { [UInt64($0.payee.bytes[0]), $0.amount.baseUnits] }
    #expect(payments == (expect.payments ?? []), sourceLocation: sourceLocation)
    if let counters = expect.counters {
        let actual = Set(result.counters.map { entry -> Vector.Counter in
            var key: Int64?
            if case let .int(k)? = entry.key.key { key = k }
            return Vector.Counter(name: entry.key.name, key: key, value: entry.value)
        })
        #expect(actual == Set(counters), sourceLocation: sourceLocation)
    }
    #expect(result.status?.name == expect.status, sourceLocation: sourceLocation)
    #expect(result.events == (expect.events ?? []), sourceLocation: sourceLocation)
    #expect(result.gasUsed == expect.gas, sourceLocation: sourceLocation)
}
