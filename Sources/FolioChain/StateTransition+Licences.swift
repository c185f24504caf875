import FolioCore

extension StateTransition {
    /// Publishes a content-addressed template; the first publisher keeps it.
    mutating func publishTemplate(_ template: PublishTemplate, sender: Address, id: Hash256, position: ChainPosition) throws(ChainRejection) {
        let templateId = template.id
        guard try overlay.template(templateId) == nil else { throw .peer(ChainReason.duplicateTemplate, transaction: id) }
        do { try licences.checkTemplate(template) } catch { throw .peer(ChainReason.licenceRefused, transaction: id) }
        try overlay.setTemplate(templateId, TemplateRecord(id: templateId, publisher: sender, template: template, published: position))
    }

    /// Records an owner's offer on a work under a published template.
    mutating func offerLicence(_ offer: OfferLicence, sender: Address, id: Hash256, position: ChainPosition) throws(ChainRejection) {
        guard let work = try overlay.work(offer.workId) else { throw .peer(ChainReason.unknownWork, transaction: id) }
        guard work.owners.contains(where: { $0.owner == sender }) else { throw .peer(ChainReason.notAnOwner, transaction: id) }
        guard let template = try overlay.template(offer.templateId) else { throw .peer(ChainReason.unknownTemplate, transaction: id) }
        do { try licences.checkOffer(offer, template: template.template) } catch {
            throw .peer(ChainReason.licenceRefused, transaction: id)
        }
        try overlay.setOffer(id, OfferRecord(id: id, offerer: sender, offer: offer, offered: position, revoked: false))
    }

    /// Accepts an offer: the terms decide what is due, the payment is settled, a licence is made.
    mutating func acceptLicence(_ acceptance: AcceptLicence, sender: Address, id: Hash256, position: ChainPosition) throws(ChainRejection) {
        let (offer, template, work) = try offerContext(acceptance.offerId, id: id)
        guard !offer.revoked else { throw .peer(ChainReason.offerRevoked, transaction: id) }
        let context = try licenceContext(sender: sender, work: work, position: position)
        let decision: LicenceDecision
        do {
            decision = try licences.evaluateAcceptance(acceptance, offer: offer, template: template, context: context)
        } catch {
            throw .peer(error.isUnderpayment ? ChainReason.paymentBelowDue : ChainReason.licenceRefused, transaction: id)
        }
        try settle(acceptance.payment, decision, owners: work.owners, payer: sender, id: id)
        try overlay.setLicence(id, LicenceRecord(
            id: id, offerId: offer.id, workId: work.id, licensee: sender, useParameters: acceptance.useParameters,
            issued: position, state: decision.state, totalPaid: acceptance.payment, termsState: decision.termsState ?? []))
    }

    /// Records a usage report and settles its payment.
    mutating func reportUsage(_ report: ReportUsage, sender: Address, id: Hash256, position: ChainPosition) throws(ChainRejection) {
        guard var licence = try overlay.licence(report.licenceId) else { throw .peer(ChainReason.unknownLicence, transaction: id) }
        guard licence.licensee == sender else { throw .peer(ChainReason.notLicensee, transaction: id) }
        guard licence.state == .active else { throw .peer(ChainReason.licenceNotActive, transaction: id) }
        let (offer, template, work) = try offerContext(licence.offerId, id: id)
        let context = try licenceContext(sender: sender, work: work, position: position)
        let decision: LicenceDecision
        do {
            decision = try licences.evaluateUsage(report, licence: licence, offer: offer, template: template, context: context)
        } catch {
            throw .peer(error.isUnderpayment ? ChainReason.paymentBelowDue : ChainReason.licenceRefused, transaction: id)
        }
        try settle(report.payment, decision, owners: work.owners, payer: sender, id: id)
        licence.totalPaid = try add(licence.totalPaid, report.payment, id: id)
        licence.state = decision.state
        if let termsState = decision.termsState { licence.termsState = termsState }
        try overlay.setLicence(licence.id, licence)
    }

    /// Withdraws an offer; only its offerer may.
    mutating func revokeOffer(_ revocation: RevokeOffer, sender: Address, id: Hash256) throws(ChainRejection) {
        guard var offer = try overlay.offer(revocation.offerId) else { throw .peer(ChainReason.unknownOffer, transaction: id) }
        guard offer.offerer == sender else { throw .peer(ChainReason.notOfferer, transaction: id) }
        guard !offer.revoked else { throw .peer(ChainReason.offerRevoked, transaction: id) }
        offer.revoked = true
        try overlay.setOffer(offer.id, offer)
    }

    /// The offer, its template and its work.
    private func offerContext(_ offerId: OfferId, id: Hash256) throws(ChainRejection) -> (OfferRecord, PublishTemplate, WorkRecord) {
        guard let offer = try overlay.offer(offerId) else { throw .peer(ChainReason.unknownOffer, transaction: id) }
        guard let template = try overlay.template(offer.offer.templateId) else { throw .peer(ChainReason.unknownTemplate, transaction: id) }
        guard let work = try overlay.work(offer.offer.workId) else { throw .peer(ChainReason.unknownWork, transaction: id) }
        return (offer, template.template, work)
    }

    /// Moves `payment` from the payer: the terms' direct payments first, the rest split
    /// among the owners by share (`PaymentSplit`).
    private mutating func settle(_ payment: Amount, _ decision: LicenceDecision, owners: [Ownership], payer: Address, id: Hash256) throws(ChainRejection) {
        guard payment >= decision.amountDue else { throw .peer(ChainReason.paymentBelowDue, transaction: id) }
        try debit(payer, payment, id: id)
        var rest = payment
        for direct in decision.directPayments {
            do { rest = try rest.subtracting(direct.amount) } catch { throw .peer(ChainReason.paymentBelowDue, transaction: id) }
            try credit(direct.payee, direct.amount, id: id)
        }
        for (owner, part) in PaymentSplit.split(rest, among: owners) { try credit(owner, part, id: id) }
    }
}
