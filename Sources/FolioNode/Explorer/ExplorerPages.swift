import FolioAPI

/// The transaction page's model.
struct TransactionPage {
    let title: String
    let transaction: TransactionSummary
    let pending: Bool
}

/// The work page's model. Every list is cut to `WorkPage.listCap` rows, saying how many more
/// there are, so a much-derived or much-licensed work still makes a page of bounded size.
struct WorkPage {
    /// Most rows a list on the work page shows.
    static let listCap = 50

    let title: String
    let work: WorkSummary
    let owners: CappedList<OwnerRow>
    let parents: CappedList<String>
    let derivatives: CappedList<DerivativeList.Entry>
    /// Why the derivatives may be incomplete (index behind the tip, or none on this node).
    let derivativesNote: String?
    let similar: CappedList<FolioAPI.SimilarWork>
    let offers: CappedList<OfferSummary>
    let licences: CappedList<LicenceSummary>
}

/// The first rows of a list and how many were left off.
struct CappedList<Row> {
    let rows: [Row]
    let more: Int
    let hasMore: Bool

    /// The first `cap` of `all`; `total` counts rows not handed over (default: `all.count`).
    init(_ all: [Row], cap: Int = WorkPage.listCap, total: Int? = nil) {
        rows = Array(all.prefix(max(cap, 0)))
        more = max((total ?? all.count) - rows.count, 0)
        hasMore = more > 0
    }
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
