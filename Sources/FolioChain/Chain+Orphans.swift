import FolioCore

extension Chain {
    /// Keeps a block whose parent is unknown, up to `orphanCap` blocks.
    func holdOrphan(_ block: Block) {
        guard orphanIds.count < orphanCap, orphanIds.insert(block.id).inserted else { return }
        orphansByParent[block.header.parent, default: []].append(block)
    }

    /// Accepts every held orphan that descends from `parent`, breadth first.
    func adoptOrphans(of parent: Hash256, into outcome: inout BlockOutcome) async {
        var queue = [parent]
        while let next = queue.popLast() {
            guard let children = orphansByParent.removeValue(forKey: next) else { continue }
            for child in children {
                orphanIds.remove(child.id)
                _ = await acceptOne(child, into: &outcome)
                queue.append(child.id)
            }
        }
    }
}
