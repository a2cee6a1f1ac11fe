/// A value stored as fixed-width little-endian bytes in `.npy` data: `Double` (`'<f8'`) or
/// `Int32` (`'<i4'`).
public protocol NumPyElement: BitwiseCopyable, Sendable {
  /// The dtype string in the header (`'<f8'`).
  static var descriptor: String { get }
  /// Bytes per value.
  static var byteCount: Int { get }
  /// Writes the value's little-endian bytes at `offset`.
  func storeLittleEndian(into bytes: inout [UInt8], at offset: Int)
  /// Reads a value from little-endian bytes at `offset` (any alignment).
  static func loadLittleEndian(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Self
}

extension NumPyElement {
  /// Whether this machine stores values in `.npy`'s little-endian layout, so that whole
  /// arrays can be copied or viewed byte for byte.
  static var isNativeLittleEndianLayout: Bool { 1.littleEndian == 1 }
}

extension Double: NumPyElement {
  public static var descriptor: String { "<f8" }
  public static var byteCount: Int { 8 }
  public func storeLittleEndian(into bytes: inout [UInt8], at offset: Int) {
    let pattern = bitPattern
    for b in 0..<8 { bytes[offset + b] = UInt8(truncatingIfNeeded: pattern >> (8 * b)) }
  }
  public static func loadLittleEndian(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Double {
    Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
  }
}

extension Int32: NumPyElement {
  public static var descriptor: String { "<i4" }
  public static var byteCount: Int { 4 }
  public func storeLittleEndian(into bytes: inout [UInt8], at offset: Int) {
    let pattern = UInt32(bitPattern: self)
    for b in 0..<4 { bytes[offset + b] = UInt8(truncatingIfNeeded: pattern >> (8 * b)) }
  }
  public static func loadLittleEndian(from bytes: UnsafeRawBufferPointer, at offset: Int) -> Int32 {
    Int32(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
  }
}
