@testable import FolioChain
import FolioCore
import Testing

/// The incremental state commitment.
@Suite struct StateAccumulatorTests {
    static let x = SHA256.hash(Array("x".utf8))
    static let y = SHA256.hash(Array("y".utf8))

    @Test func removingALeafUndoesAddingIt() {
        var accumulator = StateAccumulator()
        accumulator.insert(Self.x)
        accumulator.insert(Self.y)
        accumulator.remove(Self.x)
        var onlyY = StateAccumulator()
        onlyY.insert(Self.y)
        #expect(accumulator == onlyY)
    }

    @Test func orderOfInsertionDoesNotMatter() {
        var first = StateAccumulator()
        first.insert(Self.x)
        first.insert(Self.y)
        var second = StateAccumulator()
        second.insert(Self.y)
        second.insert(Self.x)
        #expect(first.root == second.root)
        #expect(first.root != StateAccumulator().root)
    }

    @Test func theEmptyRootIsTheHashOf2048ZeroBytes() {
        #expect(StateAccumulator().root == SHA256.hash([UInt8](repeating: 0, count: 2048)))
    }

    @Test func lanesAreTheCounterModeHashesReadLittleEndian() {
        var input = Self.x.bytes
        input.append(0)
        let first = SHA256.hash(input).bytes
        let lanes = StateAccumulator.expand(Self.x)
        #expect(lanes.count == 1024)
        #expect(lanes[0] == UInt16(first[0]) | UInt16(first[1]) << 8)
        input[32] = 63
        let last = SHA256.hash(input).bytes
        #expect(lanes[1023] == UInt16(last[30]) | UInt16(last[31]) << 8)
    }

    @Test func storedBytesRoundTrip() {
        var accumulator = StateAccumulator()
        accumulator.insert(Self.x)
        #expect(StateAccumulator(bytes: accumulator.bytes) == accumulator)
        #expect(StateAccumulator(bytes: [1, 2, 3]) == nil)
    }
}
