import Foundation

/// The delay and loss set on testnet nodes' links (`folio-testnet delay I MS`, `loss I PCT`),
/// kept in `<dir>/faults.json`, which the link proxy reads again every 200 ms.
public struct LinkFaults: Codable, Sendable, Equatable, CustomStringConvertible {
    /// Milliseconds added to every chunk on a link touching the node, each way.
    public var delayMillis: [Int: Int] = [:]
    /// Percent chance that a chunk on a link touching the node is "lost" and held for the
    /// retransmission timeout before it goes on.
    public var lossPercent: [Int: Int] = [:]

    /// How long a "lost" chunk is held: a typical first TCP retransmission timeout.
    public static let retransmissionMillis = 200
    /// The file name in the testnet directory.
    static let fileName = "faults.json"

    /// No faults.
    public init() {}

    /// Whether no link has a fault.
    public var isEmpty: Bool { delayMillis.isEmpty && lossPercent.isEmpty }

    /// The delay and the loss probability (0…1) of a chunk between nodes `a` and `b`: the
    /// delays of both ends add; each end's loss applies independently.
    public func link(_ a: Int, _ b: Int) -> (delayMillis: Int, loss: Double) {
        let delay = (delayMillis[a] ?? 0) + (delayMillis[b] ?? 0)
        let pass = (1 - Double(lossPercent[a] ?? 0) / 100) * (1 - Double(lossPercent[b] ?? 0) / 100)
        return (delay, 1 - pass)
    }

    /// Reads the faults of the testnet in `directory` (none when the file is absent or unreadable).
    static func load(directory: String) -> LinkFaults {
        guard let data = FileManager.default.contents(atPath: directory + "/" + fileName),
              let faults = try? JSONDecoder().decode(LinkFaults.self, from: data) else { return LinkFaults() }
        return faults
    }

    /// Writes the faults atomically.
    func save(directory: String) throws(TestnetError) {
        do {
            try JSONEncoder().encode(self).write(to: URL(fileURLWithPath: directory + "/" + Self.fileName), options: .atomic)
        } catch {
            throw .setup("cannot write \(directory)/\(Self.fileName): \(error)")
        }
    }

    /// `delay 2: 100 ms, loss 3: 10 %`, or `none`.
    public var description: String {
        let delays = delayMillis.sorted { $0.key < $1.key }.map { "delay \($0.key): \($0.value) ms" }
        let losses = lossPercent.sorted { $0.key < $1.key }.map { "loss \($0.key): \($0.value) %" }
        return (delays + losses).isEmpty ? "none" : (delays + losses).joined(separator: ", ")
    }
}
