@testable import FolioChain
import FolioCore
import FolioTestSupport
import Testing

/// Payments merged per payee, in order of first payment, as a decision lists them.
@Suite struct PayeeTotalsTests {
    static let a = TestKeys.alice.address
    static let b = TestKeys.bob.address
    static let c = TestKeys.carol.address

    @Test func repeatedPayeesAreSummedInOrderOfFirstPayment() throws {
        var totals = PayeeTotals(capacity: 1)
        for (payee, amount) in [(Self.c, 5), (Self.a, 1), (Self.c, 2), (Self.b, 7), (Self.a, 3)] as [(Address, UInt64)] {
            try totals.add(Amount(baseUnits: amount), to: payee)
        }
        #expect(totals.payments == [DirectPayment(payee: Self.c, amount: Amount(baseUnits: 7)),
                                    DirectPayment(payee: Self.a, amount: Amount(baseUnits: 4)),
                                    DirectPayment(payee: Self.b, amount: Amount(baseUnits: 7))])
    }

    @Test func aPayeesSumPastTheMaximumIsAnOverflow() throws {
        var totals = PayeeTotals(capacity: 2)
        try totals.add(Amount(baseUnits: .max), to: Self.a)
        try totals.add(Amount(baseUnits: 1), to: Self.b)
        #expect(throws: AmountError.overflow) { try totals.add(Amount(baseUnits: 1), to: Self.a) }
    }

    @Test func manyPayeesKeepTheirOrder() throws {
        let payees = (0..<200).map { Address(bytes: [UInt8($0 % 256), UInt8($0 / 256)] + Array(repeating: 9, count: 18))! }
        var totals = PayeeTotals(capacity: 0)
        for payee in payees + payees.reversed() { try totals.add(Amount(baseUnits: 1), to: payee) }
        #expect(totals.payments.map(\.payee) == payees)
        #expect(totals.payments.allSatisfy { $0.amount == Amount(baseUnits: 2) })
    }
}
