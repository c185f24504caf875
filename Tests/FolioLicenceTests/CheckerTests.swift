import Testing
@testable import FolioLicence

/// Type errors: mixed currencies, wrong operand types, unknown names, implicit rounding.
@Suite struct CheckerTests {
    static func typeError(_ body: String) -> (SourcePosition, String)? {
        do {
            _ = try LicenceTemplate(source: "licence \"x\"\n" + body)
        } catch let .type(at, message) {
            return (at, message)
        } catch {
            return nil
        }
        return nil
    }

    @Test func mixingCurrenciesIsATypeError() {
        let error = CheckerTests.typeError("on pay {\n  let x = 5 EUR + 5 FOLIO\n}")
        #expect(error?.0 == SourcePosition(line: 3, column: 17))
        #expect(error?.1 == "'+' cannot combine Money(EUR) and Money(FOLIO) (different currencies: EUR and FOLIO)")
    }

    @Test func comparingDifferentCurrenciesIsATypeError() {
        let error = CheckerTests.typeError("on pay {\n  require tx.payment >= 5 EUR else \"x\"\n}")
        #expect(error?.1 == "cannot compare Money(FOLIO) with Money(EUR) (different currencies: FOLIO and EUR)")
    }

    @Test func payingInAnotherCurrencyIsATypeError() {
        let error = CheckerTests.typeError("on pay {\n  pay 5 EUR to tx.sender\n}")
        #expect(error?.1 == "payments on Folio are made in FOLIO; found Money(EUR)")
    }

    @Test func unknownNameIsReported() {
        let error = CheckerTests.typeError("permit play when colour == 3")
        #expect(error?.0 == SourcePosition(line: 2, column: 18))
        #expect(error?.1.hasPrefix("unknown name 'colour'") == true)
    }

    @Test func unknownFactIsReported() {
        let error = CheckerTests.typeError("permit play when use.colour == 3")
        #expect(error?.1.hasPrefix("unknown fact or constant 'use.colour'") == true)
    }

    @Test func wrongOperandTypeIsReported() {
        #expect(CheckerTests.typeError("permit play when use.count and true")?.1 == "the left operand of 'and' must be Bool, found Int")
    }

    @Test func conditionMustBeBool() {
        #expect(CheckerTests.typeError("permit play when use.count")?.1 == "a condition must be Bool, found Int")
    }

    @Test func inexactArithmeticNeedsExplicitRounding() {
        let error = CheckerTests.typeError("on pay {\n  pay tx.payment * 10% to tx.sender\n}")
        #expect(error?.1 == "Money(FOLIO) * Ratio is inexact; wrap it in floor(), ceil() or round() to say how it rounds")
    }

    @Test func integerDivisionNeedsExplicitRounding() {
        #expect(CheckerTests.typeError("permit play when use.count / 2 > 1")?.1.hasPrefix("Int / Int is inexact") == true)
    }

    @Test func territoryAndTextDoNotMix() {
        #expect(CheckerTests.typeError("permit play when use.territory isAnyOf {\"DE\"}")?.1
            == "'isAnyOf' needs values of one element type; found Set(Territory) and Set(Text)")
    }

    @Test func badCountryCodeIsRefused() {
        #expect(CheckerTests.typeError("permit play when country(\"Germany\") in use.territory")?.1.hasPrefix("country() takes one two-letter") == true)
    }

    @Test func redeclaringANameIsRefused() {
        #expect(CheckerTests.typeError("param fee: Int\nparam fee: Int")?.1 == "'fee' is already declared")
    }

    @Test func counterUpdateMustMatchItsType() {
        #expect(CheckerTests.typeError("counter paid: Money(FOLIO)\non pay {\n  paid += 3\n}")?.1
            == "what is added to 'paid' must be Money(FOLIO), found Int")
    }

    @Test func worstCaseOverTheCapIsRefused() throws {
        // Three nested loops over 64 elements: the innermost body runs 64^3 times.
        let source = """
        licence "x"
        on report {
          for a in work.ancestors {
            for b in work.ancestors {
              for c in work.ancestors {
                emit "e"
              }
            }
          }
        }
        """
        // fact 2 + forEach 2 + 64 × (fact 2 + forEach 2 + 64 × (fact 2 + forEach 2 + 64 × (emit 2 + next 1) + next 1) + next 1) + ret 1
        let inner: UInt64 = 2 + 2 + 64 * 3 + 1
        let middle: UInt64 = 2 + 2 + 64 * inner + 1
        let worst: UInt64 = 2 + 2 + 64 * middle + 1
        #expect(worst == 807_237)
        #expect(throws: LicenceError.gasOverCap(worstCase: worst, cap: worst - 1)) {
            try LicenceTemplate(source: source, gasCap: worst - 1)
        }
        #expect(try LicenceTemplate(source: source, gasCap: worst).worstCaseGas == worst)
    }
}
