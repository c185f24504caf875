import FolioCore

/// The four bytes that open every frame, so a node never parses another network's traffic (or
/// a stray protocol) as its own. Derived from the chain id; the version exchange then checks
/// the chain id and genesis hash themselves.
package struct NetworkMagic: Hashable, Sendable, CustomStringConvertible {
    /// The magic as a number; on the wire it is written little-endian.
    package let rawValue: UInt32

    /// Wraps a raw magic value.
    package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The magic of the chain with `chainId`: the id XOR `0xF0110A1E`, so chain 0 does not
    /// open its frames with zero bytes.
    package init(chainId: UInt32) { rawValue = chainId ^ 0xF011_0A1E }

    package var description: String { "magic(\(rawValue))" }
}
