import FolioAPI
import FolioCore

/// Parses and checks parameter text (hex ids, bech32m addresses, fingerprints, transaction
/// bytes), throwing -32602 errors that name the parameter and the expected form.
enum ParamParser {
    /// Largest transaction hex accepted, in characters (twice the block byte cap would be
    /// absurd; one transaction is far smaller than the HTTP body cap already enforces).
    static let maxTransactionHexCharacters = 2 * 1_048_576
    /// Most matches `work_similar` returns.
    static let maxSimilarLimit = 100

    static func hash(_ text: String, name: String) throws(RPCErrorObject) -> Hash256 {
        guard text.utf8.count == 64, let hash = Hash256(hex: text.lowercased()) else {
            throw invalid("\"\(name)\" must be 64 hexadecimal digits, got \(quoted(text))")
        }
        return hash
    }

    static func locator(_ query: BlockQuery) throws(RPCErrorObject) -> BlockLocator {
        switch (query.id, query.height) {
        case let (id?, nil): return .id(try hash(id, name: "id"))
        case let (nil, height?): return .height(height)
        default: throw invalid("give exactly one of \"id\" (64 hex digits) and \"height\" (an integer)")
        }
    }

    static func address(_ text: String, network: NetworkKind) throws(RPCErrorObject) -> Address {
        do { return try Address(bech32m: text, network: network) } catch {
            throw invalid("\"address\" must be a \(network.addressPrefix)1… address on this network: \(error)")
        }
    }

    static func fingerprint(_ text: String) throws(RPCErrorObject) -> Fingerprint {
        guard text.utf8.count == 2 * Fingerprint.byteCount, let bytes = HexCoding.decode(text.lowercased()),
              let fingerprint = Fingerprint(bytes: bytes) else {
            throw invalid("\"fingerprint\" must be 64 hexadecimal digits (256 bits), got \(quoted(text))")
        }
        return fingerprint
    }

    static func limit(_ value: Int?) throws(RPCErrorObject) -> Int {
        guard let value else { return 10 }
        guard (1...maxSimilarLimit).contains(value) else {
            throw invalid("\"limit\" must be from 1 to \(maxSimilarLimit), got \(value)")
        }
        return value
    }

    static func transaction(_ text: String) throws(RPCErrorObject) -> Transaction {
        guard text.utf8.count <= maxTransactionHexCharacters, text.utf8.count % 2 == 0,
              let bytes = HexCoding.decode(text.lowercased()) else {
            throw invalid("\"transaction\" must be the signed transaction's canonical bytes as hex")
        }
        do { return try Transaction(canonicalBytes: bytes) } catch {
            throw invalid("\"transaction\" does not decode: \(error.description); re-sign it with a current wallet")
        }
    }

    private static func invalid(_ message: String) -> RPCErrorObject {
        RPCErrorObject(code: .invalidParams, message: message)
    }

    private static func quoted(_ text: String) -> String {
        text.count > 80 ? "\"\(text.prefix(80))…\"" : "\"\(text)\""
    }
}
