import Testing
@testable import FolioLicence

/// Syntax errors name the line and column and say what was expected.
@Suite struct ParserErrorTests {
    static func error(_ source: String) -> LicenceError? {
        do {
            _ = try LicenceTemplate(source: source)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingHeaderPointsAtTheFirstToken() {
        #expect(ParserErrorTests.error("permit play") == .syntax(SourcePosition(line: 1, column: 1),
                                                                  "expected 'licence' at the start of the licence, found 'permit'"))
    }

    @Test func unknownActionSaysWhichActionsExist() {
        guard case let .syntax(at, message)? = ParserErrorTests.error("licence \"x\"\npermit dance") else {
            Issue.record("expected a syntax error")
            return
        }
        #expect(at == SourcePosition(line: 2, column: 8))
        #expect(message.hasPrefix("expected an action (play, stream"))
    }

    @Test func unclosedBlockSaysCloseBrace() {
        let source = "licence \"x\"\non pay {\n  emit \"e\"\n"
        #expect(ParserErrorTests.error(source) == .syntax(SourcePosition(line: 4, column: 1), "expected '}' to close the block, found end of input"))
    }

    @Test func requireWithoutElseSaysElse() {
        let source = "licence \"x\"\non pay {\n  require true \"why\"\n}"
        #expect(ParserErrorTests.error(source) == .syntax(SourcePosition(line: 3, column: 16),
                                                           "expected 'else' and the refusal reason after the condition, found text"))
    }

    @Test func chainedComparisonsAreRefused() {
        let source = "licence \"x\"\npermit play when 1 < 2 < 3"
        #expect(ParserErrorTests.error(source) == .syntax(SourcePosition(line: 2, column: 24),
                                                           "expected 'and' or 'or' between comparisons (comparisons do not chain), found '<'"))
    }

    @Test func unclosedTextIsReportedAtItsStart() {
        #expect(ParserErrorTests.error("licence \"x") == .syntax(SourcePosition(line: 1, column: 9),
                                                                  "text is not closed; expected '\"' before the end of the line"))
    }

    @Test func impossibleDateIsRefused() {
        let source = "licence \"x\"\nvar t: Time = 2025-02-29"
        #expect(ParserErrorTests.error(source) == .syntax(SourcePosition(line: 2, column: 15),
                                                           "not a real date; expected YYYY-MM-DD with a valid month and day"))
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let source = "licence \"x\"\npermit play when " + String(repeating: "(", count: 500) + "true" + String(repeating: ")", count: 500)
        guard case .syntax? = ParserErrorTests.error(source) else {
            Issue.record("expected a nesting error")
            return
        }
    }

    @Test func integerTooLargeIsRefused() {
        guard case .syntax(SourcePosition(line: 2, column: 14), _)? = ParserErrorTests.error("licence \"x\"\nvar n: Int = 9223372036854775808") else {
            Issue.record("expected an error at 2:14")
            return
        }
    }
}
