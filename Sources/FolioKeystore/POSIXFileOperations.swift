import Glibc

/// `FileOperations` over the C library's calls.
struct POSIXFileOperations: FileOperations {
    func createExclusive(_ path: String) throws(KeystoreError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io(operation: "create", path: path, errno: errno) }
        return descriptor
    }

    func write(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(KeystoreError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path, errno: errno)
            }
            guard written > 0 else { throw .io(operation: "write", path: path, errno: EIO) }
            offset += written
        }
    }

    func sync(_ descriptor: Int32, path: String) throws(KeystoreError) {
        guard fsync(descriptor) == 0 else { throw .io(operation: "fsync", path: path, errno: errno) }
    }

    func close(_ descriptor: Int32, path: String) throws(KeystoreError) {
        guard Glibc.close(descriptor) == 0 else { throw .io(operation: "close", path: path, errno: errno) }
    }

    func read(_ path: String, limit: Int) throws(KeystoreError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        defer { _ = Glibc.close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "read", path: path, errno: errno)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            // One byte past the limit is enough for the caller to say the file is too long.
            if bytes.count > limit { return bytes }
        }
    }

    func rename(_ source: String, to destination: String) throws(KeystoreError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw .io(operation: "rename", path: destination, errno: errno)
        }
    }

    func syncDirectory(_ directory: String) throws(KeystoreError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(operation: "open directory", path: directory, errno: errno) }
        defer { _ = Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw .io(operation: "fsync directory", path: directory, errno: errno) }
    }

    func remove(_ path: String) {
        _ = unlink(path)
    }

    func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    func list(_ directory: String) throws(KeystoreError) -> [String] {
        guard let stream = opendir(directory) else { throw .io(operation: "list", path: directory, errno: errno) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    func makeDirectory(_ directory: String) throws(KeystoreError) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for part in directory.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw .io(operation: "create directory", path: prefix, errno: errno)
            }
        }
    }
}
