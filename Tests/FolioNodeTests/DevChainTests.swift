import Foundation
import FolioCore
import Testing
@testable import FolioNode

@Suite struct DevChainTests {
    @Test func theDevChainIsOneSecondProofOfAuthorityWithTheDevAuthority() throws {
        let params = try DevChain.params()
        guard case let .proofOfAuthority(poa) = params.consensus else {
            Issue.record("the dev chain must be proof of authority")
            return
        }
        #expect(poa.periodSeconds == 1)
        #expect(poa.authorities == [try DevChain.authority().publicKey])
    }

    @Test func tenDistinctAccountsArePrefundedWithTheDevAmount() throws {
        let params = try DevChain.params()
        let expected = Set(try (0..<10).map { Address(publicKey: try DevChain.account($0).publicKey) })
        #expect(Set(params.prefunded.map(\.address)) == expected)
        #expect(expected.count == 10)
        #expect(params.prefunded.allSatisfy { $0.amount.baseUnits == 1_000_000_000_000_000 })
    }

    @Test func theDevChainIsTheSameOnEveryMachine() throws {
        #expect(try DevChain.params().genesisId == DevChain.params().genesisId)
        #expect(try DevChain.account(3).publicKey == DevChain.account(3).publicKey)
        #expect(try DevChain.account(3).publicKey != DevChain.account(4).publicKey)
    }

    @Test func theBannerListsEveryDevAddress() throws {
        let params = try DevChain.params()
        let banner = DevBanner.text(params: params, dataDirectory: "/d")
        for allocation in params.prefunded { #expect(banner.contains(allocation.address.bech32m(on: .test))) }
    }

    @Test func theDevChainAndTheTestnetPlanUseTheGenesisFilesThresholds() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("testnet/genesis-dev.json").path
        let measured = try ChainParams.load(genesisFileAt: file).fingerprint
        #expect(try DevChain.params().fingerprint == measured)
        for engine in [TestnetPlan.Engine.poa, .pow] {
            #expect(try TestnetPlan(nodeCount: 3, engine: engine).genesis(timestamp: 1_767_225_600).fingerprint == measured)
        }
    }

    @Test func theTestNetworkIsBuiltInAndIdenticalToTheRepositorysGenesisFile() throws {
        let builtIn = try NetworkChoice(setting: "test").params()
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("testnet/genesis-poa.json").path
        #expect(builtIn == (try ChainParams.load(genesisFileAt: file)))
        #expect(builtIn.chainId == 7002)
        #expect(throws: NodeStartError.unknownNetwork("prod")) { try NetworkChoice(setting: "prod") }
    }
}
