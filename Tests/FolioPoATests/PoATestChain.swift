import FolioConsensus
import FolioCore
import FolioCrypto
import FolioTestSupport
@testable import FolioPoA

/// Named test authorities: key `X` has the seed of 32 bytes all equal to X's number.
enum Key: UInt8, CaseIterable {
    case A = 1, B, C, D, E, F

    var privateKey: PrivateKey {
        // A 32-byte seed is always accepted.
        (try? PrivateKey(seed: [UInt8](repeating: rawValue, count: 32))) ?? Key.fallback
    }

    var publicKey: PublicKey { privateKey.publicKey }

    private static let fallback: PrivateKey = {
        do { return try PrivateKey(seed: [UInt8](repeating: 0xee, count: 32)) } catch { preconditionFailure("\(error)") }
    }()
}

/// A proof-of-authority test chain: genesis at `t0`, period 5 s.
struct PoATestChain {
    static let t0: Int64 = 1_700_000_000
    static let period: Int64 = 5

    var builder: HeaderChainBuilder
    let engine: ProofOfAuthorityEngine

    init(_ authorities: [Key]) throws {
        let params = try HeaderChainBuilder.params(
            consensus: .proofOfAuthority(ProofOfAuthorityParams(authorities: authorities.map(\.publicKey), periodSeconds: 5)),
            genesisTimestamp: Self.t0)
        builder = HeaderChainBuilder(params: params, spacing: Self.period)
        guard let engine = ProofOfAuthorityEngine(chain: params) else { throw PoATestError.notProofOfAuthority }
        self.engine = engine
    }

    var tip: BlockHeader { builder.view.tip }

    /// A child of the tip claimed by `sealer`, signed by `signer` (default: the sealer),
    /// `delay` seconds after the parent.
    func child(sealer: Key, signer: Key? = nil, delay: Int64 = period) throws -> BlockHeader {
        try child(of: tip, sealer: sealer, signer: signer, delay: delay)
    }

    /// A child of `parent` (any stored header) sealed like `child(sealer:signer:delay:)`.
    func child(of parent: BlockHeader, sealer: Key, signer: Key? = nil, delay: Int64 = period) throws -> BlockHeader {
        var header = builder.draft(after: parent)
        header.timestamp = parent.timestamp + delay
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(
            authority: sealer.publicKey, signature: try Signature(bytes: [UInt8](repeating: 0, count: 64))))
        let signature = try (signer ?? sealer).privateKey.signature(for: header.signingBytes)
        header.seal = .proofOfAuthority(ProofOfAuthoritySeal(authority: sealer.publicKey, signature: signature))
        return header
    }

    /// Adds a block sealed by `sealer` carrying `votes` (voter, candidate, add).
    mutating func add(sealer: Key, delay: Int64 = period, votes: [(Key, Key, Bool)] = []) throws {
        let header = try child(sealer: sealer, delay: delay)
        builder.view.add(header, votes: votes.map { CastVote(voter: $0.0.publicKey, vote: AuthorityVote(candidate: $0.1.publicKey, add: $0.2)) })
    }

    func verify(_ header: BlockHeader, now: Int64? = nil) throws(ValidationError) {
        try verify(header, parent: tip, now: now)
    }

    /// Verifies `header` as a child of `parent`.
    func verify(_ header: BlockHeader, parent: BlockHeader, now: Int64? = nil) throws(ValidationError) {
        try engine.verifyHeader(header, parent: parent, chain: builder.view, now: now ?? header.timestamp)
    }
}

enum PoATestError: Error { case notProofOfAuthority }
