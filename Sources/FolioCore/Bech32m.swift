/// Bech32m (BIP-350): a human-readable prefix, the separator `1`, then five-bit groups written
/// in a 32-character alphabet and a six-character BCH checksum that detects any error in up to
/// four characters. Folio writes addresses in it (see `Address+Bech32m.swift`).
///
/// The generic form here knows nothing about addresses: it checks the string rules and the
/// checksum, and hands back the lower-case prefix and the data groups.
public enum Bech32m {
    /// The longest string BIP-350 allows.
    public static let maximumLength = 90
    /// Characters in the checksum.
    public static let checksumLength = 6

    /// A decoded string: its prefix in lower case and its five-bit data groups, checksum removed.
    public struct Decoded: Equatable, Sendable {
        /// The human-readable part, lower case.
        public let humanReadablePart: String
        /// The data groups, each in 0...31.
        public let data: [UInt8]
    }

    /// The value each group's character stands for is its index here.
    static let alphabet: [UInt8] = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    /// Group value for each lower-case ASCII byte; -1 where the byte is not in the alphabet.
    private static let groupForByte: [Int8] = {
        var table = [Int8](repeating: -1, count: 128)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = Int8(value) }
        return table
    }()

    /// The constant bech32m's checksum is XOR-ed with (bech32 used 1).
    static let checksumConstant: UInt32 = 0x2bc8_30a3

    private static let separator = UInt8(ascii: "1")

    /// Encodes `data` (five-bit groups) under `humanReadablePart`, in lower case.
    public static func encode(humanReadablePart: String, data: [UInt8]) throws(Bech32mError) -> String {
        let prefix = Array(humanReadablePart.utf8)
        guard !prefix.isEmpty else { throw .emptyHumanReadablePart }
        for (offset, byte) in prefix.enumerated() where !(33...126).contains(byte) {
            throw .characterOutOfRange(offset: offset)
        }
        for (offset, value) in data.enumerated() where value > 31 { throw .invalidDataValue(offset: offset) }
        let length = prefix.count + 1 + data.count + checksumLength
        guard length <= maximumLength else { throw .tooLong(length: length) }
        return encodeChecked(prefix: prefix.map(lowercased), data: data)
    }

    /// Encodes without checking: `prefix` must be lower-case printable ASCII and every group
    /// under 32. For callers whose inputs are fixed by construction, such as addresses.
    static func encodeChecked(prefix: [UInt8], data: [UInt8]) -> String {
        var out = prefix
        out.reserveCapacity(prefix.count + 1 + data.count + checksumLength)
        out.append(separator)
        for value in data + checksum(prefix: prefix, data: data) { out.append(alphabet[Int(value)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `text`, accepting it all in lower case or all in upper case.
    public static func decode(_ text: String) throws(Bech32mError) -> Decoded {
        var bytes = Array(text.utf8)
        for (offset, byte) in bytes.enumerated() where !(33...126).contains(byte) {
            throw .characterOutOfRange(offset: offset)
        }
        guard bytes.count <= maximumLength else { throw .tooLong(length: bytes.count) }
        let hasLower = bytes.contains { (0x61...0x7a).contains($0) }
        let hasUpper = bytes.contains { (0x41...0x5a).contains($0) }
        guard !(hasLower && hasUpper) else { throw .mixedCase }
        bytes = bytes.map(lowercased)

        // The prefix may itself contain '1'; the data alphabet has none, so the last one splits.
        guard let split = bytes.lastIndex(of: separator) else { throw .missingSeparator }
        guard split > 0 else { throw .emptyHumanReadablePart }
        let dataStart = split + 1
        guard bytes.count - dataStart >= checksumLength else { throw .checksumTooShort }

        var groups: [UInt8] = []
        groups.reserveCapacity(bytes.count - dataStart)
        for offset in dataStart..<bytes.count {
            let value = groupForByte[Int(bytes[offset])]
            guard value >= 0 else { throw .invalidDataCharacter(offset: offset) }
            groups.append(UInt8(value))
        }
        let prefix = Array(bytes[..<split])
        guard polymod(expand(prefix) + groups) == checksumConstant else { throw .invalidChecksum }
        return Decoded(
            humanReadablePart: String(decoding: prefix, as: UTF8.self),
            data: Array(groups.dropLast(checksumLength))
        )
    }

    /// Splits bytes into five-bit groups, most significant bits first, padding the last group
    /// with zero bits.
    public static func groups(fromBytes bytes: [UInt8]) -> [UInt8] {
        var groups: [UInt8] = []
        groups.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                groups.append(UInt8(buffer >> UInt32(bits) & 31))
            }
        }
        if bits > 0 { groups.append(UInt8(buffer << UInt32(5 - bits) & 31)) }
        return groups
    }

    /// Joins five-bit groups into bytes. Leftover bits must be fewer than five and all zero,
    /// so each byte string has exactly one group form.
    public static func bytes(fromGroups groups: [UInt8]) throws(Bech32mError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(groups.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for (offset, group) in groups.enumerated() {
            guard group < 32 else { throw .invalidDataValue(offset: offset) }
            buffer = (buffer << 5 | UInt32(group)) & 0xfff
            bits += 5
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(buffer >> UInt32(bits) & 0xff))
            }
        }
        guard bits < 5, buffer & ((1 << UInt32(bits)) - 1) == 0 else { throw .invalidPadding }
        return bytes
    }

    /// The six checksum groups for `prefix` (lower case) and `data`.
    private static func checksum(prefix: [UInt8], data: [UInt8]) -> [UInt8] {
        let residue = polymod(expand(prefix) + data + [UInt8](repeating: 0, count: checksumLength))
            ^ checksumConstant
        return (0..<checksumLength).map { UInt8(residue >> UInt32(5 * (checksumLength - 1 - $0)) & 31) }
    }

    /// The prefix as checksum input: each byte's high three bits, a zero, then each low five bits.
    private static func expand(_ prefix: [UInt8]) -> [UInt8] {
        prefix.map { $0 >> 5 } + [0] + prefix.map { $0 & 31 }
    }

    /// The remainder of the values, read as a polynomial over GF(32), modulo BIP-173's generator.
    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let generator: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var residue: UInt32 = 1
        for value in values {
            let top = residue >> 25
            residue = (residue & 0x1ff_ffff) << 5 ^ UInt32(value)
            for bit in 0..<5 where top >> UInt32(bit) & 1 == 1 { residue ^= generator[bit] }
        }
        return residue
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5a).contains(byte) ? byte | 0x20 : byte
    }
}

/// Why a bech32m string (or an address written in one) was rejected. Each case names one
/// rule of BIP-350 or of Folio's address form, so a caller can tell a typo from a wrong network.
public enum Bech32mError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The string is longer than the 90 characters BIP-350 allows.
    case tooLong(length: Int)
    /// The byte at `offset` is not printable US-ASCII (33 through 126).
    case characterOutOfRange(offset: Int)
    /// The string mixes upper- and lower-case letters; it must be one or the other.
    case mixedCase
    /// There is no `1` separating the human-readable part from the data.
    case missingSeparator
    /// The human-readable part before the separator is empty.
    case emptyHumanReadablePart
    /// Fewer than six characters follow the separator, so there is no room for a checksum.
    case checksumTooShort
    /// The character at `offset` after the separator is not in the bech32 alphabet.
    case invalidDataCharacter(offset: Int)
    /// The checksum does not match: the string was mistyped, or is bech32 rather than bech32m.
    case invalidChecksum
    /// A data value handed to the encoder at `offset` does not fit in five bits.
    case invalidDataValue(offset: Int)
    /// Leftover bits when regrouping five-bit groups into bytes were more than four, or not zero.
    case invalidPadding
    /// The human-readable part is a valid prefix, but not the one the expected network uses.
    case wrongPrefix(expected: String, found: String)
    /// The human-readable part is not the prefix of any Folio network.
    case unknownPrefix(String)
    /// The data part has the wrong number of five-bit groups for the value it should hold.
    case wrongDataLength(expected: Int, actual: Int)

    public var description: String {
        switch self {
        case let .tooLong(length): return "text is \(length) characters; bech32m allows at most 90"
        case let .characterOutOfRange(offset): return "character at \(offset) is not printable ASCII"
        case .mixedCase: return "text mixes upper and lower case; use one case throughout"
        case .missingSeparator: return "no '1' separator between the prefix and the data"
        case .emptyHumanReadablePart: return "the prefix before the '1' separator is empty"
        case .checksumTooShort: return "fewer than 6 characters after the separator; the checksum is missing"
        case let .invalidDataCharacter(offset): return "character at \(offset) is not in the bech32 alphabet"
        case .invalidChecksum: return "checksum does not match; check the text for a typo"
        case let .invalidDataValue(offset): return "data value at \(offset) does not fit in 5 bits"
        case .invalidPadding: return "data does not regroup into whole bytes (bad padding)"
        case let .wrongPrefix(expected, found): return "prefix '\(found)' belongs to another network; expected '\(expected)'"
        case let .unknownPrefix(found): return "prefix '\(found)' is not a Folio address prefix"
        case let .wrongDataLength(expected, actual): return "data holds \(actual) five-bit groups; expected \(expected)"
        }
    }
}
