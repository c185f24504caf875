import FolioAPI
import FolioCore

/// The wallet's copy of the chain's near-duplicate gate, run before signing so a registration
/// consensus would reject is refused here, naming the earlier work, without paying a fee.
///
/// The chain (docs/chain.md, "Works") rejects a registration within the duplicate distance of
/// a work the sender holds no share in, unless it declares that work as a parent and the
/// sender holds a licence allowing derivatives. The wallet cannot see licences cheaply, so a
/// declared parent skips the local check and the node's dry run decides.
public enum DuplicateGate {
    /// The duplicate distance of the dev chain and the testnet genesis files (measured for the
    /// shipped model, docs/fingerprint.md "Thresholds"), used when the node does not report its own.
    public static let fallbackDuplicateDistance = 12

    /// The earliest-listed (nearest) match within `duplicateDistance` that is not one of
    /// `parents` and that `sender` holds no share in, with its owners; `nil` if none blocks.
    public static func blockingMatch(
        _ candidates: [(match: SimilarWork, work: WorkSummary)], sender: String, parents: [String], duplicateDistance: Int
    ) -> (match: SimilarWork, work: WorkSummary)? {
        candidates.first { candidate in
            candidate.match.distance <= duplicateDistance
                && !parents.contains(candidate.match.id)
                && !candidate.work.owners.contains { $0.address == sender }
        }
    }

    /// The refusal for a blocking match.
    public static func refusal(_ match: SimilarWork, work: WorkSummary, duplicateDistance: Int) -> WalletError {
        let owners = work.owners.map(\.address).joined(separator: ", ")
        let title = work.title.map { " \"\($0)\"" } ?? ""
        return WalletError(code: "near-duplicate", exit: .refused, message: """
            the file is a near-duplicate of registered work \(match.id)\(title) owned by \(owners) \
            (\(match.distance) bits apart; the chain refuses \(duplicateDistance) or fewer). Nothing was sent. \
            If this is a licensed derivative, register it with --parent \(match.id).
            """)
    }
}
