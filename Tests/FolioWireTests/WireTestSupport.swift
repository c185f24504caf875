import FolioCore
import Testing
@testable import FolioWire

/// The bytes of hex written in a test; spaces group the fields.
func hex(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [UInt8] {
    guard let bytes = HexCoding.decode(text.filter { $0 != " " }) else {
        Issue.record("malformed hex in test: \(text)", sourceLocation: sourceLocation)
        return []
    }
    return bytes
}

/// `n` copies of the byte `b` as hex.
func fill(_ byte: UInt8, _ count: Int) -> String {
    String(repeating: HexCoding.encode([byte]), count: count)
}

/// Checks that `message` has exactly the payload `expectedHex`, and that the payload decodes
/// back to the same message under its own type byte.
func expectPayload(_ message: Message, _ expectedHex: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = hex(expectedHex, sourceLocation: sourceLocation)
    #expect(HexCoding.encode(message.payload) == HexCoding.encode(expected), sourceLocation: sourceLocation)
    do {
        #expect(try Message(type: message.type.rawValue, payload: expected) == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("the expected payload did not decode: \(error)", sourceLocation: sourceLocation)
    }
}

/// Checks that every proper prefix of `payload` fails as a truncated message of `type`.
func expectEveryPrefixTruncated(_ type: MessageType, _ payload: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
    for cut in 0..<payload.count {
        do {
            let decoded = try Message(type: type.rawValue, payload: Array(payload.prefix(cut)))
            Issue.record("a \(cut)-byte prefix decoded as \(decoded)", sourceLocation: sourceLocation)
        } catch {
            guard case .malformed(type, .truncated) = error else {
                Issue.record("a \(cut)-byte prefix failed with \(error), not truncation", sourceLocation: sourceLocation)
                continue
            }
        }
    }
}

/// Checks that `payload` of `type` fails with exactly `expected`.
func expectRejected(_ type: MessageType, _ payload: [UInt8], _ expected: CodecError,
                    sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(throws: WireError.malformed(type: type, expected), sourceLocation: sourceLocation) {
        try Message(type: type.rawValue, payload: payload)
    }
}

/// The proof-of-work header used by the sync vectors, field by field:
/// version 1, chain 7, height 1, parent 01…, merkle 02…, state 03…, time 1_700_000_000,
/// seal tag 0, bits 0x1d00ffff, extra nonce 0, nonce 5.
let sampleHeaderHex = "01000000" + "07000000" + "0100000000000000" + fill(0x01, 32) + fill(0x02, 32)
    + fill(0x03, 32) + "00f1536500000000" + "00" + "ffff001d" + "00000000" + fill(0x04, 20) + "0500000000000000"

/// The header `sampleHeaderHex` describes.
func sampleHeader() -> BlockHeader {
    BlockHeader(chainId: 7, height: 1, parent: hash(0x01), merkleRoot: hash(0x02), stateRoot: hash(0x03),
                timestamp: 1_700_000_000,
                seal: .proofOfWork(ProofOfWorkSeal(bits: 0x1d00_ffff, extraNonce: 0, payee: Address(bytes: [UInt8](repeating: 0x04, count: 20)) ?? .zero, nonce: 5)))
}

/// A hash of 32 copies of `byte`.
func hash(_ byte: UInt8) -> Hash256 {
    Hash256(bytes: [UInt8](repeating: byte, count: 32)) ?? .zero
}
