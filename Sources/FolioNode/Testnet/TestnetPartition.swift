/// A network partition of a testnet: groups of node indices; each node blocks (through its
/// `net_filter`) the peer-to-peer address of every node outside its own group.
public struct TestnetPartition: Codable, Sendable, Equatable, CustomStringConvertible {
    /// The groups, each sorted, in the order given.
    public let groups: [[Int]]

    /// A partition of `nodeCount` nodes into `groups`: at least two non-empty groups, every
    /// node in exactly one.
    public init(groups: [[Int]], nodeCount: Int) throws(TestnetError) {
        guard groups.count >= 2, groups.allSatisfy({ !$0.isEmpty }) else {
            throw .usage("a partition needs at least two non-empty groups, like 0,1/2,3")
        }
        var seen = Set<Int>()
        for node in groups.joined() {
            guard (0..<nodeCount).contains(node) else {
                throw .usage("no node \(node) in the partition; this testnet has nodes 0…\(nodeCount - 1)")
            }
            guard seen.insert(node).inserted else { throw .usage("node \(node) is in more than one group") }
        }
        let missing = (0..<nodeCount).filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw .usage("every node must be in a group; missing: \(missing.map(String.init).joined(separator: ","))")
        }
        self.groups = groups.map { $0.sorted() }
    }

    /// Parses `A,B/C,D` (groups split by `/`, nodes by `,`, `a-b` for a range), like
    /// `0-9/10-19`.
    public init(parsing text: String, nodeCount: Int) throws(TestnetError) {
        var groups: [[Int]] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: false) {
            var group: [Int] = []
            for item in part.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = item.trimmingCharacters(in: .whitespaces)
                let bounds = trimmed.split(separator: "-", omittingEmptySubsequences: false)
                if bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high, high - low < 1_000 {
                    group += Array(low...high)
                } else if let node = Int(trimmed) {
                    group.append(node)
                } else {
                    throw .usage("cannot read \"\(trimmed)\" in the partition \"\(text)\"; write groups like 0,1/2,3 or 0-9/10-19")
                }
            }
            groups.append(group)
        }
        try self.init(groups: groups, nodeCount: nodeCount)
    }

    /// The group `node` is in.
    public func group(of node: Int) -> Int? { groups.firstIndex { $0.contains(node) } }

    /// The nodes `node` must not talk to: everyone outside its group.
    public func blocked(by node: Int) -> [Int] {
        guard let own = group(of: node) else { return [] }
        return groups.enumerated().filter { $0.offset != own }.flatMap(\.element).sorted()
    }

    /// `0,1 / 2,3`.
    public var description: String {
        groups.map { $0.map(String.init).joined(separator: ",") }.joined(separator: " / ")
    }
}
