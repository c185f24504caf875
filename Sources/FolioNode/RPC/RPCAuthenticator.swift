import FolioAPI
import FolioCrypto
import Foundation

/// Decides whether an `Authorization` header may call `/rpc`.
struct RPCAuthenticator: Sendable {
    /// How callers authenticate.
    enum Mode: Sendable {
        /// Anyone may call (allowed only on a loopback address; `NodeConfig` checks).
        case off
        /// HTTP Basic `__cookie__:<secret>`, the secret read from the cookie file.
        case cookie(secret: String)
        /// `Bearer <token>`, or HTTP Basic with any user and the token as password.
        case token(String)
    }

    let mode: Mode

    /// Whether `header` (the `Authorization` value, if any) is accepted.
    func accepts(_ header: String?) -> Bool {
        switch mode {
        case .off:
            return true
        case let .cookie(secret):
            guard let (user, password) = Self.basic(header) else { return false }
            return user == RPCDefaults.cookieUser && ConstantTime.equals(Array(password.utf8), Array(secret.utf8))
        case let .token(token):
            if let header, header.hasPrefix("Bearer ") {
                return ConstantTime.equals(Array(header.dropFirst(7).utf8), Array(token.utf8))
            }
            guard let (_, password) = Self.basic(header) else { return false }
            return ConstantTime.equals(Array(password.utf8), Array(token.utf8))
        }
    }

    /// What a refused caller is told.
    var refusal: String {
        switch mode {
        case .off: return ""
        case .cookie:
            return "authentication required: send HTTP Basic credentials from the data directory's .cookie file (user:secret)\n"
        case .token: return "authentication required: send Authorization: Bearer <rpc-token>\n"
        }
    }

    private static func basic(_ header: String?) -> (String, String)? {
        guard let header, header.hasPrefix("Basic "),
              let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: decoded, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
