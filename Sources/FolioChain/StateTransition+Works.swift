import FolioCore
import FolioStore

extension StateTransition {
    /// Registers a work after the near-duplicate gate (docs/chain.md, "Works").
    ///
    /// Every registered work within the similarity distance is found through the chunk index.
    /// One within the duplicate distance that the sender holds no share in rejects the
    /// registration, naming that work, unless the registration declares it as a parent and
    /// the sender holds a licence on it whose terms allow derivatives. All matches are
    /// recorded as "similar to" links.
    mutating func registerWork(_ registration: RegisterWork, sender: Address, id: Hash256, position: ChainPosition) throws(ChainRejection) {
        guard registration.modelId == params.modelId else { throw .peer(ChainReason.wrongFingerprintModel, transaction: id) }
        for parent in registration.parents where try overlay.work(parent) == nil {
            throw .peer(ChainReason.unknownParentWork, transaction: id)
        }
        let matches = try overlay.works(near: registration.fingerprint, within: params.fingerprint.similarityDistance)
        for match in matches where match.distance <= params.fingerprint.duplicateDistance {
            guard let earlier = try overlay.work(match.workId) else { continue }
            if earlier.owners.contains(where: { $0.owner == sender }) { continue }
            if registration.parents.contains(match.workId), try holdsDerivativeLicence(sender, on: earlier, position: position) { continue }
            throw .peer(ChainReason.nearDuplicate, transaction: id, earlierWork: match.workId)
        }
        let record = WorkRecord(id: id, registrant: sender, registration: registration, registered: position, owners: registration.owners)
        try overlay.setWork(id, record)
        if !matches.isEmpty { try overlay.setWorkLinks(id, matches) }
    }

    /// Whether `licensee` holds an active licence on `work` whose terms allow derivatives,
    /// judged at `position`, the registration's block.
    func holdsDerivativeLicence(_ licensee: Address, on work: WorkRecord, position: ChainPosition) throws(ChainRejection) -> Bool {
        let context = try licenceContext(sender: licensee, work: work, position: position)
        for licence in try overlay.licences(forWork: work.id) where licence.licensee == licensee && licence.state == .active {
            guard let offer = try overlay.offer(licence.offerId), let template = try overlay.template(offer.offer.templateId) else {
                continue
            }
            if licences.allowsDerivatives(licence: licence, offer: offer, template: template.template, context: context) { return true }
        }
        return false
    }

    /// Moves part of the sender's share of a work to another account.
    mutating func transferShare(_ move: TransferWorkShare, sender: Address, id: Hash256) throws(ChainRejection) {
        guard var work = try overlay.work(move.workId) else { throw .peer(ChainReason.unknownWork, transaction: id) }
        guard move.share > 0, let from = work.owners.firstIndex(where: { $0.owner == sender }),
              work.owners[from].share >= move.share else {
            throw .peer(ChainReason.insufficientShare, transaction: id)
        }
        guard move.to != sender else { return }
        var owners = work.owners
        owners[from].share -= move.share
        if let to = owners.firstIndex(where: { $0.owner == move.to }) {
            owners[to].share += move.share
        } else {
            owners.append(Ownership(owner: move.to, share: move.share))
        }
        owners.removeAll { $0.share == 0 }
        guard owners.count <= Limits.ownersPerWork else { throw .peer(ChainReason.tooManyOwners, transaction: id) }
        work.owners = owners
        try overlay.setWork(move.workId, work)
    }
}
