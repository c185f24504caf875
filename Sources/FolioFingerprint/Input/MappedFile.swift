#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only into memory, for fingerprinting without reading it into an
/// array: a 3-minute WAV is 32 MB, and reading it costs a copy plus a fault on every fresh page
/// of the array (about 13 ms of CPU), where mapping pages already in the page cache costs about
/// 1 ms (`Fingerprinter.identify(_:file:)` with a buffer reads a WAV where it lies).
///
/// The pages are populated when the file is mapped. As with any mapping, a file that another
/// process truncates while it is mapped can end the process with SIGBUS; `folio` maps only the
/// file it was asked to fingerprint, for the time it takes.
public final class MappedFile {
    /// The file's bytes (empty for an empty file); valid while this object lives.
    public let bytes: UnsafeRawBufferPointer

    /// Why a file could not be mapped.
    public struct OpenError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The path given.
        public let path: String
        /// What failed, with the system's reason.
        public let reason: String

        public var description: String { "cannot read \(path): \(reason)" }
    }

    /// Opens and maps `path`; a directory, a missing or unreadable file is an `OpenError`.
    public init(path: String) throws(OpenError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OpenError(path: path, reason: Self.systemReason()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw OpenError(path: path, reason: Self.systemReason()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw OpenError(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let base = mmap(nil, size, PROT_READ, flags, fd, 0), base != MAP_FAILED else {
            throw OpenError(path: path, reason: Self.systemReason())
        }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }

    private static func systemReason() -> String { String(cString: strerror(errno)) }
}
