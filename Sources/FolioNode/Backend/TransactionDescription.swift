import FolioCore

/// Names and one-line descriptions of transactions, for RPC answers and the explorer.
enum TransactionDescription {
    /// The payload kind's name, as `tx_get` reports it.
    static func kind(_ payload: TransactionPayload) -> String {
        switch payload {
        case .transfer: return "transfer"
        case .registerWork: return "registerWork"
        case .transferWorkShare: return "transferWorkShare"
        case .publishTemplate: return "publishTemplate"
        case .offerLicence: return "offerLicence"
        case .acceptLicence: return "acceptLicence"
        case .reportUsage: return "reportUsage"
        case .revokeOffer: return "revokeOffer"
        case .authorityVote: return "authorityVote"
        }
    }

    /// What the transaction does, in one line.
    static func summary(_ transaction: Transaction, network: NetworkKind) -> String {
        switch transaction.payload {
        case let .transfer(body):
            return "pays \(body.amount) to \(body.to.bech32m(on: network))"
        case let .registerWork(body):
            return "registers \"\(body.title)\" (\(body.mediaType)) with \(body.owners.count) owner(s)"
        case let .transferWorkShare(body):
            return "gives \(body.share) parts of work \(body.workId.hex) to \(body.to.bech32m(on: network))"
        case .publishTemplate:
            return "publishes a licence template"
        case let .offerLicence(body):
            return "offers a licence on work \(body.workId.hex) under template \(body.templateId.hex)"
        case let .acceptLicence(body):
            return "accepts offer \(body.offerId.hex), paying \(body.payment)"
        case let .reportUsage(body):
            return "reports \(body.count) × \(body.action) under licence \(body.licenceId.hex), paying \(body.payment)"
        case let .revokeOffer(body):
            return "revokes offer \(body.offerId.hex)"
        case let .authorityVote(body):
            return "votes to \(body.add ? "add" : "remove") authority \(HexCoding.encode(body.candidate.bytes))"
        }
    }
}
