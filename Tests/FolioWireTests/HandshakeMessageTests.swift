import FolioCore
import Testing
@testable import FolioWire

@Suite struct HandshakeMessageTests {
    @Test func helloIsTheRawThirtyTwoKeyBytes() {
        let key = (1...32).map { UInt8($0) }
        let payload = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"
        expectPayload(.hello(HelloMessage(keyAgreementKey: key)), payload)
        expectEveryPrefixTruncated(.hello, hex(payload))
    }

    @Test func helloWithExtraBytesIsRejected() {
        expectRejected(.hello, hex(fill(0x09, 33)), .trailingBytes(count: 1))
    }

    @Test func authIsIdentityThenSignature() throws {
        let message = AuthMessage(identity: try PublicKey(bytes: [UInt8](repeating: 0x5a, count: 32)),
                                  signature: try Signature(bytes: [UInt8](repeating: 0xc3, count: 64)))
        let payload = fill(0x5a, 32) + fill(0xc3, 64)
        expectPayload(.auth(message), payload)
        expectEveryPrefixTruncated(.auth, hex(payload))
    }

    @Test func versionFieldsAreFixedWidthLittleEndianThenUserAgent() {
        let message = VersionMessage(protocolVersion: 1, chainId: 7, genesis: hash(0xaa), bestHeight: 300,
                                     listenPort: 9333, userAgent: "folio/0.1")
        let payload = "01000000" + "07000000" + fill(0xaa, 32) + "2c01000000000000" + "7524"
            + "09" + "666f6c696f2f302e31"
        expectPayload(.version(message), payload)
        expectEveryPrefixTruncated(.version, hex(payload))
    }

    @Test func versionUserAgentOverItsCapIsRejectedBeforeReading() {
        // 257 as a varint is 81 02.
        let payload = "01000000" + "07000000" + fill(0xaa, 32) + "0000000000000000" + "0000" + "8102"
        expectRejected(.version, hex(payload), .lengthOverCap(field: "userAgent", length: 257, cap: 256))
    }

    @Test func verackHasAnEmptyPayloadAndRefusesBytes() {
        expectPayload(.verack, "")
        expectRejected(.verack, [0], .trailingBytes(count: 1))
    }
}
