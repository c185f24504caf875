/// Why a client call failed, each with what to do about it.
public enum RPCClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The cookie file is missing or unreadable.
    case cookieUnreadable(path: String)
    /// The cookie file does not hold `user:secret`.
    case malformedCookie(path: String)
    /// The node could not be reached.
    case transport(detail: String)
    /// The node answered with an HTTP status other than 200 and no JSON-RPC error.
    case http(status: Int, body: String)
    /// The node's answer is not a JSON-RPC response of the expected shape.
    case malformedResponse(detail: String)
    /// The node answered with a JSON-RPC error.
    case server(RPCErrorObject)

    public var description: String {
        switch self {
        case let .cookieUnreadable(path):
            return "cannot read the node's cookie file \(path); is foliod running with that data directory?"
        case let .malformedCookie(path):
            return "the cookie file \(path) does not hold user:secret; restart foliod to rewrite it"
        case let .transport(detail):
            return "cannot reach the node (\(detail)); check that foliod is running and the RPC address is right"
        case let .http(status, body) where status == 401:
            return "the node refused the credentials (HTTP 401: \(body)); use the data directory's .cookie or the configured token"
        case let .http(status, body):
            return "the node answered HTTP \(status): \(body)"
        case let .malformedResponse(detail):
            return "the node's answer is not a JSON-RPC response (\(detail)); check the RPC address points at foliod"
        case let .server(error):
            return error.description
        }
    }
}
