#if canImport(Glibc)
import Glibc
#endif
import FolioAPI
import Foundation
import Testing

/// R7's connection flood past the process's file-descriptor limit, on a real `foliod` started
/// with `ulimit -n 256` and `max-peers` 1024: the node lowers its inbound cap to what the
/// limit leaves room for, takes 400 connections (more than it may hold descriptors), stays
/// under its limit, answers RPC throughout and keeps its two outbound peers.
@Suite(.serialized) struct FoliodDescriptorLimitTests {
    static let limit = 256

    /// The port a node's peer-to-peer listener bound, from its log.
    static func p2pPort(of node: FoliodProcess) async throws -> Int? {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let range = node.printed.range(of: "p2p: listening on 127.0.0.1:") {
                return Int(node.printed[range.upperBound...].prefix { $0.isNumber })
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    /// A TCP connection to 127.0.0.1:`port` that sends nothing; its descriptor.
    static func silentConnection(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawHTTPError.connect(errno)
        }
        return fd
    }

    /// Whether the node closed its end of `fd` (what it sent before is read and dropped).
    static func closedByNode(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
        }
    }

    /// Descriptors the process holds now.
    static func openDescriptors(pid: Int32) -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd"))?.count
    }

    /// Calls `method` on a new connection (a kept-alive one would need no `accept`, and
    /// accepting is what a node out of descriptors cannot do); the reply, or nil.
    static func rpc(_ node: FoliodProcess, _ method: String) -> String? {
        guard let authorization = try? RPCCredentials.cookie(dataDirectory: node.dataDirectory).authorizationHeader else { return nil }
        let body = Data(#"{"jsonrpc":"2.0","method":"\#(method)","id":1}"#.utf8)
        let head = "POST /rpc HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(authorization)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close"
        guard let (status, reply) = try? RawHTTP.exchange(port: node.port, head: head, body: body, timeoutSeconds: 5), status == 200 else {
            return nil
        }
        return reply
    }

    @Test func aFloodPastTheDescriptorLimitLeavesRPCAndOutboundPeersServed() async throws {
        // The built-in test network: a dev node with no peers runs no peer-to-peer service.
        let quiet = ["--network", "test", "--outbound-peers", "0"]
        let (first, second) = (try FoliodProcess(arguments: quiet), try FoliodProcess(arguments: quiet))
        defer { first.terminate(); second.terminate() }
        try #require(try await first.waitUntilServing(timeout: .seconds(120)), "foliod did not start: \(first.printed)")
        try #require(try await second.waitUntilServing(timeout: .seconds(120)), "foliod did not start: \(second.printed)")
        let portFirst = try #require(try await Self.p2pPort(of: first))
        let portSecond = try #require(try await Self.p2pPort(of: second))
        let outbound = ["127.0.0.1:\(portFirst)", "127.0.0.1:\(portSecond)"]

        let node = try FoliodProcess(arguments: quiet + ["--peers", outbound.joined(separator: ","), "--max-peers", "1024"],
                                     descriptorLimit: Self.limit)
        defer { node.terminate() }
        try #require(try await node.waitUntilServing(timeout: .seconds(120)), "foliod did not start: \(node.printed)")
        let pid = node.process.processIdentifier
        // The limit is the one the test set, soft and hard.
        let limits = try String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)
        #expect(limits.split(separator: "\n").contains { $0.hasPrefix("Max open files") && $0.split(separator: " ").contains("256") })
        // 256 descriptors: 150 kept, 32 for sockets past the cap, 2 for the configured outbound
        // peers, 72 for inbound.
        #expect(node.printed.contains("max-peers 1024 is more than the file-descriptor limit 256 leaves room for"))
        #expect(node.printed.contains("holding at most 72 inbound"))
        let nodePort = try #require(try await Self.p2pPort(of: node))
        func outboundKept() -> Bool {
            guard let text = Self.rpc(node, "net_peers") else { return false }
            return outbound.allSatisfy { text.contains($0) }
        }
        #expect(await eventually { outboundKept() })

        var flood: [Int32] = []
        defer { for fd in flood { close(fd) } }
        var mostDescriptors = 0
        for index in 0..<400 {
            flood.append(try Self.silentConnection(port: nodePort))
            guard index % 50 == 49 else { continue }
            #expect(node.process.isRunning)
            #expect(Self.rpc(node, "chain_info")?.contains(#""height""#) == true)
            #expect(outboundKept())
            mostDescriptors = max(mostDescriptors, Self.openDescriptors(pid: pid) ?? Self.limit)
        }
        // Every connection past the cap took the slot of an older silent one (or, arriving while
        // 32 others waited, was closed at accept): at least 328 of the 400 were accepted and
        // closed, so the node accepted far past its descriptor limit without reaching it.
        #expect(await eventually { flood.filter(Self.closedByNode).count >= 400 - 72 })
        #expect(mostDescriptors < Self.limit)
        #expect(Self.rpc(node, "chain_info")?.contains(#""height""#) == true)
        #expect(outboundKept())
        #expect(!node.printed.contains("Too many open files"))

        node.terminate()
        #expect(try await node.waitForExit(timeout: .seconds(30)) == 0)
    }

    /// Polls `condition` every 50 ms for at most 30 s.
    func eventually(_ condition: () async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return await condition()
    }
}
