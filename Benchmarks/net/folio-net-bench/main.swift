import FolioCore
import FolioCrypto
import FolioNode
import FolioPeer
import FolioWire
#if canImport(Glibc)
import Glibc
#endif

// B17 (BENCHMARKS.md): encrypted bulk block transfer through the peer session. Two sessions
// complete a real handshake in memory; then one seals `block` messages (canonical encoding,
// ChaCha20-Poly1305 under the session key, framing) and the other opens them in order
// (authentication, decryption, decoding). Each side's rate is payload bytes per CPU-second of
// this process; scripts/bench-transport.sh compares them with `openssl speed -evp
// chacha20-poly1305` at 16 KiB in the same run. Prints one JSON object.
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

/// Two sessions after a completed handshake.
func handshaken() throws -> (sender: PeerSession, receiver: PeerSession) {
    let version = VersionMessage(protocolVersion: PeerProtocol.version, chainId: 7, genesis: .zero, bestHeight: 0,
                                 listenPort: 9333, userAgent: "bench")
    let magic = NetworkMagic(chainId: 7)
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

let arguments = CommandLine.arguments
let perBlock = arguments.count > 1 ? Int(arguments[1]) ?? 1_000 : 1_000
let blockCount = arguments.count > 2 ? Int(arguments[2]) ?? 200 : 200
do {
    let block = try bulkBlock(transactions: perBlock)
    var (sender, receiver) = try handshaken()

    var frames: [Frame] = []
    frames.reserveCapacity(blockCount)
    let sealStart = cpuSeconds()
    for _ in 0..<blockCount {
        for output in sender.send(.block(BlockMessage(block: block))) {
            if case let .send(frame, _) = output { frames.append(frame) }
        }
    }
    let sealSeconds = cpuSeconds() - sealStart
    guard frames.count == blockCount else { throw BenchError.transfer("sealed \(frames.count) frames for \(blockCount) blocks") }

    var delivered = 0
    let openStart = cpuSeconds()
    for frame in frames {
        for output in receiver.receive(frame) {
            if case let .message(.block(message)) = output, message.block.transactions.count == perBlock { delivered += 1 }
            if case let .close(_, detail) = output { throw BenchError.transfer(detail) }
        }
    }
    let openSeconds = cpuSeconds() - openStart
    guard delivered == blockCount else { throw BenchError.transfer("opened \(delivered) of \(blockCount) blocks") }

    let payloadBytes = Double(frames.reduce(0) { $0 + $1.payload.count })
    print("{\"id\":\"b17\",\"blockBytes\":\(frames.first?.payload.count ?? 0),\"blocks\":\(blockCount),"
        + "\"sealBytesPerCPUSecond\":\(Int(payloadBytes / max(sealSeconds, 1e-9))),"
        + "\"openBytesPerCPUSecond\":\(Int(payloadBytes / max(openSeconds, 1e-9)))}")
} catch {
    print("folio-net-bench: \(error)")
    exit(1)
}
