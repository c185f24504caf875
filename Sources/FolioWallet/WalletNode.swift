import FolioAPI
import FolioCore
import FolioCrypto

/// The wallet's view of one node: typed calls whose failures are already wallet errors, and
/// signing and sending a transaction. Keys never leave this process; only signed bytes do.
public struct WalletNode: Sendable {
    /// The JSON-RPC client.
    public let client: RPCClient
    /// The network addresses are written for when talking to the node.
    public let network: NetworkKind

    /// A node reached through `client`.
    public init(client: RPCClient, network: NetworkKind) {
        self.client = client
        self.network = network
    }

    /// Calls `method`, turning every failure into a `WalletError` with its exit status.
    public func call<Method: RPCMethod>(_ method: Method.Type, _ params: Method.Params) async throws(WalletError) -> Method.Result {
        do { return try await client.call(method, params) } catch {
            throw .node(error, endpoint: client.endpoint.absoluteString)
        }
    }

    /// Calls a method without parameters.
    public func call<Method: RPCMethod>(_ method: Method.Type) async throws(WalletError) -> Method.Result
    where Method.Params == NoParams {
        try await call(method, NoParams())
    }

    /// The chain summary.
    public func chainInfo() async throws(WalletError) -> ChainInfoResult { try await call(ChainInfo.self) }

    /// An account's balance and next nonce.
    public func account(_ address: Address) async throws(WalletError) -> AccountSummary {
        try await call(AccountGet.self, AccountQuery(address: AddressText.format(address, network: network)))
    }

    /// `payload` ready to sign for `sender`'s account: chain id from `chain_info`, nonce from
    /// `account_get`. Asked before any passphrase, so a node that is down fails first.
    public func prepare(_ payload: TransactionPayload, fee: Amount, sender: Address) async throws(WalletError) -> UnsignedTransaction {
        let chain = try await chainInfo()
        let account = try await account(sender)
        return UnsignedTransaction(chainId: chain.chainId, nonce: account.pendingNonce ?? account.nonce, fee: fee, payload: payload)
    }

    /// Signs `unsigned` with `key` and submits it. Returns the signed transaction after
    /// checking the id the node answered is the id computed here (a node that disagrees is not
    /// following the same rules, so nothing it says about the transaction can be trusted).
    public func submit(_ unsigned: UnsignedTransaction, key: PrivateKey) async throws(WalletError) -> Transaction {
        let transaction = try unsigned.signed(by: key)
        let result = try await call(TxSend.self, TxSendParams(transaction: HexCoding.encode(transaction.canonicalBytes)))
        guard result.id == transaction.id.hex else {
            throw .nodeUnreachable("""
                the node answered transaction id \(result.id), but the transaction's id is \(transaction.id.hex). \
                The node may follow other rules; check --rpc points at the right foliod.
                """)
        }
        return transaction
    }
}
