/// Buffers that repeated sparse products reuse (``SparseMatrix/gramMultiply(_:transpose:precision:workspace:)``).
///
/// Each product used to allocate its packed operands and its result afresh. A block of that
/// size comes straight from the kernel, whose first touch of every page faults and clears it:
/// on this project's virtual machines page clearing was 9.5–15 % of a 100k fit's CPU, a third of
/// it in the randomized SVD (bench/README.md). A workspace keeps its blocks from one product to
/// the next, so only the first pays for them.
///
/// The blocks are untyped; each product binds them to its scalar type (`Float` or `Double`).
/// Their contents are scratch: nothing is read that the same product did not write.
public struct ProductWorkspace: ~Copyable {
  private var blocks: [UnsafeMutableRawBufferPointer] = []

  /// An empty workspace; blocks are allocated as products first need them.
  public init() {}

  deinit {
    for block in blocks { block.deallocate() }
  }

  /// Block `slot`, with room for at least `count` values of `Scalar` (grown, and its contents
  /// lost, when it is smaller), bound to `Scalar`.
  mutating func buffer<Scalar>(_ slot: Int, count: Int, of _: Scalar.Type) -> UnsafeMutableBufferPointer<Scalar> {
    while blocks.count <= slot { blocks.append(UnsafeMutableRawBufferPointer(start: nil, count: 0)) }
    let bytes = count * MemoryLayout<Scalar>.stride
    if blocks[slot].count < bytes {
      blocks[slot].deallocate()
      blocks[slot] = .allocate(byteCount: bytes, alignment: 64)
      HugePages.advise(blocks[slot].bindMemory(to: UInt8.self))
    }
    let typed = blocks[slot].bindMemory(to: Scalar.self)
    return UnsafeMutableBufferPointer(rebasing: typed[0..<count])
  }
}
