import FolioCore
import FolioWire

/// Seals and opens frames after the key agreement: ChaCha20-Poly1305 with one key per
/// direction and a 64-bit counter per direction as the nonce (counter little-endian in bytes
/// 0..<8, bytes 8..<12 zero). The frame header is the associated data, so a changed type or
/// length fails authentication; a dropped, replayed or reordered frame fails too, because the
/// receiver's counter no longer matches.
package struct SessionCipher: Sendable {
    private let magic: NetworkMagic
    private let sender: any FrameAEAD
    private let receiver: any FrameAEAD
    /// Frames sealed so far (the next nonce).
    package private(set) var sendCounter: UInt64 = 0
    /// Frames opened so far (the nonce expected next).
    package private(set) var receiveCounter: UInt64 = 0

    /// A cipher with the two directional keys.
    package init(crypto: any PeerCryptoProvider, magic: NetworkMagic, sendKey: [UInt8], receiveKey: [UInt8]) {
        self.magic = magic
        sender = crypto.frameCipher(key: sendKey)
        receiver = crypto.frameCipher(key: receiveKey)
    }

    /// The 12-byte nonce for frame number `counter`.
    package static func nonce(_ counter: UInt64) -> [UInt8] {
        var writer = CanonicalWriter(capacity: 12)
        writer.write(counter)
        writer.write(UInt32(0))
        return writer.finish()
    }

    /// The sealed frame carrying `message`. Throws for a payload over `WireLimits.maxPayloadBytes`.
    package mutating func seal(_ message: Message) throws(PeerCryptoError) -> Frame {
        try seal(type: message.type.rawValue, payload: message.payload)
    }

    /// The sealed frame carrying `plaintext` under type byte `type`, whether or not the bytes
    /// decode as that message (tests play hostile peers with it).
    package mutating func seal(type: UInt8, payload plaintext: [UInt8]) throws(PeerCryptoError) -> Frame {
        guard plaintext.count <= WireLimits.maxPayloadBytes else {
            throw .primitiveFailed("payload of \(plaintext.count) bytes exceeds the frame cap")
        }
        let header = FrameHeader(magic: magic, type: type,
                                 length: UInt32(plaintext.count + WireLimits.sealOverheadBytes))
        let sealed = try sender.seal(plaintext, nonce: Self.nonce(sendCounter), associatedData: header.bytes)
        sendCounter += 1
        return Frame(type: header.type, payload: sealed)
    }

    /// The plaintext payload of a sealed frame, in order; throws `authenticationFailed` if the
    /// frame was altered or is not the next one.
    package mutating func open(_ frame: Frame) throws(PeerCryptoError) -> [UInt8] {
        guard frame.payload.count >= WireLimits.sealOverheadBytes else { throw .authenticationFailed }
        let header = frame.header(magic: magic)
        let plaintext = try receiver.open(frame.payload, nonce: Self.nonce(receiveCounter), associatedData: header.bytes)
        receiveCounter += 1
        return plaintext
    }
}
