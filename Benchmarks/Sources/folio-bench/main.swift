import FolioCrypto
#if canImport(Glibc)
import Glibc
#endif

// One benchmark per invocation; prints one JSON object so scripts/bench.sh can parse it.
// Usage: folio-bench b1-midstate | b3-sign | b3-verify [cpu-seconds]

/// B1: the PoW inner loop — double SHA-256 of an 80-byte header from a reused midstate,
/// bumping the nonce (the header's last four bytes) each iteration.
func benchmarkMidstate(seconds: Double) throws -> (Int, Double) {
    let header = (0..<80).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) }
    let midstate = try SHA256.Midstate(prefix: header[..<64])
    var tail: (UInt64, UInt64) = (0, 0)
    withUnsafeMutableBytes(of: &tail) { $0.copyBytes(from: header[64...]) }
    var nonce: UInt32 = 0
    var sink: UInt8 = 0
    let result = measure(seconds: seconds, batch: 100_000) { count in
        withUnsafeMutableBytes(of: &tail) { raw in
            for _ in 0..<count {
                raw.storeBytes(of: nonce.littleEndian, toByteOffset: 12, as: UInt32.self)
                let hash = midstate.doubleHash(tail16: UnsafeRawPointer(raw.baseAddress.unsafelyUnwrapped))
                sink ^= hash.withUnsafeBytes { $0[31] }
                nonce &+= 1
            }
        }
    }
    if sink == 0x5a { print("", terminator: "") }
    return result
}

/// The 20-byte message `openssl speed ed25519` signs, so the rates compare like for like.
let message = [UInt8](repeating: 0x2a, count: 20)

/// B3: Ed25519 signing with one key.
func benchmarkSign(seconds: Double) throws -> (Int, Double) {
    let key = try PrivateKey(seed: [UInt8](repeating: 0x11, count: 32))
    var failures = 0
    let result = measure(seconds: seconds, batch: 500) { count in
        for _ in 0..<count where (try? key.signature(for: message)) == nil { failures += 1 }
    }
    guard failures == 0 else { throw CryptoError.openSSL(function: "sign failed \(failures) times") }
    return result
}

/// B3: Ed25519 verification of one valid signature.
func benchmarkVerify(seconds: Double) throws -> (Int, Double) {
    let key = try PrivateKey(seed: [UInt8](repeating: 0x11, count: 32))
    let signature = try key.signature(for: message)
    let publicKey = key.publicKey
    var failures = 0
    let result = measure(seconds: seconds, batch: 200) { count in
        for _ in 0..<count where !publicKey.isValidSignature(signature, for: message) { failures += 1 }
    }
    guard failures == 0 else { throw CryptoError.openSSL(function: "verify failed \(failures) times") }
    return result
}

let arguments = CommandLine.arguments
let name = arguments.count > 1 ? arguments[1] : ""
let seconds = arguments.count > 2 ? Double(arguments[2]) ?? 1 : 1
let benchmarks: [String: (Double) throws -> (Int, Double)] = [
    "b1-midstate": benchmarkMidstate, "b3-sign": benchmarkSign, "b3-verify": benchmarkVerify,
]
guard let run = benchmarks[name] else {
    print("usage: folio-bench \(benchmarks.keys.sorted().joined(separator: "|")) [cpu-seconds]")
    exit(2)
}
do {
    let (operations, cpu) = try run(seconds)
    print("{\"benchmark\":\"\(name)\",\"operations\":\(operations),\"cpu_seconds\":\(cpu),\"per_cpu_second\":\(Double(operations) / cpu)}")
} catch {
    print("folio-bench \(name) failed: \(error)")
    exit(1)
}
