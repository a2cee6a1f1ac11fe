/// The file a newsletter was read from, as read: where it is, how long, and its checksum, so
/// a model can record its inputs without reading them again.
public struct SourceFile: Codable, Sendable, Hashable {
  /// The path as it was reached from the paths given to ``CorpusLoader/load(paths:)`` (a
  /// file given directly, or a folder joined with the file's name).
  public var path: String
  /// The file's length in bytes.
  public var byteCount: Int
  /// `Checksum` (from `FileIntegrity`) of the file's bytes.
  public var checksum: String

  /// Creates a record of one input file.
  public init(path: String, byteCount: Int, checksum: String) {
    self.path = path
    self.byteCount = byteCount
    self.checksum = checksum
  }
}
