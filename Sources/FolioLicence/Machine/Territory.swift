import Foundation

/// ISO 3166-1 alpha-2 territories as integers, and the EU member set at any date.
enum Territory {
    /// Two capital letters packed as `first << 8 | second`.
    static func code(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 2, bytes.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) else { return nil }
        return Int64(bytes[0]) << 8 | Int64(bytes[1])
    }

    /// The text form of a packed code.
    static func text(_ code: Int64) -> String {
        String(decoding: [UInt8(truncatingIfNeeded: code >> 8), UInt8(truncatingIfNeeded: code)], as: UTF8.self)
    }

    /// (member, joined, left) with times as days since 1970-01-01; `left` is the first day the
    /// state was no longer a member. Greece is `GR` (ISO), not the EU's own `EL`.
    private static let euHistory: [(String, Int64, Int64?)] = {
        func day(_ y: Int64, _ m: Int64, _ d: Int64) -> Int64 { Calendar.days(year: y, month: m, day: d) ?? 0 }
        let founding = day(1958, 1, 1)
        var history: [(String, Int64, Int64?)] = ["BE", "DE", "FR", "IT", "LU", "NL"].map { ($0, founding, nil) }
        history += ["DK", "IE"].map { ($0, day(1973, 1, 1), nil) }
        history.append(("GB", day(1973, 1, 1), day(2020, 2, 1)))
        history.append(("GR", day(1981, 1, 1), nil))
        history += ["ES", "PT"].map { ($0, day(1986, 1, 1), nil) }
        history += ["AT", "FI", "SE"].map { ($0, day(1995, 1, 1), nil) }
        history += ["CY", "CZ", "EE", "HU", "LT", "LV", "MT", "PL", "SI", "SK"].map { ($0, day(2004, 5, 1), nil) }
        history += ["BG", "RO"].map { ($0, day(2007, 1, 1), nil) }
        history.append(("HR", day(2013, 7, 1), nil))
        return history
    }()

    /// The EU member states at `time` (seconds since the epoch), as a canonical set.
    static func euMembers(at time: Int64) -> LicenceValue {
        let day = time >= 0 ? time / Calendar.secondsPerDay : (time - Calendar.secondsPerDay + 1) / Calendar.secondsPerDay
        let members = euHistory.compactMap { entry -> LicenceValue? in
            let (state, joined, left) = entry
            guard day >= joined, left.map({ day < $0 }) ?? true, let code = code(state) else { return nil }
            return .int(code)
        }
        return LicenceValue.canonicalSet(members)
    }
}

/// Text compared as the bytes of its NFC normalisation (LICENCE-LANGUAGE.md, determinism).
enum TextNormalisation {
    static func nfcBytes(_ string: String) -> [UInt8] {
        Array(string.precomposedStringWithCanonicalMapping.utf8)
    }
}
