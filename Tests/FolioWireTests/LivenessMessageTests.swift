import FolioCore
import Testing
@testable import FolioWire

@Suite struct LivenessMessageTests {
    @Test func pingIsItsNonceLittleEndian() {
        expectPayload(.ping(PingMessage(nonce: 0x0102_0304_0506_0708)), "0807060504030201")
        expectEveryPrefixTruncated(.ping, hex("0807060504030201"))
    }

    @Test func pongIsItsNonceLittleEndian() {
        expectPayload(.pong(PongMessage(nonce: 0xfeed)), "edfe000000000000")
        expectEveryPrefixTruncated(.pong, hex("edfe000000000000"))
    }

    @Test func disconnectIsReasonTagThenDetail() {
        expectPayload(.disconnect(DisconnectMessage(reason: .wrongGenesis, detail: "bad")), "02 03 626164")
        expectEveryPrefixTruncated(.disconnect, hex("02 03 626164"))
    }

    @Test func disconnectWithAnUnknownReasonIsRejected() {
        expectRejected(.disconnect, hex("63 00"), .unknownTag(type: "DisconnectReason", tag: 99))
    }

    @Test func disconnectDetailIsCutToItsCapAtACharacterBoundary() throws {
        // 85 three-byte characters fill 255 bytes; the 86th would pass the 256-byte cap.
        let message = DisconnectMessage(reason: .timeout, detail: String(repeating: "€", count: 100))
        #expect(message.detail.utf8.count == 255)
        #expect(try Message(type: MessageType.disconnect.rawValue, payload: Message.disconnect(message).payload)
            == .disconnect(message))
    }
}
