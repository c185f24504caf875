import FolioCrypto
import Testing
@testable import FolioCore

/// The writer keeps spare room past what it has written and grows by doubling. These check
/// that no spare byte ever leaks into the output, across growth and after `finish()`, against
/// bytes built here by hand with plain appends (little-endian integers, LEB128 varints).
@Suite struct CanonicalWriterGrowthTests {
    /// Little-endian bytes of `value`, byte by byte.
    private func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// LEB128 of `value`, written out the long way.
    private func leb128(_ value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        var rest = value
        repeat {
            let group = UInt8(rest & 0x7f)
            rest >>= 7
            out.append(rest == 0 ? group : group | 0x80)
        } while rest != 0
        return out
    }

    /// A fixed, well-spread value for field `index`, salt `salt` (Fibonacci hashing), so the
    /// sequence of fields is the same on every run.
    private func spread(_ index: Int, _ salt: UInt64) -> UInt64 {
        let mixed = (UInt64(index) &+ salt &* 0x632b_e59b_d9b4_e019) &* 0x9e37_79b9_7f4a_7c15
        return mixed ^ (mixed >> 29)
    }

    @Test("many mixed fields from a tiny capacity equal the hand-built bytes")
    func mixedFieldsAcrossGrowth() throws {
        var writer = CanonicalWriter(capacity: 1)
        var expected: [UInt8] = []
        for index in 0..<3_000 {
            let value = spread(index, 1)
            switch spread(index, 2) % 7 {
            case 0:
                writer.write(UInt8(truncatingIfNeeded: value))
                expected.append(UInt8(truncatingIfNeeded: value))
            case 1:
                writer.write(UInt32(truncatingIfNeeded: value))
                expected += littleEndian(UInt32(truncatingIfNeeded: value))
            case 2:
                writer.write(value)
                expected += littleEndian(value)
            case 3:
                let shifted = value >> (spread(index, 3) % 64)
                writer.writeVarInt(shifted)
                expected += leb128(shifted)
            case 4:
                // 20 and 32 bytes take the word-move paths; other sizes the plain copy.
                let size = [20, 32, 64, 3, 0][Int(spread(index, 4) % 5)]
                let raw = (0..<size).map { UInt8(truncatingIfNeeded: spread(index &* 131 &+ $0, 5)) }
                raw.withUnsafeBytes { writer.writeRaw($0) }
                expected += raw
            case 5:
                let blob = (0..<Int(value % 301)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
                writer.writeBlob(blob)
                expected += leb128(UInt64(blob.count)) + blob
            default:
                let text = String(repeating: "é", count: Int(value % 41))
                writer.writeString(text)
                expected += leb128(UInt64(text.utf8.count)) + Array(text.utf8)
            }
        }
        #expect(writer.bytes == expected)
        #expect(writer.finish() == expected)
    }

    @Test("writing after finish() carries on from the end, and bytes matches finish()")
    func writingAfterFinish() {
        var writer = CanonicalWriter(capacity: 64)
        writer.write(UInt16(0x0201))
        let first = writer.finish()
        #expect(first == [0x01, 0x02])
        writer.write(UInt8(3))
        writer.writeRaw([4, 5, 6] as [UInt8])
        #expect(writer.bytes == [1, 2, 3, 4, 5, 6])
        #expect(writer.finish() == [1, 2, 3, 4, 5, 6])
        // The array handed out before is a value: later writes do not reach it.
        #expect(first == [0x01, 0x02])
    }

    @Test("an empty writer gives no bytes")
    func emptyWriter() {
        var writer = CanonicalWriter(capacity: 1_000)
        #expect(writer.bytes.isEmpty)
        #expect(writer.finish().isEmpty)
    }

    @Test("a transaction's bytes are the same through a tiny and a large writer")
    func transactionThroughBothCapacities() throws {
        let transaction = Transaction(
            chainId: 0x0a0b_0c0d, sender: try PublicKey(bytes: [UInt8](repeating: 0x11, count: 32)), nonce: 7, fee: Amount(baseUnits: 9),
            payload: .transfer(Transfer(to: try #require(Address(bytes: [UInt8](repeating: 0x22, count: 20))), amount: Amount(baseUnits: 5))),
            signature: try Signature(bytes: [UInt8](repeating: 0x33, count: 64)))
        var small = CanonicalWriter(capacity: 1)
        transaction.encode(to: &small)
        var large = CanonicalWriter(capacity: 4_096)
        transaction.encode(to: &large)
        // By hand from the layout in Transaction's documentation: chainId, sender, nonce, fee,
        // tag 0 and the transfer (address, amount), signature.
        let expected = littleEndian(UInt32(0x0a0b_0c0d)) + [UInt8](repeating: 0x11, count: 32) + littleEndian(UInt64(7))
            + littleEndian(UInt64(9)) + [0] + [UInt8](repeating: 0x22, count: 20) + littleEndian(UInt64(5))
            + [UInt8](repeating: 0x33, count: 64)
        #expect(small.finish() == expected)
        #expect(large.finish() == expected)
    }
}
