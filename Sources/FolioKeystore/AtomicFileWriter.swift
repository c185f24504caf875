/// Writes a file so that readers see either the old file or the complete new one, never a
/// part: temporary file, write, fsync, read back and compare, rename, fsync the directory.
struct AtomicFileWriter: Sendable {
    let files: any FileOperations

    /// Prefix of temporary files; `Keystore.list` skips names that start with it.
    static let temporaryPrefix = ".tmp-"

    /// Replaces (or creates) `path` in `directory` with `bytes`. `verify` sees the bytes read
    /// back from the temporary file and throws to stop the rename. On any error the temporary
    /// file is removed and `path` is as it was.
    func write(
        _ bytes: [UInt8], to name: String, in directory: String, token: String,
        verify: ([UInt8], String) throws(KeystoreError) -> Void
    ) throws(KeystoreError) {
        let destination = directory + "/" + name
        let temporary = directory + "/" + Self.temporaryPrefix + token + "-" + name
        let descriptor = try files.createExclusive(temporary)
        var open = true
        do throws(KeystoreError) {
            try files.write(descriptor, bytes, path: temporary)
            try files.sync(descriptor, path: temporary)
            open = false
            try files.close(descriptor, path: temporary)
            let readBack = try files.read(temporary, limit: bytes.count)
            guard readBack == bytes else { throw .readBackMismatch(path: temporary) }
            try verify(readBack, temporary)
            try files.rename(temporary, to: destination)
        } catch {
            if open { try? files.close(descriptor, path: temporary) }
            files.remove(temporary)
            throw error
        }
        // The new file is complete under its final name; a failure here only means the rename
        // might not survive a power cut, so it is reported but the file is not removed.
        try files.syncDirectory(directory)
    }
}
