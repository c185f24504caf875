import Foundation

/// The number of cores signature checks spread over.
enum ProcessInfoCores {
    static let count = ProcessInfo.processInfo.activeProcessorCount
}
