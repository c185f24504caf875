import FolioConsensus
import FolioCore

/// The proof-of-authority producer for one authority.
///
/// It never holds a key: it gets the authority's public key and a closure that signs bytes
/// (backed by the node's keystore, or a test key). In turn it seals at the parent's time plus
/// the period; out of turn it waits one grace second more plus a random delay below
/// N × 500 ms − 1 s (drawn from the injected `jitter`), so the in-turn block normally wins
/// and out-of-turn authorities rarely collide.
public struct ProofOfAuthoritySealer: BlockProducer {
    /// Signs the header's signing bytes with the authority's key.
    public typealias Sign = @Sendable (_ message: [UInt8]) throws -> Signature
    /// Returns a random whole number of milliseconds in `0..<bound` (`bound` > 0).
    public typealias Jitter = @Sendable (_ bound: Int64) -> Int64

    /// The verifier whose snapshots decide turn and permission.
    public let engine: ProofOfAuthorityEngine
    /// The authority this sealer signs for.
    public let authority: PublicKey
    private let sign: Sign
    private let clock: any ProductionClock
    private let jitter: Jitter

    /// A sealer for `authority`, signing through `sign`, waiting on `clock`, with `jitter`
    /// for the out-of-turn delay.
    public init(engine: ProofOfAuthorityEngine, authority: PublicKey, sign: @escaping Sign,
                clock: any ProductionClock = SystemProductionClock(),
                jitter: @escaping Jitter = { bound in Int64.random(in: 0..<bound) }) {
        self.engine = engine
        self.authority = authority
        self.sign = sign
        self.clock = clock
        self.jitter = jitter
    }

    public func produce(_ template: Block, parent: BlockHeader, chain: some ChainView) async throws(ProductionError) -> Block {
        guard template.header.height == parent.height &+ 1, template.header.parent == parent.id else {
            throw .invalidTemplate("template does not extend the given parent")
        }
        let snapshot: AuthoritySnapshot
        do { snapshot = try engine.snapshot(at: parent, chain: chain) } catch {
            throw .invalidTemplate("no authority snapshot at the parent: \(error.reason)")
        }
        guard snapshot.isAuthority(authority) else { throw .notPermitted(reason: ValidationError.Reason.notAuthority) }
        guard !snapshot.signedRecently(authority, beforeHeight: template.header.height) else {
            throw .notPermitted(reason: ValidationError.Reason.recentlySigned)
        }
        let inTurn = snapshot.inTurn(atHeight: template.header.height) == authority
        var earliest = parent.timestamp + Int64(engine.params.periodSeconds)
        var extraMilliseconds: Int64 = 0
        if !inTurn {
            earliest += ProofOfAuthorityEngine.outOfTurnGraceSeconds
            let bound = Int64(snapshot.authorities.count) * 500 - ProofOfAuthorityEngine.outOfTurnGraceSeconds * 1000
            extraMilliseconds = bound > 0 ? Swift.min(Swift.max(jitter(bound), 0), bound - 1) : 0
        }
        var header = template.header
        header.timestamp = Swift.max(header.timestamp, earliest)
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: authority, signature: try Self.emptySignature()))
        try await clock.sleep(milliseconds: header.timestamp * 1000 + extraMilliseconds - clock.nowMilliseconds())
        if Task.isCancelled { throw .cancelled }
        do {
            let signature = try sign(header.signingBytes)
            header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: authority, signature: signature))
        } catch {
            throw .signingFailed("\(error)")
        }
        return Block(header: header, transactions: template.transactions)
    }

    private static func emptySignature() throws(ProductionError) -> Signature {
        do { return try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount)) } catch {
            throw .signingFailed("placeholder signature: \(error)")
        }
    }
}
