extension Lexer {
    /// Lexes an integer (`1_000`), decimal (`1.25`), ratio (`12.5%`) or date (`2026-01-01`).
    mutating func number(_ start: SourcePosition) throws(LicenceError) -> TokenKind {
        if let date = try date(start) { return .date(date) }
        let whole = try digits(start, allowGrouping: true)
        var fraction: [UInt8] = []
        if peek() == UInt8(ascii: "."), let after = peek(1), Lexer.isDigit(after) {
            advance()
            fraction = try digitBytes(start, allowGrouping: false)
        }
        if peek() == UInt8(ascii: "%") {
            advance()
            // 1% is 1,000,000 parts per 100,000,000: six fractional digits at most.
            return .ratio(try scaled(whole, fraction, fractionDigits: 6, start))
        }
        if !fraction.isEmpty { return .decimal(try scaled(whole, fraction, fractionDigits: 8, start)) }
        return .integer(try value(of: whole, start))
    }

    private mutating func digitBytes(_ start: SourcePosition, allowGrouping: Bool) throws(LicenceError) -> [UInt8] {
        var result: [UInt8] = []
        while let byte = peek() {
            if Lexer.isDigit(byte) {
                result.append(byte)
            } else if byte == UInt8(ascii: "_") && allowGrouping {
                // grouping separator, ignored
            } else {
                break
            }
            advance()
            guard result.count <= 19 else { throw .syntax(start, "number too long; the largest Int is 9223372036854775807") }
        }
        if let byte = peek(), Lexer.isLetter(byte), byte != UInt8(ascii: "_") {
            // `20000FOLIO` is almost certainly a missing space; say so rather than lex two tokens.
            throw .syntax(location, "expected a space between a number and '\(String(UnicodeScalar(byte)))'")
        }
        return result
    }

    private mutating func digits(_ start: SourcePosition, allowGrouping: Bool) throws(LicenceError) -> [UInt8] {
        try digitBytes(start, allowGrouping: allowGrouping)
    }

    private func value(of digits: [UInt8], _ start: SourcePosition) throws(LicenceError) -> Int64 {
        var value: Int64 = 0
        for digit in digits {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int64(digit - 0x30))
            guard !o1, !o2 else { throw .syntax(start, "number does not fit in a 64-bit Int") }
            value = sum
        }
        return value
    }

    private func scaled(_ whole: [UInt8], _ fraction: [UInt8], fractionDigits: Int, _ start: SourcePosition) throws(LicenceError) -> Int64 {
        guard fraction.count <= fractionDigits else {
            throw .syntax(start, "at most \(fractionDigits) digits after the point here")
        }
        let padded = fraction + Array(repeating: UInt8(ascii: "0"), count: fractionDigits - fraction.count)
        return try value(of: whole + padded, start)
    }

    /// `YYYY-MM-DD`, recognised only when the exact shape is present.
    private mutating func date(_ start: SourcePosition) throws(LicenceError) -> Int64? {
        let shape: [Bool] = [true, true, true, true, false, true, true, false, true, true]
        for (offset, isDigit) in shape.enumerated() {
            guard let byte = peek(offset) else { return nil }
            if isDigit ? !Lexer.isDigit(byte) : byte != UInt8(ascii: "-") { return nil }
        }
        func field(_ from: Int, _ count: Int) -> Int64 {
            var value: Int64 = 0
            for i in from..<from + count { value = value * 10 + Int64((peek(i) ?? 0x30) - 0x30) }
            return value
        }
        let (year, month, day) = (field(0, 4), field(5, 2), field(8, 2))
        for _ in 0..<10 { advance() }
        guard let days = Calendar.days(year: year, month: month, day: day) else {
            throw .syntax(start, "not a real date; expected YYYY-MM-DD with a valid month and day")
        }
        return days * 86_400
    }
}
