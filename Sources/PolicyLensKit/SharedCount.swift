import Synchronization

/// A count that tasks add to concurrently.
final class SharedCount: Sendable {
  private let value = Mutex(0)

  /// Adds `amount` and returns the new count.
  func add(_ amount: Int) -> Int {
    value.withLock { count in
      count += amount
      return count
    }
  }
}
