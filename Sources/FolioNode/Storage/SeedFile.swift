import FolioCore
import FolioCrypto
import Foundation

/// A file holding one Ed25519 seed as 64 hex digits: the node's peer identity
/// (`<datadir>/node.key`, made at first start with mode 0600) or an authority's sealing key.
enum SeedFile {
    /// Reads the seed at `path`.
    static func read(_ path: String) throws(NodeStartError) -> PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .keyFile("cannot read the key file \(path)")
        }
        guard let bytes = HexCoding.decode(text.trimmingCharacters(in: .whitespacesAndNewlines)), bytes.count == 32,
              let key = try? PrivateKey(seed: bytes)
        else {
            throw .keyFile("the key file \(path) must hold one Ed25519 seed as 64 hexadecimal digits")
        }
        return key
    }

    /// Reads the seed at `path`, or makes a fresh one there (mode 0600) if the file is absent.
    static func readOrCreate(_ path: String) throws(NodeStartError) -> PrivateKey {
        if FileManager.default.fileExists(atPath: path) { return try read(path) }
        var random = SystemRandom()
        guard let seed = try? random.bytes(count: 32), let key = try? PrivateKey(seed: seed) else {
            throw .keyFile("cannot make a node key")
        }
        let text = HexCoding.encode(seed) + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw .keyFile("cannot write the node key \(path)")
        }
        return key
    }
}
