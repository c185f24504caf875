import FolioCore
import FolioCrypto
import FolioNetwork
import FolioNode
import FolioPeer
import FolioWire
import NIOCore
import NIOEmbedded
#if canImport(Glibc)
import Glibc
#endif

// B17 (BENCHMARKS.md): encrypted bulk block transfer. Three measurements of the same blocks,
// each side timed apart in CPU-seconds of this process, rates in plaintext payload bytes:
//
// - transport: the encrypted transport's own work on a block's bytes. The sender seals the
//   already-encoded payload (SessionCipher, the object a session seals with) and frames it
//   into a NIO ByteBuffer as FrameEncoder does for the socket; the receiver's decoder pipeline
//   cuts the frame out of those bytes (FrameDecoder) and it is opened (authentication,
//   decryption). This is B17's
//   figure: it is the part OpenSSL's AEAD rate is a fair reference for.
// - codec: encoding and decoding the `block` message alone (FolioCore's canonical codec).
// - full path: a handshaken PeerSession sends `.block` (encode, seal) framed into a buffer;
//   the other cuts the frame and receives it (open, decode), as a node does.
//
// Frames go through in batches of `batch`, the sender's batch then the receiver's, so the
// memory of a batch is reused as a connection's would be, rather than every sealed block of
// the run being held at once. scripts/bench-transport.sh compares the rates with `openssl
// speed -evp chacha20-poly1305` at 16 KiB in the same run. Prints one JSON object.
// Usage: folio-net-bench [transactions-per-block] [blocks]

/// CPU seconds this process has used.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

enum BenchError: Error { case handshake(String), transfer(String) }

/// A block of `count` transfers with fixed fields (the session never checks signatures).
func bulkBlock(transactions count: Int) throws -> Block {
    let key = try PrivateKey(seed: [UInt8](repeating: 3, count: 32))
    let signature = try Signature(bytes: [UInt8](repeating: 0x5c, count: Signature.byteCount))
    let to = Address(publicKey: try PrivateKey(seed: [UInt8](repeating: 4, count: 32)).publicKey)
    let transactions = (0..<count).map { index in
        Transaction(chainId: 7, sender: key.publicKey, nonce: UInt64(index), fee: Amount(baseUnits: 10),
                    payload: .transfer(Transfer(to: to, amount: Amount(baseUnits: UInt64(index + 1)))), signature: signature)
    }
    let header = BlockHeader(chainId: 7, height: 1, parent: .zero, merkleRoot: MerkleTree.root(of: transactions.map(\.id)),
                             stateRoot: .zero, timestamp: 1_700_000_000, seal: .proofOfWork(ProofOfWorkSeal(bits: 0x207f_ffff)))
    return Block(header: header, transactions: transactions)
}

let magic = NetworkMagic(chainId: 7)

/// Two sessions after a completed handshake.
func handshaken() throws -> (sender: PeerSession, receiver: PeerSession) {
    let version = VersionMessage(protocolVersion: PeerProtocol.version, chainId: 7, genesis: .zero, bestHeight: 0,
                                 listenPort: 9333, userAgent: "bench")
    var sender = PeerSession(role: .initiator, crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 1, count: 32))),
                             magic: magic, localVersion: version)
    var receiver = PeerSession(role: .responder, crypto: FolioPeerCrypto(identityKey: try PrivateKey(seed: [UInt8](repeating: 2, count: 32))),
                               magic: magic, localVersion: version)
    var queue: [(toReceiver: Bool, frame: Frame)] = sender.start().compactMap { if case let .send(frame, _) = $0 { (true, frame) } else { nil } }
    while !queue.isEmpty {
        let (toReceiver, frame) = queue.removeFirst()
        let outputs = toReceiver ? receiver.receive(frame) : sender.receive(frame)
        for output in outputs {
            if case let .send(reply, _) = output { queue.append((!toReceiver, reply)) }
            if case let .close(_, detail) = output { throw BenchError.handshake(detail) }
        }
    }
    guard sender.phase == .established, receiver.phase == .established else { throw BenchError.handshake("not established") }
    return (sender, receiver)
}

/// CPU seconds spent on each side of one measurement.
struct SideTimes {
    var send = 0.0
    var receive = 0.0
}

/// Runs `blocks` blocks through `send` (which frames into the outgoing bytes) and `receive`
/// (which gets each frame as the connection's decoder cut it), in batches, timing the two
/// sides apart. The receiving side is the pipeline a connection has: a `ByteToMessageHandler`
/// around `FrameDecoder`, fed the bytes in reads of at most 64 KiB, so a frame that spans
/// reads is gathered as it is from a socket.
func measure(blocks: Int, batch: Int, send: (inout ByteBuffer) throws -> Void,
             receive: (Frame) throws -> Void) throws -> SideTimes {
    let channel = EmbeddedChannel()
    try channel.pipeline.syncOperations.addHandler(
        ByteToMessageHandler(FrameDecoder(magic: magic), maximumBufferSize: FrameHeader.byteCount + WireLimits.maxFrameLength))
    var times = SideTimes()
    var wire = ByteBufferAllocator().buffer(capacity: 0)
    var done = 0
    while done < blocks {
        let count = min(batch, blocks - done)
        wire.clear()
        let sendStart = cpuSeconds()
        for _ in 0..<count { try send(&wire) }
        let receiveStart = cpuSeconds()
        var received = 0
        while wire.readableBytes > 0 {
            guard let read = wire.readSlice(length: min(wire.readableBytes, 65_536)) else { break }
            try channel.writeInbound(read)
            while let frame = try channel.readInbound(as: Frame.self) {
                try receive(frame)
                received += 1
            }
        }
        let end = cpuSeconds()
        times.send += receiveStart - sendStart
        times.receive += end - receiveStart
        guard received == count else { throw BenchError.transfer("received \(received) of \(count) frames") }
        done += count
    }
    _ = try channel.finish()
    return times
}

let arguments = CommandLine.arguments
let perBlock = arguments.count > 1 ? Int(arguments[1]) ?? 1_000 : 1_000
let blockCount = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
let batch = 16
do {
    let block = try bulkBlock(transactions: perBlock)
    let message = Message.block(BlockMessage(block: block))
    let payload = message.payload
    let encoder = FrameEncoder(magic: magic)

    // Transport: seal and frame the encoded bytes; cut and open them.
    let key = { (byte: UInt8) in [UInt8](repeating: byte, count: 32) }
    let crypto = FolioPeerCrypto(identityKey: try PrivateKey(seed: key(1)))
    var sealing = SessionCipher(crypto: crypto, magic: magic, sendKey: key(0xa1), receiveKey: key(0xb2))
    var opening = SessionCipher(crypto: crypto, magic: magic, sendKey: key(0xb2), receiveKey: key(0xa1))
    var checked = false
    let transport = try measure(blocks: blockCount, batch: batch, send: { wire in
        try encoder.encode(data: try sealing.seal(type: MessageType.block.rawValue, payload: payload), out: &wire)
    }, receive: { frame in
        let plaintext = try opening.open(frame)
        if !checked {
            guard plaintext == payload else { throw BenchError.transfer("opened bytes differ from the sealed ones") }
            checked = true
        }
        guard plaintext.count == payload.count else { throw BenchError.transfer("opened \(plaintext.count) bytes") }
    })

    // Codec: the block message's encoding and decoding alone.
    var encodeSeconds = 0.0, decodeSeconds = 0.0
    var done = 0
    while done < blockCount {
        let count = min(batch, blockCount - done)
        let encodeStart = cpuSeconds()
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(count)
        for _ in 0..<count { encoded.append(Message.block(BlockMessage(block: block)).payload) }
        let decodeStart = cpuSeconds()
        for bytes in encoded {
            guard case let .block(decoded) = try Message(type: MessageType.block.rawValue, payload: bytes),
                  decoded.block.transactions.count == perBlock else { throw BenchError.transfer("decoded the wrong block") }
        }
        let end = cpuSeconds()
        encodeSeconds += decodeStart - encodeStart
        decodeSeconds += end - decodeStart
        done += count
    }

    // Full path: sessions, with encoding on send and decoding on receive.
    var (sender, receiver) = try handshaken()
    var delivered = 0
    let full = try measure(blocks: blockCount, batch: batch, send: { wire in
        for output in sender.send(.block(BlockMessage(block: block))) {
            if case let .send(frame, _) = output { try encoder.encode(data: frame, out: &wire) }
        }
    }, receive: { frame in
        for output in receiver.receive(frame) {
            if case let .message(.block(received)) = output, received.block.transactions.count == perBlock { delivered += 1 }
            if case let .close(_, detail) = output { throw BenchError.transfer(detail) }
        }
    })
    guard delivered == blockCount else { throw BenchError.transfer("opened \(delivered) of \(blockCount) blocks") }

    let bytes = Double(payload.count * blockCount)
    func rate(_ seconds: Double) -> Int { Int(bytes / max(seconds, 1e-9)) }
    print("{\"id\":\"b17\",\"blockBytes\":\(payload.count),\"blocks\":\(blockCount),"
        + "\"transportSeal\":\(rate(transport.send)),\"transportOpen\":\(rate(transport.receive)),"
        + "\"encode\":\(rate(encodeSeconds)),\"decode\":\(rate(decodeSeconds)),"
        + "\"fullSeal\":\(rate(full.send)),\"fullOpen\":\(rate(full.receive))}")
} catch {
    print("folio-net-bench: \(error)")
    exit(1)
}
