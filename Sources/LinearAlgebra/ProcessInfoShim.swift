import Foundation

/// The number of active processors, for sizing parallel work (never read in algorithms'
/// results: outputs do not depend on it).
enum ProcessInfoShim {
  static let processorCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
}
