/// Keeps the best `capacity` neighbours seen so far in a binary heap whose root is the
/// worst kept result, so each offer costs O(log *capacity*) and most cost O(1).
struct TopK {
  let capacity: Int
  private(set) var heap: [Neighbour] = []

  init(capacity: Int) {
    self.capacity = capacity
    heap.reserveCapacity(min(capacity, 1 << 16))
  }

  /// Whether `a` is worse than `b` in the result order (root holds the worst).
  @inline(__always)
  private static func isWorse(_ a: Neighbour, _ b: Neighbour) -> Bool { b.ranks(before: a) }

  @inline(__always)
  mutating func offer(index: Int, score: Double) {
    guard capacity > 0 else { return }
    let candidate = Neighbour(index: index, score: score)
    if heap.count < capacity {
      heap.append(candidate)
      siftUp(heap.count - 1)
    } else if candidate.ranks(before: heap[0]) {
      heap[0] = candidate
      siftDown(0)
    }
  }

  private mutating func siftUp(_ start: Int) {
    var child = start
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.isWorse(heap[child], heap[parent]) else { return }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      guard left < heap.count else { return }
      var worst = left
      let right = left + 1
      if right < heap.count, Self.isWorse(heap[right], heap[left]) { worst = right }
      guard Self.isWorse(heap[worst], heap[parent]) else { return }
      heap.swapAt(worst, parent)
      parent = worst
    }
  }

  /// The kept neighbours, best first.
  func sorted() -> [Neighbour] { heap.sorted { $0.ranks(before: $1) } }
}
