import Dispatch

/// `0..<count` split into consecutive, nearly equal stretches, one per core when the work
/// repays the threads, and the way to run them all at once.
///
/// The stretches decide only where work runs: callers keep their results independent of them,
/// so no output depends on the number of cores.
public struct Stretches: Sendable {
  /// The stretches in order, together `0..<count` (the whole of it when the work is too small
  /// to split).
  public let ranges: [Range<Int>]

  /// Splits `0..<count` into at most one stretch per core, each with at least `minimumWork` of
  /// the `work`.
  ///
  /// - Parameters:
  ///   - count: How many items (rows, elements, pairs) there are.
  ///   - work: How much work they are in all, in any unit (entries read, multiply-adds …).
  ///   - minimumWork: The least work worth a thread; 2²⁰ by default, about a millisecond of a
  ///     simple loop.
  public init(splitting count: Int, work: Int, minimumWork: Int = 1 << 20) {
    let stretchCount = max(1, min(ProcessInfoShim.processorCount, work / minimumWork, count))
    ranges = (0..<stretchCount).map { (count * $0 / stretchCount)..<(count * ($0 + 1) / stretchCount) }
  }

  /// `body` of every stretch, in stretch order: concurrently when there are several, on the
  /// calling thread when there is one.
  public func concurrentMap<T>(_ body: @Sendable (Range<Int>) -> T) -> [T] {
    guard ranges.count > 1 else { return ranges.map(body) }
    let ranges = self.ranges
    return [T](unsafeUninitializedCapacity: ranges.count) { buffer, initializedCount in
      nonisolated(unsafe) let results = buffer
      DispatchQueue.concurrentPerform(iterations: ranges.count) { index in
        results.initializeElement(at: index, to: body(ranges[index]))
      }
      initializedCount = ranges.count
    }
  }

  /// Runs `body` on every stretch: concurrently when there are several, on the calling thread
  /// when there is one.
  public func concurrentForEach(_ body: @Sendable (Range<Int>) -> Void) {
    _ = concurrentMap(body)
  }
}
