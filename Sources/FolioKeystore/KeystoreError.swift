import FolioCore

/// Why a keystore operation failed. Every case leaves the files on disk as they were.
public enum KeystoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The passphrase does not open this key file.
    case wrongPassphrase(path: String)
    /// The file is not a readable key file; `reason` says which part is wrong.
    case corrupt(path: String, reason: String)
    /// The file declares a format version this build does not read.
    case unknownVersion(path: String, found: Int)
    /// No key file holds this address (hex).
    case keyNotFound(address: String)
    /// A key file for this address (hex) already exists.
    case alreadyExists(address: String, path: String)
    /// A file-system call failed; `errno` is the system's error number.
    case io(operation: String, path: String, errno: Int32)
    /// The bytes read back after writing differ from the bytes written.
    case readBackMismatch(path: String)
    /// The cryptographic library refused an operation (named in `reason`).
    case crypto(reason: String)

    /// What went wrong and what to do next, for people.
    public var description: String {
        switch self {
        case let .wrongPassphrase(path):
            return "the passphrase does not open \(path). Check the passphrase (and FOLIO_PASSPHRASE or --passphrase-file) and try again."
        case let .corrupt(path, reason):
            return "\(path) is not a valid key file: \(reason). Restore it from a backup; the file was left untouched."
        case let .unknownVersion(path, found):
            return "\(path) is key-file version \(found), but this build reads version \(KeystoreFormat.currentVersion). Use a folio release that reads version \(found)."
        case let .keyNotFound(address):
            return "no key file holds address \(address). Run `folio key list` to see the keys in this keystore, or pass --keystore DIR."
        case let .alreadyExists(address, path):
            return "a key for address \(address) already exists at \(path). Nothing was written; remove or rename that file first if you mean to replace it."
        case let .io(operation, path, errno):
            return "\(operation) failed on \(path): \(SystemError.message(for: errno)) (errno \(errno)). No key file was changed; fix the cause (space, permissions) and retry."
        case let .readBackMismatch(path):
            return "the key file read back from \(path) differs from what was written; the disk may be failing. Nothing was replaced; check the disk and retry."
        case let .crypto(reason):
            return "a cryptographic operation failed: \(reason). Nothing was written; report this as a bug."
        }
    }
}

extension KeystoreError {
    /// Wraps a `CryptoError` from key derivation or sealing.
    static func from(_ error: CryptoError) -> KeystoreError {
        .crypto(reason: "\(error)")
    }
}
