/// A data file as the manifest records it: its checksum, byte count, and array shape where it is an array.
///
/// ``ModelDirectory`` checks a file against its entry before handing it out.
public struct StoredFile: Sendable, Hashable, Codable {
  /// ``FileIntegrity/Checksum`` of the file's bytes.
  public var checksum: String
  /// The file's length in bytes.
  public var bytes: Int
  /// The array's shape (`.npy`), or the line count of a text file; `nil` when neither applies.
  public var shape: [Int]?

  public init(checksum: String, bytes: Int, shape: [Int]?) {
    self.checksum = checksum
    self.bytes = bytes
    self.shape = shape
  }
}
