import FolioWire

// libFuzzer entry point for the wire decoders. The input is used two ways:
// 1. as a byte stream for `FrameParser` (the frame decoder's logic), decoding every frame it
//    yields as a message, and
// 2. as one message: byte 0 picks the message type, the rest is its payload, so every
//    message decoder sees arbitrary bytes.
// Any trap or sanitizer report is a bug: decoding must only ever throw.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var parser = FrameParser(magic: NetworkMagic(chainId: 7))
    parser.append(bytes)
    while let frame = try? parser.next() {
        _ = try? Message(type: frame.type, payload: frame.payload)
    }
    if let type = bytes.first {
        _ = try? Message(type: type, payload: Array(bytes.dropFirst()))
    }
    return 0
}
