import Glibc
@testable import FolioKeystore

/// Real file operations with one step made to fail, the way a full disk, a failing device or
/// a crash would.
struct FaultyFileOperations: FileOperations {
    enum Fault: String, CaseIterable, Sendable {
        /// The disk fills after 40 bytes: those bytes land, then ENOSPC.
        case diskFullDuringWrite
        /// fsync of the temporary file reports EIO.
        case syncFails
        /// Reading the temporary file back returns other bytes.
        case readBackDiffers
        /// rename reports EXDEV.
        case renameFails
        /// The process dies after the temporary file is written, before rename: nothing
        /// after that point runs, so even the clean-up is skipped.
        case crashBeforeRename
    }

    /// Thrown for the simulated crash; the test treats it as the process dying.
    static let crashErrno: Int32 = -1

    let fault: Fault
    let real = POSIXFileOperations()

    func createExclusive(_ path: String) throws(KeystoreError) -> Int32 { try real.createExclusive(path) }

    func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(KeystoreError) {
        guard fault == .diskFullDuringWrite else { return try real.write(descriptor, bytes, path: path) }
        try real.write(descriptor, Array(bytes.prefix(40)), path: path)
        throw .io(operation: "write", path: path, errno: ENOSPC)
    }

    func sync(_ descriptor: Int32, path: String) throws(KeystoreError) {
        guard fault == .syncFails else { return try real.sync(descriptor, path: path) }
        throw .io(operation: "fsync", path: path, errno: EIO)
    }

    func close(_ descriptor: Int32, path: String) throws(KeystoreError) { try real.close(descriptor, path: path) }

    func read(_ path: String, limit: Int) throws(KeystoreError) -> [UInt8] {
        var bytes = try real.read(path, limit: limit)
        if fault == .readBackDiffers, path.contains(AtomicFileWriter.temporaryPrefix), !bytes.isEmpty { bytes[0] ^= 0xff }
        return bytes
    }

    func rename(_ source: String, to destination: String) throws(KeystoreError) {
        switch fault {
        case .renameFails: throw .io(operation: "rename", path: destination, errno: EXDEV)
        case .crashBeforeRename: throw .io(operation: "crash", path: destination, errno: Self.crashErrno)
        default: try real.rename(source, to: destination)
        }
    }

    func syncDirectory(_ directory: String) throws(KeystoreError) { try real.syncDirectory(directory) }

    func remove(_ path: String) {
        if fault != .crashBeforeRename { real.remove(path) }
    }

    func exists(_ path: String) -> Bool { real.exists(path) }
    func list(_ directory: String) throws(KeystoreError) -> [String] { try real.list(directory) }
    func makeDirectory(_ directory: String) throws(KeystoreError) { try real.makeDirectory(directory) }
}
