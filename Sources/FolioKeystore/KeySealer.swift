import FolioCore
import FolioCrypto

/// Turns a private key into a `KeyFile` and back. Pure: no file system.
enum KeySealer {
    /// Label hashed with the second half of the scrypt output to make the passphrase check.
    static let checkLabel = Array("folio-keystore-check".utf8)
    /// Bytes of scrypt output: 32 for the cipher key, 32 for the passphrase check.
    static let derivedByteCount = 64

    /// A key file holding `key`'s seed under `passphrase`, with fresh salt and nonce from `random`.
    static func seal<R: RandomSource>(
        _ key: PrivateKey, passphrase: SecretBytes, cost: ScryptCost, random: inout R
    ) throws(KeystoreError) -> KeyFile {
        let salt: [UInt8], nonce: [UInt8]
        do {
            salt = try random.bytes(count: KeystoreFormat.saltByteCount)
            nonce = try random.bytes(count: ChaCha20Poly1305.nonceByteCount)
        } catch { throw .from(error) }
        let derived = try derive(passphrase: passphrase, salt: salt, n: cost.n, r: cost.r, p: cost.p, path: "")
        var file = KeyFile(
            version: KeystoreFormat.currentVersion,
            address: HexCoding.encode(Address(publicKey: key.publicKey).bytes),
            publicKey: HexCoding.encode(key.publicKey.bytes),
            kdf: .init(name: KeystoreFormat.kdfName, n: cost.n, r: cost.r, p: cost.p, salt: HexCoding.encode(salt)),
            check: HexCoding.encode(derived.check),
            cipher: .init(name: KeystoreFormat.cipherName, nonce: HexCoding.encode(nonce)),
            ciphertext: "", tag: "")
        let box: ChaCha20Poly1305.SealedBox
        do {
            box = try key.withUnsafeSeedBytes { seed in
                Result { () throws(CryptoError) in
                    try ChaCha20Poly1305.seal(seed, key: derived.cipherKey, nonce: nonce, authenticating: file.associatedData)
                }
            }.get()
        } catch { throw .from(error) }
        file.ciphertext = HexCoding.encode(box.ciphertext)
        file.tag = HexCoding.encode(box.tag)
        return file
    }

    /// The private key in `file`, checking every field; `path` names the file in errors.
    static func open(_ file: KeyFile, passphrase: SecretBytes, path: String) throws(KeystoreError) -> PrivateKey {
        let fields = try KeyFileFields(file, path: path)
        let derived = try derive(passphrase: passphrase, salt: fields.salt,
                                 n: file.kdf.n, r: file.kdf.r, p: file.kdf.p, path: path)
        guard ConstantTime.equals(derived.check, fields.check) else { throw .wrongPassphrase(path: path) }
        let seed: [UInt8]
        do {
            let box = try ChaCha20Poly1305.SealedBox(ciphertext: fields.ciphertext, tag: fields.tag)
            seed = try ChaCha20Poly1305.open(box, key: derived.cipherKey, nonce: fields.nonce,
                                             authenticating: file.associatedData)
        } catch {
            throw .corrupt(path: path, reason: "the encrypted seed or a header field was altered (authentication failed)")
        }
        let secret = SecretBytes(copying: seed)
        let key: PrivateKey
        do { key = try PrivateKey(seed: secret) } catch { throw .corrupt(path: path, reason: "the decrypted seed is not a valid key") }
        guard key.publicKey.bytes == fields.publicKey else {
            throw .corrupt(path: path, reason: "the decrypted seed does not match \"publicKey\"")
        }
        return key
    }

    /// The scrypt output split into the cipher key and the passphrase check.
    private static func derive(
        passphrase: SecretBytes, salt: [UInt8], n: UInt64, r: UInt64, p: UInt64, path: String
    ) throws(KeystoreError) -> (cipherKey: SecretBytes, check: [UInt8]) {
        let parameters: Scrypt.Parameters
        do { parameters = try Scrypt.Parameters(n: n, r: r, p: p) } catch {
            throw .corrupt(path: path, reason: "\"kdf\" cost is invalid (\(error))")
        }
        guard let memory = parameters.memoryByteCount, memory <= KeystoreFormat.maximumScryptMemory else {
            throw .corrupt(path: path, reason: "\"kdf\" asks for more than \(KeystoreFormat.maximumScryptMemory) bytes of scrypt memory")
        }
        let output: SecretBytes
        do {
            output = try Scrypt.deriveKey(password: passphrase, salt: salt, parameters: parameters,
                                          outputByteCount: derivedByteCount,
                                          memoryLimit: KeystoreFormat.maximumScryptMemory)
        } catch { throw .from(error) }
        return output.withUnsafeBytes { raw in
            let cipherKey = SecretBytes(copying: UnsafeRawBufferPointer(rebasing: raw[0..<32]))
            var hasher = SHA256.Hasher()
            hasher.update(checkLabel)
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[32..<64]))
            return (cipherKey, hasher.finalize().bytes)
        }
    }
}

/// A key file's hex fields decoded and length-checked.
struct KeyFileFields {
    let address: [UInt8]
    let publicKey: [UInt8]
    let salt: [UInt8]
    let check: [UInt8]
    let nonce: [UInt8]
    let ciphertext: [UInt8]
    let tag: [UInt8]

    /// Checks names, hex, lengths, and that the address belongs to the public key.
    init(_ file: KeyFile, path: String) throws(KeystoreError) {
        guard file.kdf.name == KeystoreFormat.kdfName else {
            throw .corrupt(path: path, reason: "\"kdf.name\" is \"\(file.kdf.name)\", expected \"\(KeystoreFormat.kdfName)\"")
        }
        guard file.cipher.name == KeystoreFormat.cipherName else {
            throw .corrupt(path: path, reason: "\"cipher.name\" is \"\(file.cipher.name)\", expected \"\(KeystoreFormat.cipherName)\"")
        }
        func field(_ name: String, _ text: String, _ count: Int) throws(KeystoreError) -> [UInt8] {
            guard let bytes = HexCoding.decode(text), bytes.count == count else {
                throw .corrupt(path: path, reason: "\"\(name)\" must be \(count) bytes of hex")
            }
            return bytes
        }
        address = try field("address", file.address, Address.byteCount)
        publicKey = try field("publicKey", file.publicKey, PublicKey.byteCount)
        salt = try field("kdf.salt", file.kdf.salt, KeystoreFormat.saltByteCount)
        check = try field("check", file.check, SHA256.byteCount)
        nonce = try field("cipher.nonce", file.cipher.nonce, ChaCha20Poly1305.nonceByteCount)
        ciphertext = try field("ciphertext", file.ciphertext, PrivateKey.seedByteCount)
        tag = try field("tag", file.tag, ChaCha20Poly1305.tagByteCount)
        guard let key = try? PublicKey(bytes: publicKey), Address(publicKey: key).bytes == address else {
            throw .corrupt(path: path, reason: "\"address\" does not belong to \"publicKey\"")
        }
    }
}
