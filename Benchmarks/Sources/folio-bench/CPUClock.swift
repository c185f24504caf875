#if canImport(Glibc)
import Glibc
#endif

/// CPU time consumed by this process, in seconds (CLOCK_PROCESS_CPUTIME_ID).
func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Runs `body` in batches until at least `seconds` of CPU time have passed; returns
/// (operations, CPU seconds).
func measure(seconds: Double, batch: Int, _ body: (Int) -> Void) -> (operations: Int, cpuSeconds: Double) {
    let start = processCPUSeconds()
    var operations = 0
    var elapsed = 0.0
    repeat {
        body(batch)
        operations += batch
        elapsed = processCPUSeconds() - start
    } while elapsed < seconds
    return (operations, elapsed)
}
