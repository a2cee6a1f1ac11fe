import Foundation

/// A value whose memory is written to a file as it is: `Data`, and arrays of plain values
/// (their bytes in the machine's order).
///
/// A file can be written from several such parts (`DirectoryTransaction.write(_:named:)`,
/// `Checksum.hex(of:)`) without first copying them into one block: at 100k articles a
/// model's files are 930 MB, and each copy was that much fresh memory.
public protocol FileBytes: Sendable {
  /// Calls `body` with the bytes.
  func withFileBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Data: FileBytes {
  public func withFileBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try withUnsafeBytes(body)
  }
}

/// A plain value whose arrays are ``FileBytes``.
public protocol FileScalar: BitwiseCopyable, Sendable {}

extension UInt8: FileScalar {}
extension Int32: FileScalar {}
extension Double: FileScalar {}

extension Array: FileBytes where Element: FileScalar {
  public func withFileBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try withUnsafeBytes(body)
  }
}
