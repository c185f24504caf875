import FolioCore
import Logging

/// Makes the peer-to-peer service from the configuration, with the node's identity key
/// (`<datadir>/node.key`, created at first start), address book (`<datadir>/peers.dat`) and
/// discouraged addresses (`<datadir>/discouraged.dat`).
enum P2PStarter {
    static func make(ledger: Ledger, params: FolioCore.ChainParams, config: NodeConfig, logger: Logger) throws(NodeStartError) -> P2PService {
        let identity = try SeedFile.readOrCreate(config.dataDirectory + "/node.key")
        return P2PService(
            ledger: ledger, params: params, host: config.p2pHost, port: config.p2pPort, peers: config.peers,
            maxPeers: config.maxPeers, outboundTarget: config.outboundPeers,
            addressBookPath: config.dataDirectory + "/" + AddressBookFile.fileName,
            discouragementPath: config.dataDirectory + "/" + DiscouragementFile.fileName, identity: identity, logger: logger)
    }
}

extension P2PService: NetworkStatusSource {}
