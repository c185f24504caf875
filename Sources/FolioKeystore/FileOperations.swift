/// The file-system calls the keystore makes, as a seam: production uses `POSIXFileOperations`;
/// tests wrap it to fail at a chosen step (a full disk, a failing fsync, a crash before rename).
protocol FileOperations: Sendable {
    /// Creates `path` exclusively (it must not exist) with owner-only permissions; returns a descriptor.
    func createExclusive(_ path: String) throws(KeystoreError) -> Int32
    /// Writes all of `bytes` to `descriptor`, or throws.
    func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(KeystoreError)
    /// Flushes `descriptor`'s data to stable storage.
    func sync(_ descriptor: Int32, path: String) throws(KeystoreError)
    /// Closes `descriptor`.
    func close(_ descriptor: Int32, path: String) throws(KeystoreError)
    /// The whole of `path`, refusing files longer than `limit` bytes.
    func read(_ path: String, limit: Int) throws(KeystoreError) -> [UInt8]
    /// Renames `source` to `destination`, replacing it if present.
    func rename(_ source: String, to destination: String) throws(KeystoreError)
    /// Flushes the directory entry list of `directory`, so a rename survives a power cut.
    func syncDirectory(_ directory: String) throws(KeystoreError)
    /// Removes `path`, ignoring errors (used to clean up a temporary file).
    func remove(_ path: String)
    /// Whether something exists at `path`.
    func exists(_ path: String) -> Bool
    /// The names in `directory`.
    func list(_ directory: String) throws(KeystoreError) -> [String]
    /// Creates `directory` and missing parents with owner-only permissions.
    func makeDirectory(_ directory: String) throws(KeystoreError)
}
