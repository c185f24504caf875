/// `chain_info`: the chain this node follows, its tip and its sync status.
public enum ChainInfo: RPCMethod {
    /// Takes no parameters.
    public typealias Params = NoParams
    /// The chain summary.
    public typealias Result = ChainInfoResult
    /// `chain_info`.
    public static let name = "chain_info"
}

/// `chain_block`: one block, by id or by height on the best chain.
public enum ChainBlock: RPCMethod {
    /// Exactly one of `id` and `height`.
    public typealias Params = BlockQuery
    /// The block.
    public typealias Result = BlockSummary
    /// `chain_block`.
    public static let name = "chain_block"
}

/// `node_sync`: whether the node is caught up with its peers, never guessed.
public enum NodeSync: RPCMethod {
    /// Takes no parameters.
    public typealias Params = NoParams
    /// The sync status.
    public typealias Result = SyncStatus
    /// `node_sync`.
    public static let name = "node_sync"
}

/// `net_peers`: the peers this node is connected to.
public enum NetPeers: RPCMethod {
    /// Takes no parameters.
    public typealias Params = NoParams
    /// One entry per connected peer.
    public typealias Result = [PeerSummary]
    /// `net_peers`.
    public static let name = "net_peers"
}

/// `account_get`: an account's balance and next nonce.
public enum AccountGet: RPCMethod {
    /// The address.
    public typealias Params = AccountQuery
    /// The account.
    public typealias Result = AccountSummary
    /// `account_get`.
    public static let name = "account_get"
}
