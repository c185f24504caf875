import FolioConsensus
import FolioCore

/// The connect stage: applies a block's transactions to the state, rule by rule. Every rule
/// uses integers only, so every node computes the same state (architecture decision 5).
struct StateTransition {
    let params: ChainParams
    let licences: any LicenceEngine
    var overlay: StateOverlay

    /// Applies every transaction of `block`, then pays the block reward and the fees to
    /// `producer` (when the engine names one).
    mutating func apply(_ block: Block, ids: [Hash256], producer: Address?) throws(ChainRejection) {
        let position = ChainPosition(height: block.header.height, timestamp: block.header.timestamp)
        var fees = Amount.zero
        for (index, transaction) in block.transactions.enumerated() {
            try apply(transaction, id: ids[index], position: position)
            fees = try add(fees, transaction.fee, id: ids[index])
        }
        if let producer {
            let earned = try add(fees, params.blockReward, id: nil)
            try credit(producer, earned, id: nil)
        }
    }

    /// Applies one transaction: nonce, fee, then the payload's rule.
    mutating func apply(_ transaction: Transaction, id: Hash256, position: ChainPosition) throws(ChainRejection) {
        let sender = transaction.senderAddress
        var account = try overlay.accountOrEmpty(sender)
        guard transaction.nonce == account.nonce else { throw .peer(ChainReason.badNonce, transaction: id) }
        account.balance = try subtract(account.balance, transaction.fee, id: id)
        account.nonce += 1
        try overlay.setAccount(sender, account)
        switch transaction.payload {
        case let .transfer(transfer):
            try debit(sender, transfer.amount, id: id)
            try credit(transfer.to, transfer.amount, id: id)
        case let .registerWork(registration):
            try registerWork(registration, sender: sender, id: id, position: position)
        case let .transferWorkShare(move):
            try transferShare(move, sender: sender, id: id)
        case let .publishTemplate(template):
            try publishTemplate(template, sender: sender, id: id, position: position)
        case let .offerLicence(offer):
            try offerLicence(offer, sender: sender, id: id, position: position)
        case let .acceptLicence(acceptance):
            try acceptLicence(acceptance, sender: sender, id: id, position: position)
        case let .reportUsage(report):
            try reportUsage(report, sender: sender, id: id, position: position)
        case let .revokeOffer(revocation):
            try revokeOffer(revocation, sender: sender, id: id)
        case .authorityVote:
            // The engine counts votes from the block body; on a chain without authorities they mean nothing.
            guard case .proofOfAuthority = params.consensus else { throw .peer(ChainReason.voteNotAllowed, transaction: id) }
        }
    }

    // MARK: Money

    mutating func debit(_ address: Address, _ amount: Amount, id: Hash256) throws(ChainRejection) {
        var account = try overlay.accountOrEmpty(address)
        account.balance = try subtract(account.balance, amount, id: id)
        try overlay.setAccount(address, account)
    }

    mutating func credit(_ address: Address, _ amount: Amount, id: Hash256?) throws(ChainRejection) {
        guard amount > .zero else { return }
        var account = try overlay.accountOrEmpty(address)
        account.balance = try add(account.balance, amount, id: id)
        try overlay.setAccount(address, account)
    }

    func add(_ a: Amount, _ b: Amount, id: Hash256?) throws(ChainRejection) -> Amount {
        do { return try a.adding(b) } catch { throw .peer(ChainReason.balanceOverflow, transaction: id) }
    }

    func subtract(_ a: Amount, _ b: Amount, id: Hash256) throws(ChainRejection) -> Amount {
        do { return try a.subtracting(b) } catch { throw .peer(ChainReason.insufficientBalance, transaction: id) }
    }
}
