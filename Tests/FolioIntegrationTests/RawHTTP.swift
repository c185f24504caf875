#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A bare HTTP/1.1 exchange over a POSIX socket, for cases URLSession on Linux cannot make:
/// it keeps uploading a body the server has already refused and never returns.
enum RawHTTP {
    /// Sends `head` (request line and headers, without the blank line) plus `body`, then reads
    /// until the server closes or `timeoutSeconds` pass. Returns the status and the whole reply.
    static func exchange(port: Int, head: String, body: Data = Data(), timeoutSeconds: Int = 10) throws -> (Int, String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.socket(errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw RawHTTPError.connect(errno) }
        let request = Data((head + "\r\n\r\n").utf8) + body
        // A refused upload ends in EPIPE or ECONNRESET; the reply may already be waiting.
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var reply = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            reply.append(contentsOf: buffer[0..<count])
            if isComplete(reply) { break }
        }
        let text = String(decoding: reply, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, text)
    }
}

extension RawHTTP {
    /// Whether `reply` holds the head and as many body bytes as its `Content-Length` says
    /// (a server that keeps the connection open would otherwise hold the read until timeout).
    static func isComplete(_ reply: Data) -> Bool {
        guard let end = reply.range(of: Data("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: reply[..<end.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return reply.count - end.upperBound >= length
    }
}

/// Why a raw exchange could not start.
enum RawHTTPError: Error {
    case socket(Int32)
    case connect(Int32)
}
