import FolioWire
import Testing
@testable import FolioPeer

/// The network writes each connection's frames in the order its session numbered them,
/// whatever order concurrent `handle` calls deliver them in.
@Suite struct SendOrderTests {
    private func frame(_ tag: UInt8) -> Frame { Frame(type: 1, payload: [tag]) }
    private func tags(_ frames: [Frame]?) -> [UInt8]? { frames?.map { $0.payload[0] } }

    @Test func framesInOrderPassStraightThrough() {
        var order = SendOrder()
        #expect(tags(order.admit(frame(0), sequence: 0)) == [0])
        #expect(tags(order.admit(frame(1), sequence: 1)) == [1])
        #expect(order.next == 2)
    }

    /// The case seen after R3 heals: a later call's frames 2 and 3 arrive before frame 1.
    @Test func anEarlyFrameWaitsAndIsReleasedBehindTheOneItFollows() {
        var order = SendOrder()
        #expect(tags(order.admit(frame(0), sequence: 0)) == [0])
        #expect(tags(order.admit(frame(3), sequence: 3)) == [])
        #expect(tags(order.admit(frame(2), sequence: 2)) == [])
        #expect(order.heldCount == 2)
        #expect(tags(order.admit(frame(1), sequence: 1)) == [1, 2, 3])
        #expect(order.heldCount == 0)
        #expect(order.next == 4)
    }

    @Test func aNumberAlreadyWrittenIsNotWrittenAgain() {
        var order = SendOrder()
        _ = order.admit(frame(0), sequence: 0)
        #expect(tags(order.admit(frame(9), sequence: 0)) == [])
        #expect(order.next == 1)
    }

    /// A lost frame would hold every later one forever; past the cap the link is given up.
    @Test func moreEarlyFramesThanTheCapacityBreakTheLink() {
        var order = SendOrder(capacity: 2)
        #expect(tags(order.admit(frame(1), sequence: 1)) == [])
        #expect(tags(order.admit(frame(2), sequence: 2)) == [])
        #expect(order.admit(frame(3), sequence: 3) == nil)
    }

    /// Sessions number every frame they hand out, plaintext hellos and sealed messages alike,
    /// from zero without gaps: the numbers `SendOrder` restores.
    @Test func aSessionNumbersItsFramesFromZeroWithoutGaps() throws {
        var sessions = SessionPair(
            initiator: PeerSession(role: .initiator, crypto: try crypto(1), magic: NetworkMagic(chainId: 7), localVersion: version()),
            responder: PeerSession(role: .responder, crypto: try crypto(2), magic: NetworkMagic(chainId: 7), localVersion: version()))
        sessions.run()
        var initiator = sessions.initiator
        let later = initiator.send(.ping(PingMessage(nonce: 5))) + initiator.send(.ping(PingMessage(nonce: 6)))
        let numbers = (sessions.initiatorOutputs + later).compactMap { output -> UInt64? in
            if case let .send(_, sequence) = output { return sequence }
            return nil
        }
        // Initiator: hello, auth, version, verack, then the two pings.
        #expect(numbers == [0, 1, 2, 3, 4, 5])
        #expect(initiator.framesOut == 6)
    }
}
