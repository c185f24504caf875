/// `tx_send`: submits a signed transaction to the node's mempool.
public enum TxSend: RPCMethod {
    /// The transaction's canonical bytes in hex.
    public typealias Params = TxSendParams
    /// The transaction id.
    public typealias Result = TxSendResult
    /// `tx_send`.
    public static let name = "tx_send"
}

/// `tx_get`: a transaction by id, pending or confirmed.
public enum TxGet: RPCMethod {
    /// The transaction id.
    public typealias Params = IdQuery
    /// The transaction.
    public typealias Result = TransactionSummary
    /// `tx_get`.
    public static let name = "tx_get"
}

/// `work_get`: a registered work by id.
public enum WorkGet: RPCMethod {
    /// The work id.
    public typealias Params = IdQuery
    /// The work.
    public typealias Result = WorkSummary
    /// `work_get`.
    public static let name = "work_get"
}

/// `work_similar`: registered works whose fingerprints lie near a given fingerprint.
public enum WorkSimilar: RPCMethod {
    /// The fingerprint and how many matches to return.
    public typealias Params = WorkSimilarParams
    /// Matches, nearest first.
    public typealias Result = [SimilarWork]
    /// `work_similar`.
    public static let name = "work_similar"
}

/// `licence_offer`: a licence offer by id.
public enum LicenceOfferGet: RPCMethod {
    /// The offer id.
    public typealias Params = IdQuery
    /// The offer.
    public typealias Result = OfferSummary
    /// `licence_offer`.
    public static let name = "licence_offer"
}

/// `licence_check`: a granted licence by id, with its current state.
public enum LicenceCheck: RPCMethod {
    /// The licence id.
    public typealias Params = IdQuery
    /// The licence.
    public typealias Result = LicenceSummary
    /// `licence_check`.
    public static let name = "licence_check"
}

/// Every method name the node serves, in the order `docs/rpc.md` lists them.
public enum RPCCatalogue {
    /// The method names.
    public static let methodNames: [String] = [
        ChainInfo.name, ChainBlock.name, NodeSync.name, NetPeers.name, AccountGet.name, TxSend.name,
        TxGet.name, WorkGet.name, WorkSimilar.name, WorkList.name, LicenceOfferGet.name, LicenceCheck.name,
        LicenceTemplateGet.name, NetFilter.name, NetBlockTimes.name,
    ]
}
