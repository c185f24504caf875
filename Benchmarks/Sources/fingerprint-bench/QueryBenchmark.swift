import FolioCore
import FolioFingerprint
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// B15 similarity queries: `SimilarityIndex` over CODES random codes, against `ReferenceIndex`
// (the index as of d544a9f, all Swift) built from the same codes and queried in the same run,
// query by query, with both answers compared. Every query is a stored code with d/2 bits flipped, so it
// has at least one true hit; the others are random, the hard case for multi-index hashing.

/// The distances queried: B15's 16, 24, 32; 54, the first provisional similarity threshold
/// (kept for comparison with earlier runs); 59, the similarity distance the genesis files
/// name, which every registration's gate queries; 64, the testnet's earlier similarity distance.
let queryDistances = [16, 24, 32, 54, 59, 64]

func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Median, 99th percentile (nearest rank), min and max, as JSON members named `prefix_…`.
func distribution(_ name: String, _ values: [Double]) -> String {
    let s = values.sorted()
    guard !s.isEmpty else { return "" }
    let p99 = s[min(s.count - 1, Int((0.99 * Double(s.count)).rounded(.up)) - 1)]
    return ",\"\(name)_median\":\(s[s.count / 2]),\"\(name)_p99\":\(p99),\"\(name)_min\":\(s[0]),\"\(name)_max\":\(s[s.count - 1])"
}

/// Resident set size and its peak, in bytes, from /proc/self/status.
func residentBytes() -> (now: Int, peak: Int) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }
    return (field("VmRSS"), field("VmHWM"))
}

/// The query of every sample with `flips` bits flipped in distinct bytes (deterministic).
func nearQueries(_ samples: [[UInt8]], flips: Int) -> [Fingerprint] {
    samples.compactMap { bytes in
        var near = bytes
        for k in 0..<flips { near[(k * 5) % 32] ^= 1 << UInt8(k % 8) }
        return Fingerprint(bytes: near)
    }
}

func queryBenchmark(codes total: Int, reference useReference: Bool, portable: Bool) throws {
    var random = Random(state: 5)
    var codes: [Fingerprint] = []
    codes.reserveCapacity(total)
    var samples: [[UInt8]] = []
    for i in 0..<total {
        var bytes = [UInt8](repeating: 0, count: 32)
        for w in 0..<4 {
            let word = random.next()
            for j in 0..<8 { bytes[8 * w + j] = UInt8(truncatingIfNeeded: word >> UInt64(8 * j)) }
        }
        if i < 1000 { samples.append(bytes) }
        if let code = Fingerprint(bytes: bytes) { codes.append(code) }
    }
    let before = residentBytes().now

    // One insert at a time, as a registry grows; then the codes still waiting are indexed.
    var index = SimilarityIndex()
    if portable { index.usesPopcountInstruction = false }
    let (_, insertWall, insertCPU) = timed { for (i, code) in codes.enumerated() { index.insert(code, id: i) } }
    let waiting = index.unindexedCount
    let (_, flushWall, flushCPU) = timed { index.indexPending() }
    let afterIndex = residentBytes().now
    report("index-build", wall: insertWall + flushWall, cpu: insertCPU + flushCPU,
           extra: ",\"codes\":\(index.count),\"unindexed_before_flush\":\(waiting),\"flush_wall_seconds\":\(flushWall)"
               + ",\"storage_bytes\":\(index.storageBytes),\"rss_growth_bytes\":\(afterIndex - before)")
    var bulk = SimilarityIndex()
    let (_, bulkWall, bulkCPU) = timed { bulk.insert(contentsOf: codes.enumerated().map { (code: $1, id: $0) }) }
    report("index-build-bulk", wall: bulkWall, cpu: bulkCPU, extra: ",\"codes\":\(bulk.count)")
    bulk = SimilarityIndex()

    var reference = ReferenceIndex()
    if useReference {
        let (_, wall, cpu) = timed {
            for (i, code) in codes.enumerated() { reference.insert(code, id: i) }
            reference.indexPending()
        }
        report("reference-build", wall: wall, cpu: cpu,
               extra: ",\"codes\":\(reference.count),\"storage_bytes\":\(reference.storageBytes)")
    }
    print("{\"benchmark\":\"memory\",\"rss_bytes\":\(residentBytes().now),\"peak_rss_bytes\":\(residentBytes().peak)}")

    for d in queryDistances {
        let queries = nearQueries(samples, flips: d / 2)
        var wall: [Double] = [], cpu: [Double] = [], refWall: [Double] = [], refCPU: [Double] = []
        var hits = 0, mismatches = 0
        for query in queries {
            // Interleaved, so both indexes meet the same load on a shared machine.
            let (w0, c0) = (wallSeconds(), threadCPUSeconds())
            let got = index.search(query, within: d)
            let (w1, c1) = (wallSeconds(), threadCPUSeconds())
            wall.append(w1 - w0); cpu.append(c1 - c0)
            hits += got.count
            guard useReference else { continue }
            let (w2, c2) = (wallSeconds(), threadCPUSeconds())
            let expected = reference.search(query, within: d)
            let (w3, c3) = (wallSeconds(), threadCPUSeconds())
            refWall.append(w3 - w2); refCPU.append(c3 - c2)
            if got.map(\.id) != expected.map(\.id) || got.map(\.distance) != expected.map(\.distance) { mismatches += 1 }
        }
        print("{\"benchmark\":\"query-within-\(d)\",\"codes\":\(index.count),\"queries\":\(queries.count),\"hits\":\(hits)"
              + distribution("wall", wall) + distribution("cpu", cpu)
              + (useReference ? ",\"reference_mismatches\":\(mismatches)" + distribution("reference_wall", refWall)
                  + distribution("reference_cpu", refCPU) : "") + "}")
        if mismatches > 0 { throw BenchError("\(mismatches) queries within \(d) differ from the reference index") }
    }
}
