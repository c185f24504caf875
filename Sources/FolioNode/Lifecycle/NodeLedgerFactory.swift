import FolioChain
import FolioConsensus
import FolioCore
import FolioCrypto
import FolioMempool
import FolioStore
import Foundation

/// Opens the node's ledger: the SQLite chain store in the data directory, the engine the
/// genesis names, the licence interpreter, the chain and the mempool. Public so that the sync
/// benchmark (B8, folio-store-tool) opens its ledgers exactly as `foliod` does.
public enum NodeLedgerFactory {
    /// The chain database's file name inside the data directory.
    static let databaseName = "chain.sqlite"

    /// Opens (or creates) the ledger for `params` in `dataDirectory`, with the verifying engine.
    public static func open(
        params: ChainParams, dataDirectory: String, clockOffset: Int64 = 0
    ) throws(NodeStartError) -> (Ledger, any ConsensusEngine) {
        let engine: any ConsensusEngine
        do { engine = try ConsensusEngineFactory.make(params: params) } catch {
            throw .genesis("the genesis names an engine this build cannot run: \(error)")
        }
        // The near-duplicate gate searches an in-memory mirror of the works (SimilarityMirrorStore):
        // the SQLite chunk tables take about a second a search at a million works.
        let store: SimilarityMirrorStore
        let path = dataDirectory + "/" + databaseName
        do { store = try SimilarityMirrorStore(SQLiteChainStore(path: path)) } catch { throw .store("\(path): \(error)") }
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) + clockOffset }
        let chain: Chain
        do {
            chain = try Chain(params: params, store: store, engine: engine, licences: InterpretedLicenceEngine(chainId: params.chainId), clock: clock)
        } catch let ChainOpenError.wrongGenesis(stored, expected) {
            throw .store(
                "\(path) holds the chain with genesis \(stored), not this network's \(expected); "
                    + "use another --datadir for this network")
        } catch {
            throw .store("\(path): \(error)")
        }
        return (Ledger(chain: chain, mempool: Mempool(chain: chain), clock: clock), engine)
    }

    /// The address `mine-payee` names, checked against the chain's network.
    static func minePayee(_ text: String?, network: NetworkKind) throws(NodeStartError) -> Address {
        guard let text else {
            throw .role("mining needs mine-payee: the address (bech32m) that earns the block reward and the fees, "
                + "for example one `folio key list` shows")
        }
        let parsed: (address: Address, network: NetworkKind)
        do { parsed = try Address.parse(bech32m: text) } catch {
            throw .role("mine-payee \(text) is not an address: \(error)")
        }
        guard parsed.network == network else {
            throw .role("mine-payee \(text) is an address of the \(parsed.network) network, but this chain is on the \(network) network")
        }
        return parsed.address
    }

    /// The producer this node runs, if any: the dev authority on the dev chain, the
    /// authority in `authority-key`, or `mine` threads on a proof-of-work chain; with the
    /// seal its templates carry, so the state root pays fees to this producer.
    static func producer(
        engine: any ConsensusEngine, params: ChainParams, config: NodeConfig, isDev: Bool, clock: any ProductionClock
    ) throws(NodeStartError) -> (producer: any BlockProducer, templateSeal: Seal)? {
        var role: ConsensusEngineFactory.ProducerRole?
        var templateSeal = Seal.placeholder(for: params)
        if isDev || config.authorityKeyPath != nil {
            let key: PrivateKey
            if let path = config.authorityKeyPath {
                key = try SeedFile.read(path)
            } else {
                do { key = try DevChain.authority() } catch { throw .keyFile("cannot derive the dev authority: \(error)") }
            }
            role = .authority(key.publicKey, sign: { message in try key.signature(for: message) })
            if let blank = try? Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount)) {
                templateSeal = .proofOfAuthority(ProofOfAuthoritySeal(authority: key.publicKey, signature: blank))
            }
        } else if config.mineThreads > 0 {
            role = .miner(workers: config.mineThreads)
            if case let .proofOfWork(pow) = params.consensus {
                let payee = try minePayee(config.minePayee, network: params.network)
                templateSeal = .proofOfWork(ProofOfWorkSeal(bits: pow.initialBits, payee: payee))
            }
        }
        guard let role else { return nil }
        guard let templateSeal else { throw .role("the chain parameters give no seal to build templates with") }
        do { return (try ConsensusEngineFactory.makeProducer(engine: engine, role: role, clock: clock), templateSeal) } catch {
            throw .role("this node is configured to produce blocks, but \(error)")
        }
    }
}
