import FolioAPI
import FolioCore
import FolioLicence

/// The ledger facts licence terms read about a work (`work.*`, `owners(a)` of its ancestors),
/// gathered from the node the way the chain gathers them from its state: the work, then its
/// ancestors breadth-first, nearest first, each once, at most 8 deep and 64 in all.
public enum LicenceWorkFacts {
    /// How deep and how many ancestors are read (the chain's own bounds).
    public static let ancestorDepth = 8
    public static let ancestorCount = 64

    /// Facts for `work` and each of its ancestors, keyed by work id. `fetch` reads one work
    /// from the node.
    public static func gather(_ work: WorkSummary, network: NetworkKind,
                              fetch: (String) async throws(WalletError) -> WorkSummary) async throws(WalletError) -> [Hash256: WorkFacts] {
        var summaries: [String: WorkSummary] = [work.id: work]
        var ancestors: [String] = []
        var level = work.parents ?? []
        for _ in 0..<ancestorDepth where !level.isEmpty {
            var next: [String] = []
            for id in level where ancestors.count < ancestorCount && summaries[id] == nil {
                let summary = try await fetch(id)
                summaries[id] = summary
                ancestors.append(id)
                next += summary.parents ?? []
            }
            level = next
        }
        // Like the chain, only the licensed work carries its ancestors and upstream state (its
        // parents are the first ancestors read, so they are at hand); terms cannot read more.
        var facts: [Hash256: WorkFacts] = [:]
        for (id, summary) in summaries {
            let isLicensed = id == work.id
            let parents = isLicensed ? (summary.parents ?? []).compactMap { summaries[$0] } : []
            let key = try WorkPayloads.hash(id, name: "work id")
            facts[key] = try self.facts(summary, ancestors: isLicensed ? ancestors : [], parents: parents, network: network)
        }
        return facts
    }

    /// One work's facts from its summary.
    static func facts(_ summary: WorkSummary, ancestors: [String], parents: [WorkSummary],
                      network: NetworkKind) throws(WalletError) -> WorkFacts {
        var owners: [Share] = []
        for owner in summary.owners {
            owners.append(Share(party: try AddressText.parse(owner.address, network: network), weight: Int64(clamping: owner.share)))
        }
        var parentIds: [Hash256] = [], ancestorIds: [Hash256] = []
        for id in summary.parents ?? [] { parentIds.append(try WorkPayloads.hash(id, name: "parent work id")) }
        for id in ancestors { ancestorIds.append(try WorkPayloads.hash(id, name: "ancestor work id")) }
        return WorkFacts(id: try WorkPayloads.hash(summary.id, name: "work id"), owners: owners, registeredAt: summary.time ?? 0,
                         media: summary.mediaType.flatMap { name in UseMedium.allCases.first { $0.name == name } },
                         parents: parentIds, ancestors: ancestorIds, upstreamState: upstreamState(registrant: summary.registrant, parents: parents))
    }

    /// The state of the licence the registrant holds on its parents: active if any is, else
    /// the first found; nil for an original or where none is held (the chain's rule).
    static func upstreamState(registrant: String, parents: [WorkSummary]) -> LicenceStatus? {
        var found: LicenceStatus?
        for parent in parents {
            for licence in parent.licences ?? [] where licence.licensee == registrant {
                let status = LicenceStatus.allCases.first { $0.name == licence.state }
                if status == .active { return .active }
                if found == nil { found = status }
            }
        }
        return found
    }
}
