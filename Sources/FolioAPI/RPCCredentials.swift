#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

/// How a client proves it may call the node.
public enum RPCCredentials: Hashable, Sendable {
    /// No credentials (the node answers 401).
    case none
    /// HTTP Basic: the cookie (`__cookie__` and the secret) or any user and the token.
    case basic(user: String, password: String)
    /// A configured token, sent as `Authorization: Bearer <token>`.
    case token(String)

    /// The credentials in the node's cookie file, `<dataDirectory>/.cookie`.
    public static func cookie(dataDirectory: String) throws(RPCClientError) -> RPCCredentials {
        let path = URL(fileURLWithPath: dataDirectory).appendingPathComponent(RPCDefaults.cookieFileName).path
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .cookieUnreadable(path: path)
        }
        return try cookie(text: text, path: path)
    }

    /// Credentials from a cookie file's contents, `user:secret`.
    static func cookie(text: String, path: String) throws(RPCClientError) -> RPCCredentials {
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex, line.index(after: colon) != line.endIndex else {
            throw .malformedCookie(path: path)
        }
        return .basic(user: String(line[..<colon]), password: String(line[line.index(after: colon)...]))
    }

    /// The `Authorization` header value, or `nil` for `.none`.
    public var authorizationHeader: String? {
        switch self {
        case .none: return nil
        case let .basic(user, password): return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case let .token(token): return "Bearer \(token)"
        }
    }
}
