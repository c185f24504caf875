import FolioAPI

/// The transaction page's model.
struct TransactionPage {
    let title: String
    let transaction: TransactionSummary
    let pending: Bool
}

/// The work page's model.
struct WorkPage {
    let title: String
    let work: WorkSummary
    let owners: [OwnerRow]
    let similar: [FolioAPI.SimilarWork]
    let offers: [OfferSummary]
    let licences: [LicenceSummary]
    let parents: [String]
}

/// An owner and their share as a percentage with six decimals, exact from parts per 10^8.
struct OwnerRow {
    let address: String
    let share: UInt64
    let percent: String

    init(_ owner: OwnerShare) {
        address = owner.address
        share = owner.share
        let whole = owner.share / 1_000_000
        let fraction = owner.share % 1_000_000
        let digits = String(fraction)
        percent = "\(whole).\(String(repeating: "0", count: 6 - digits.count) + digits)%"
    }
}

/// The offer page's model.
struct OfferPage {
    let title: String
    let offer: OfferSummary
}

/// The licence page's model.
struct LicencePage {
    let title: String
    let licence: LicenceSummary
}

/// The match page's model: the uploaded file's fingerprint and the registered works near it.
struct MatchPage {
    let title: String
    let fileName: String
    let medium: String
    let fingerprint: String
    let verdict: String
    let matches: [MatchRow]
    let hasResult: Bool
}

/// One registered work near an uploaded file.
struct MatchRow {
    let id: String
    let distance: Int
    let kind: String
}
