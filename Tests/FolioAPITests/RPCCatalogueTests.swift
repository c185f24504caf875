import Testing
@testable import FolioAPI

@Suite struct RPCCatalogueTests {
    @Test func methodNamesAreUniqueNamespaceUnderscoreMethod() {
        let names = RPCCatalogue.methodNames
        #expect(Set(names).count == names.count)
        for name in names {
            let parts = name.split(separator: "_")
            #expect(parts.count == 2, "\(name)")
            #expect(parts.allSatisfy { $0.allSatisfy(\.isLowercase) }, "\(name)")
        }
    }

    @Test func theCatalogueListsTheIssuesMethods() {
        let required = ["chain_info", "chain_block", "tx_send", "tx_get", "work_get", "work_similar",
                        "licence_offer", "licence_check", "net_peers", "node_sync", "account_get"]
        #expect(Set(required).isSubset(of: Set(RPCCatalogue.methodNames)))
    }
}
