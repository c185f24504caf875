import FolioCore
import FolioPeer

/// An `InMemoryPeerChain` whose calls first pass through a test's hook, which may hold or
/// slow them: how tests reach the moments the peer manager spends awaiting the chain (two
/// announcements inside one "do we have it?", a body handed over but not yet judged).
package struct InterceptedPeerChain: ChainBackend {
    /// A `ChainBackend` requirement, named for the hook.
    package enum Call: Sendable, Equatable {
        case status, headerLocator, headers, acceptHeaders, acceptBlock, acceptTransaction
        case block, transaction, hasBlock, hasTransaction
    }

    /// The chain every call reaches after the hook.
    package let inner: InMemoryPeerChain
    private let hook: @Sendable (Call) async -> Void

    /// Wraps `inner`; `hook` runs before each call reaches it.
    package init(_ inner: InMemoryPeerChain, hook: @escaping @Sendable (Call) async -> Void) {
        self.inner = inner
        self.hook = hook
    }

    package func status() async -> ChainStatus {
        await hook(.status)
        return await inner.status()
    }

    package func headerLocator() async -> [Hash256] {
        await hook(.headerLocator)
        return await inner.headerLocator()
    }

    package func headers(after locator: [Hash256], stop: Hash256, limit: Int) async -> [BlockHeader] {
        await hook(.headers)
        return await inner.headers(after: locator, stop: stop, limit: limit)
    }

    package func acceptHeaders(_ headers: [BlockHeader], continuing: LowWorkBranch?, proven: Bool) async -> HeaderRunOutcome {
        await hook(.acceptHeaders)
        return await inner.acceptHeaders(headers, continuing: continuing, proven: proven)
    }

    package func acceptBlock(_ block: Block) async -> ChainVerdict {
        await hook(.acceptBlock)
        return await inner.acceptBlock(block)
    }

    package func acceptTransaction(_ transaction: Transaction) async -> ChainVerdict {
        await hook(.acceptTransaction)
        return await inner.acceptTransaction(transaction)
    }

    package func block(_ id: Hash256) async -> Block? {
        await hook(.block)
        return await inner.block(id)
    }

    package func transaction(_ id: Hash256) async -> Transaction? {
        await hook(.transaction)
        return await inner.transaction(id)
    }

    package func hasBlock(_ id: Hash256) async -> Bool {
        await hook(.hasBlock)
        return await inner.hasBlock(id)
    }

    package func hasTransaction(_ id: Hash256) async -> Bool {
        await hook(.hasTransaction)
        return await inner.hasTransaction(id)
    }
}
