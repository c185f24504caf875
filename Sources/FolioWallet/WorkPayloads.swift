import FolioCore
import FolioCrypto
import Foundation

/// Builds work payloads from command-line text: owner lists, metadata and registrations.
public enum WorkPayloads {
    /// Reads `ADDR:SHARE` entries; with none, `sender` owns the whole work. Shares are parts of
    /// 100,000,000 and must add up to exactly that (the chain's rule, checked here first).
    public static func owners(_ entries: [String], sender: Address, network: NetworkKind) throws(WalletError) -> [Ownership] {
        guard !entries.isEmpty else { return [Ownership(owner: sender, share: Ownership.wholeShare)] }
        var owners: [Ownership] = []
        for entry in entries {
            guard let colon = entry.lastIndex(of: ":"), let share = UInt64(entry[entry.index(after: colon)...]) else {
                throw .usage("--owner takes ADDR:SHARE with SHARE a whole number of parts of 100000000, not \"\(entry)\".")
            }
            owners.append(Ownership(owner: try AddressText.parse(String(entry[..<colon]), network: network), share: share))
        }
        do { try validateShares(owners) } catch {
            throw .usage("the --owner list is not a valid split: \(error). Shares must add up to \(Ownership.wholeShare).")
        }
        return owners
    }

    /// The metadata document for `k=v` entries: a JSON object with sorted keys, no spaces, so
    /// the same entries always give the same bytes and so the same hash.
    public static func metadataDocument(_ entries: [String]) throws(WalletError) -> String {
        var fields: [String: String] = [:]
        for entry in entries {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw .usage("--meta takes k=v, not \"\(entry)\".")
            }
            let key = String(entry[..<equals])
            guard fields[key] == nil else { throw .usage("--meta \(key) is given twice.") }
            fields[key] = String(entry[entry.index(after: equals)...])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(fields) else { throw .usage("the --meta entries could not be written as JSON.") }
        return String(decoding: data, as: UTF8.self)
    }

    /// A registration of the fingerprinted file.
    public static func registration(
        _ fingerprint: LocalFingerprint, title: String, metadataDocument: String, owners: [Ownership], parents: [String]
    ) throws(WalletError) -> TransactionPayload {
        guard title.utf8.count <= FolioCore.Limits.titleBytes, !title.isEmpty else {
            throw .usage("--title must be 1 to \(FolioCore.Limits.titleBytes) bytes of UTF-8.")
        }
        let parentIds = try parents.map { text throws(WalletError) in try hash(text, name: "parent work id") }
        return .registerWork(RegisterWork(
            title: title, metadataHash: SHA256.hash(Array(metadataDocument.utf8)), mediaType: fingerprint.mediaType,
            contentHash: fingerprint.identity.contentHash, fingerprint: fingerprint.identity.fingerprint,
            modelId: fingerprint.identity.modelID, owners: owners, parents: parentIds))
    }

    /// A share transfer.
    public static func shareTransfer(work: String, to: Address, share: UInt64) throws(WalletError) -> TransactionPayload {
        guard share > 0, share <= Ownership.wholeShare else {
            throw .usage("SHARE must be 1 to \(Ownership.wholeShare) parts, not \(share).")
        }
        return .transferWorkShare(TransferWorkShare(workId: try hash(work, name: "work id"), to: to, share: share))
    }

    /// 64 hex digits as a hash, or a usage error naming the argument.
    public static func hash(_ text: String, name: String) throws(WalletError) -> Hash256 {
        guard let value = Hash256(hex: text.lowercased()) else {
            throw .usage("the \(name) must be 64 hex digits, not \"\(text)\".")
        }
        return value
    }
}
