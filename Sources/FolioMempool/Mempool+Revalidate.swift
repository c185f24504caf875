import FolioChain
import FolioCore

extension Mempool {
    /// Brings the pool up to a new tip: drops what the connected blocks included, takes back
    /// what disconnected blocks held, then re-checks every entry against the new state
    /// (used nonces, gaps, balances) and drops what has expired. Returns what was dropped and why.
    @discardableResult
    public func update(after outcome: BlockOutcome, now: Int64) -> [(Transaction, MempoolRejection)] {
        for block in outcome.connected {
            for transaction in block.transactions { remove(transaction.id) }
        }
        for transaction in outcome.returnedTransactions where entries[transaction.id] == nil {
            _ = try? add(transaction, now: now)
        }
        return revalidate(now: now)
    }

    /// Re-checks every entry against the current tip and the clock.
    @discardableResult
    public func revalidate(now: Int64) -> [(Transaction, MempoolRejection)] {
        var dropped: [(Transaction, MempoolRejection)] = []
        for (sender, nonces) in bySender {
            let account: AccountRecord
            do { account = try accountState(sender) } catch { continue }
            var committed: UInt64 = 0
            for nonce in nonces.keys.sorted() {
                guard let id = nonces[nonce], let entry = entries[id] else { continue }
                var reason: MempoolRejection?
                if now - entry.added > policy.maxAgeSeconds {
                    reason = .expired
                } else if nonce < account.nonce {
                    reason = .nonceUsed
                } else if nonce - account.nonce > policy.maxNonceGap {
                    reason = .nonceGapTooLarge
                } else {
                    let (total, overflow) = committed.addingReportingOverflow(entry.cost)
                    if overflow || total > account.balance.baseUnits { reason = .insufficientBalance } else { committed = total }
                }
                if let reason {
                    remove(id)
                    dropped.append((entry.transaction, reason))
                }
            }
        }
        return dropped
    }
}
