import FolioCore
import FolioCrypto
@testable import FolioKeystore

// libFuzzer entry point for the keystore reader: the input is a key file's bytes. Every input
// must end in a key or a thrown `KeystoreError` (corrupt, unknown version, wrong passphrase),
// never a trap. Files whose scrypt cost is at most the light profile (N ≤ 4096, r ≤ 8, p = 1)
// are also opened with the passphrase "fuzz", so the field checks, the key derivation and the
// AEAD open see arbitrary values; costlier ones only decode, to keep each run fast.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeystore(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let file = try? KeyFile.decode(bytes, path: "fuzz.json") else { return 0 }
    guard file.kdf.n <= 4096, file.kdf.r <= 8, file.kdf.p <= 1 else { return 0 }
    _ = try? KeySealer.open(file, passphrase: SecretBytes(copying: Array("fuzz".utf8)), path: "fuzz.json")
    return 0
}
