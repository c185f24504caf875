import FolioCrypto
import Testing
@testable import FolioCore

/// The Merkle root: RFC 6962 domain separation, odd nodes promoted, never duplicated.
@Suite struct MerkleTreeTests {
    // The expected trees are spelled out with SHA-256 and the prefix bytes directly.
    private static func leaf(_ id: Hash256) -> Hash256 { SHA256.hash([0x00] + id.bytes) }
    private static func node(_ l: Hash256, _ r: Hash256) -> Hash256 { SHA256.hash([0x01] + l.bytes + r.bytes) }
    private static func id(_ text: String) -> Hash256 { SHA256.hash(Array(text.utf8)) }

    private let a = id("a"), b = id("b"), c = id("c"), d = id("d"), e = id("e")

    @Test("no ids give SHA-256 of no bytes")
    func emptyListRoot() {
        #expect(MerkleTree.root(of: []).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("one id gives its leaf hash, not the id itself")
    func oneLeaf() {
        #expect(MerkleTree.root(of: [a]) == Self.leaf(a))
        #expect(MerkleTree.root(of: [a]) != a)
    }

    @Test("two ids give the node over their two leaves")
    func twoLeaves() {
        #expect(MerkleTree.root(of: [a, b]) == Self.node(Self.leaf(a), Self.leaf(b)))
    }

    @Test("with three ids the third leaf is promoted, not paired with itself")
    func threeLeaves() {
        let expected = Self.node(Self.node(Self.leaf(a), Self.leaf(b)), Self.leaf(c))
        #expect(MerkleTree.root(of: [a, b, c]) == expected)
    }

    @Test("with five ids the fifth leaf is promoted up two levels")
    func fiveLeaves() {
        let left = Self.node(Self.node(Self.leaf(a), Self.leaf(b)), Self.node(Self.leaf(c), Self.leaf(d)))
        #expect(MerkleTree.root(of: [a, b, c, d, e]) == Self.node(left, Self.leaf(e)))
    }

    @Test("with six ids the odd pair of the middle level is promoted")
    func sixLeaves() {
        let f = Self.id("f")
        let abcd = Self.node(Self.node(Self.leaf(a), Self.leaf(b)), Self.node(Self.leaf(c), Self.leaf(d)))
        #expect(MerkleTree.root(of: [a, b, c, d, e, f]) == Self.node(abcd, Self.node(Self.leaf(e), Self.leaf(f))))
    }

    /// RFC 6962 section 2.1, written recursively: split at the largest power of two below n.
    private static func rfc6962Root(_ ids: ArraySlice<Hash256>) -> Hash256 {
        if ids.count == 1, let only = ids.first { return leaf(only) }
        var split = 1
        while split * 2 < ids.count { split *= 2 }
        let middle = ids.startIndex + split
        return node(rfc6962Root(ids[..<middle]), rfc6962Root(ids[middle...]))
    }

    @Test("the root equals RFC 6962's recursive definition", arguments: 1...33)
    func matchesRFC6962(count: Int) {
        let ids = (0..<count).map { Self.id("leaf \($0)") }
        #expect(MerkleTree.root(of: ids) == Self.rfc6962Root(ids[...]))
    }

    @Test("duplicating the last id changes the root (CVE-2012-2459)", arguments: [3, 5, 7, 9])
    func duplicatedLastLeafChangesRoot(count: Int) {
        let ids = (0..<count).map { Self.id("tx \($0)") }
        #expect(MerkleTree.root(of: ids) != MerkleTree.root(of: ids + [ids[count - 1]]))
    }

    @Test("[a,b,c] and [a,b,c,c] have different roots; so do [a,b,c,d,e] and [a,b,c,d,e,e]")
    func namedDuplicationCases() {
        #expect(MerkleTree.root(of: [a, b, c]) != MerkleTree.root(of: [a, b, c, c]))
        #expect(MerkleTree.root(of: [a, b, c, d, e]) != MerkleTree.root(of: [a, b, c, d, e, e]))
    }

    @Test("order matters")
    func orderMatters() {
        #expect(MerkleTree.root(of: [a, b]) != MerkleTree.root(of: [b, a]))
    }

    @Test("a leaf cannot stand in for an inner node")
    func leafAndNodeAreSeparated() {
        // Without prefixes, a one-id list holding the node of [a, b] would share its root.
        let inner = MerkleTree.root(of: [a, b])
        #expect(MerkleTree.root(of: [inner]) != inner)
    }
}
