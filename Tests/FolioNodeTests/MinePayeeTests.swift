import FolioCore
import FolioCrypto
import Testing
@testable import FolioNode

/// `mine-payee`: mining needs it, and it must be an address of the chain's network.
@Suite struct MinePayeeTests {
    static let address = Address(bytes: [UInt8](repeating: 0x42, count: 20)) ?? .zero

    @Test func aTestNetworkAddressIsTheMinersPayee() throws {
        #expect(try NodeLedgerFactory.minePayee(Self.address.bech32m(on: .test), network: .test) == Self.address)
    }

    @Test func miningWithoutAPayeeIsRefusedSayingWhatToSet() {
        #expect { try NodeLedgerFactory.minePayee(nil, network: .test) } throws: { error in
            "\(error)".contains("mine-payee")
        }
    }

    @Test func anAddressOfAnotherNetworkOrNoAddressIsRefused() {
        #expect(throws: NodeStartError.self) { try NodeLedgerFactory.minePayee(Self.address.bech32m(on: .main), network: .test) }
        #expect(throws: NodeStartError.self) { try NodeLedgerFactory.minePayee("tfolio1notanaddress", network: .test) }
    }
}
