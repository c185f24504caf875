import FolioLicence

// libFuzzer entry point for the licence-language front end: the input, read as UTF-8 licence
// source, goes through the parser, the checker, the compiler and the publish-time checks
// (worst-case gas, dead rules, conflicts). Each must only ever throw a `LicenceError` with a
// position; a trap or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLicenceParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? LicenceTemplate.publishing(source: source)
    return 0
}
