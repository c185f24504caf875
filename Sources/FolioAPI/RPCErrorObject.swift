/// The `error` member of a JSON-RPC response: a code and a message that says what went wrong
/// and what to do next.
public struct RPCErrorObject: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The error code.
    public var code: RPCErrorCode
    /// A sentence for a person: what went wrong and how to fix it.
    public var message: String

    /// Creates an error object.
    public init(code: RPCErrorCode, message: String) {
        self.code = code
        self.message = message
    }

    /// `message (code N)`.
    public var description: String { "\(message) (code \(code.rawValue))" }

    /// A `-32000` error naming what was not found.
    public static func notFound(_ what: String) -> RPCErrorObject {
        RPCErrorObject(code: .notFound, message: "\(what) is not known to this node; check the id, or wait until the node has synced")
    }
}
