import COpenSSL
import Synchronization

/// A libcrypto pointer that may cross threads because its owner serialises every use.
struct OpenSSLHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// One `EVP_PKEY` and one cached `EVP_MD_CTX` initialised to sign or verify with it.
///
/// Building the key and binding a context to it cost allocations and a provider fetch; doing
/// that once per key leaves a sign or verify with no allocation of its own. The cached
/// context is lent to one caller at a time; a concurrent caller builds a temporary one
/// instead of waiting, so threads never queue on a key.
final class EVPKey: Sendable {
    /// What the cached context is initialised for; `derive` keys get no digest context.
    enum Purpose: Sendable { case sign, verify, derive }

    private let key: OpenSSLHandle

    /// The `EVP_PKEY`, valid while this object lives.
    var pointer: OpaquePointer { key.pointer }
    private let purpose: Purpose
    private let cached: Mutex<OpenSSLHandle?>

    /// Takes ownership of `key`.
    init(owning key: OpaquePointer, purpose: Purpose) {
        self.key = OpenSSLHandle(pointer: key)
        self.purpose = purpose
        cached = Mutex(nil)
    }

    /// An Ed25519 key from raw bytes: the 32-byte seed to sign, the 32-byte point to verify.
    static func ed25519(raw: UnsafeRawBufferPointer, purpose: Purpose) throws(CryptoError) -> EVPKey {
        try make(type: EVP_PKEY_ED25519, isPrivate: purpose == .sign, raw: raw, purpose: purpose)
    }

    /// A key of libcrypto type `type` (such as `EVP_PKEY_X25519`) from its raw encoding.
    static func make(type: Int32, isPrivate: Bool, raw: UnsafeRawBufferPointer,
                     purpose: Purpose) throws(CryptoError) -> EVPKey {
        let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let made = isPrivate
            ? EVP_PKEY_new_raw_private_key(type, nil, base, raw.count)
            : EVP_PKEY_new_raw_public_key(type, nil, base, raw.count)
        guard let made else {
            ERR_clear_error()
            throw .openSSL(function: isPrivate ? "EVP_PKEY_new_raw_private_key" : "EVP_PKEY_new_raw_public_key")
        }
        return EVPKey(owning: made, purpose: purpose)
    }

    deinit {
        if let context = cached.withLock({ $0 }) { EVP_MD_CTX_free(context.pointer) }
        EVP_PKEY_free(key.pointer)
    }

    /// The raw public key bytes (32 for Ed25519 and X25519).
    func rawPublicKey() throws(CryptoError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length = out.count
        guard EVP_PKEY_get_raw_public_key(key.pointer, &out, &length) == 1, length == out.count else {
            ERR_clear_error()
            throw .openSSL(function: "EVP_PKEY_get_raw_public_key")
        }
        return out
    }

    /// Runs `body` with a context bound to this key; `nil` if no context could be made.
    func withContext<R>(_ body: (OpaquePointer) -> R) -> R? {
        let lent = cached.withLock { slot -> OpenSSLHandle? in
            defer { slot = nil }
            return slot
        }
        guard let context = lent ?? makeContext() else { return nil }
        if lent != nil, !Ed25519Contexts.reusable, !bind(context.pointer) {
            EVP_MD_CTX_free(context.pointer)
            return nil
        }
        let result = body(context.pointer)
        let returned = cached.withLock { slot -> Bool in
            guard slot == nil else { return false }
            slot = context
            return true
        }
        if !returned { EVP_MD_CTX_free(context.pointer) }
        return result
    }

    private func makeContext() -> OpenSSLHandle? {
        guard let context = EVP_MD_CTX_new() else { return nil }
        guard bind(context) else {
            EVP_MD_CTX_free(context)
            return nil
        }
        return OpenSSLHandle(pointer: context)
    }

    private func bind(_ context: OpaquePointer) -> Bool {
        let status = switch purpose {
        case .sign: EVP_DigestSignInit(context, nil, nil, nil, key.pointer)
        case .verify: EVP_DigestVerifyInit(context, nil, nil, nil, key.pointer)
        case .derive: Int32(0)
        }
        if status != 1 { ERR_clear_error() }
        return status == 1
    }
}
