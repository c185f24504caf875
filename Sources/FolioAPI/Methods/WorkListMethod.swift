/// `work_list`: the works an address holds a share in, newest registration first.
public enum WorkList: RPCMethod {
    /// The owner and how many works to return.
    public typealias Params = WorkListParams
    /// The works, newest registration first.
    public typealias Result = [WorkSummary]
    /// `work_list`.
    public static let name = "work_list"
}

/// `work_list`'s parameters.
public struct WorkListParams: Codable, Hashable, Sendable {
    /// How many works are returned when `limit` is absent.
    public static let defaultLimit = 50
    /// The largest `limit` accepted.
    public static let maxLimit = 500

    /// The owner's address (bech32m).
    public var owner: String
    /// At most this many works (1…`maxLimit`; `defaultLimit` when absent).
    public var limit: Int?

    /// Creates the parameters.
    public init(owner: String, limit: Int? = nil) {
        self.owner = owner
        self.limit = limit
    }
}
