import FolioCore
import FolioCrypto
import FolioTestSupport
import Foundation
import Testing
@testable import FolioKeystore

/// One entry of `Vectors/vectors.json`, written by `Vectors/make-vectors.py`.
struct KeystoreVector: Decodable, Sendable, CustomTestStringConvertible {
    let file: String
    let passphrase: String
    let seed: String
    let address: String
    let publicKey: String

    var testDescription: String { file }

    /// All vectors; empty if the manifest is missing, which the count test reports.
    static let all: [KeystoreVector] = (try? loadManifest()) ?? []

    struct Missing: Error {}

    static func loadManifest() throws -> [KeystoreVector] {
        struct List: Decodable { let vectors: [KeystoreVector] }
        return try JSONDecoder().decode(List.self, from: Data(contentsOf: url("vectors"))).vectors
    }

    static func url(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
            throw Missing()
        }
        return url
    }

    /// The committed key file's bytes.
    func fileBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: Self.url(file)))
    }
}

/// A passphrase from text.
func secret(_ text: String) -> SecretBytes {
    SecretBytes(copying: Array(text.utf8))
}

/// A private key whose seed is 32 copies of `byte`.
func testKey(_ byte: UInt8) throws -> PrivateKey {
    try PrivateKey(seed: [UInt8](repeating: byte, count: 32))
}

/// The file's bytes, or an empty array if it cannot be read.
func contents(_ path: String) -> [UInt8] {
    (try? Data(contentsOf: URL(fileURLWithPath: path))).map { Array($0) } ?? []
}

/// The names in `directory`.
func names(in directory: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
}

/// A fresh temporary directory, passed to `body` and removed afterwards.
func withTemporaryDirectory<R>(_ body: (URL) throws -> R) throws -> R {
    let directory = try TemporaryDirectory(prefix: "folio-keystore")
    defer { directory.remove() }
    return try body(directory.url)
}

/// The kind of a keystore error, for tests that check which rule refused.
enum ErrorKind: Equatable, Sendable {
    case wrongPassphrase, corrupt, unknownVersion(Int), keyNotFound, alreadyExists, io(Int32), readBackMismatch, crypto

    init(_ error: KeystoreError) {
        switch error {
        case .wrongPassphrase: self = .wrongPassphrase
        case .corrupt: self = .corrupt
        case let .unknownVersion(_, found): self = .unknownVersion(found)
        case .keyNotFound: self = .keyNotFound
        case .alreadyExists: self = .alreadyExists
        case let .io(_, _, errno): self = .io(errno)
        case .readBackMismatch: self = .readBackMismatch
        case .crypto: self = .crypto
        }
    }
}

/// The kind of error `body` throws, or `nil` if it returns.
func errorKind(_ body: () throws(KeystoreError) -> Void) -> ErrorKind? {
    do { try body() } catch { return ErrorKind(error) }
    return nil
}
