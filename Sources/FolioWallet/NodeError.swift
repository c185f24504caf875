import FolioAPI

extension WalletError {
    /// A failed node call as a wallet error, with the exit status `docs/wallet.md` gives it:
    /// no answer, bad credentials or a broken node are exit 3; a refused transaction or an
    /// unknown id is exit 1 (the rules or the ledger said no); parameters the node could not
    /// read are exit 2.
    public static func node(_ error: RPCClientError, endpoint: String) -> WalletError {
        switch error {
        case let .transport(detail):
            return .nodeUnreachable("no node answered at \(endpoint) (\(detail)). Start foliod, or check --rpc URL (or FOLIO_RPC).")
        case let .http(status, _) where status == 401:
            return WalletError(code: "node-credentials", exit: .nodeUnreachable, message: """
                the node at \(endpoint) refused the credentials (HTTP 401). Pass --datadir DIR of that node \
                (its .cookie changes at every start), or --rpc-token TOKEN.
                """)
        case .cookieUnreadable, .malformedCookie, .http, .malformedResponse:
            return .nodeUnreachable("\(error) (at \(endpoint)).")
        case let .server(object):
            return server(object, endpoint: endpoint)
        }
    }

    private static func server(_ object: RPCErrorObject, endpoint: String) -> WalletError {
        switch object.code {
        case .rejected:
            // foliod words it "transaction refused: <code>: <detail>"; the prefix is dropped so
            // the reason code leads.
            var reason = object.message
            if reason.hasPrefix("transaction refused: ") { reason.removeFirst("transaction refused: ".count) }
            return WalletError(code: "tx-refused", exit: .refused, message: """
                the node refused the transaction: \(reason). Nothing was sent to the ledger; fix the cause and send again.
                """)
        case .notFound:
            return WalletError(code: "not-found", exit: .refused, message: "\(object.message).")
        case .invalidParams:
            return .usage("the node could not read the request: \(object.message).")
        case .unavailable, .methodNotFound:
            return WalletError(code: "node-unavailable", exit: .nodeUnreachable, message: """
                the node at \(endpoint) does not serve this yet: \(object.message). Use a newer foliod.
                """)
        default:
            return .nodeUnreachable("the node at \(endpoint) failed: \(object.message) (code \(object.code.rawValue)). Its log says why.")
        }
    }
}
