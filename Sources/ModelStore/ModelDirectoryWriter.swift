import FileIntegrity
import Foundation

/// Writes a model directory atomically (``FileIntegrity/DirectoryTransaction``): files go to a
/// staging directory, each recorded as a ``StoredFile`` entry (checksum, size, shape) for the
/// manifest; ``commit(manifest:)`` writes `manifest.json` last and swaps the directory into place.
///
/// A failure at any point leaves the previous model as it was.
public struct ModelDirectoryWriter: Sendable {
  /// The directory being replaced or created.
  public let url: URL
  /// The files written so far, by name.
  public private(set) var entries: [String: StoredFile] = [:]
  private let transaction: DirectoryTransaction

  /// Starts replacing the model at `url` (nothing there changes until ``commit(manifest:)``).
  ///
  /// - Throws: ``ModelStoreError/notAModelDirectory(path:reason:)`` when `url` is something
  ///   other than a model, an empty folder or a new path
  ///   (``ModelDirectory/checkReplaceable(_:)``); ``ModelStoreError/cannotWrite(path:reason:)``.
  public init(replacing url: URL) throws(ModelStoreError) {
    self.url = url
    try ModelDirectory.checkReplaceable(url)
    do {
      transaction = try DirectoryTransaction(replacing: url)
    } catch {
      throw Self.modelError(error)
    }
  }

  /// Writes `data` as `file` and records its entry.
  public mutating func write(_ data: Data, as file: ModelFile, shape: [Int]?) throws(ModelStoreError) {
    try write(data, named: file.name, shape: shape)
  }

  /// Writes `data` as the file `name` (a model file or a segment, ``ModelFile/segmentName(_:)``)
  /// and records its entry.
  public mutating func write(_ data: Data, named name: String, shape: [Int]?) throws(ModelStoreError) {
    try write([data], named: name, shape: shape)
  }

  /// Writes `parts`, one after the other, as `file` and records its entry.
  public mutating func write(_ parts: [any FileBytes], as file: ModelFile, shape: [Int]?) throws(ModelStoreError) {
    try write(parts, named: file.name, shape: shape)
  }

  /// Writes `parts`, one after the other, as the file `name` (a model file or a segment) and
  /// records its entry; the parts are never joined in memory.
  public mutating func write(_ parts: [any FileBytes], named name: String, shape: [Int]?) throws(ModelStoreError) {
    precondition(
      name != ModelFile.manifest.name && ModelFile.isModelFileName(name), "\(name) is not a data file of a model")
    do {
      try transaction.write(parts, named: name)
    } catch {
      throw Self.modelError(error)
    }
    let bytes = parts.reduce(0) { $0 + $1.withFileBytes { $0.count } }
    entries[name] = StoredFile(checksum: Checksum.hex(of: parts), bytes: bytes, shape: shape)
  }

  /// Carries the file `name` (a model file or a segment) over unchanged from the model being
  /// replaced (a hard link, no bytes copied), recording `entry`, its entry in that model's
  /// manifest.
  ///
  /// Files are never appended to: the old generation shares the linked file.
  public mutating func keep(named name: String, entry: StoredFile) throws(ModelStoreError) {
    precondition(
      name != ModelFile.manifest.name && ModelFile.isModelFileName(name), "\(name) is not a data file of a model")
    do {
      try transaction.link(transaction.destination.appendingPathComponent(name), named: name)
    } catch {
      throw Self.modelError(error)
    }
    entries[name] = entry
  }

  /// Writes the manifest (which should list ``entries``) and puts the directory in place.
  ///
  /// The destination is checked again first (a user may have put a file into it meanwhile).
  public func commit(manifest: Data) throws(ModelStoreError) {
    do {
      try ModelDirectory.checkReplaceable(url)
    } catch {
      abandon()
      throw error
    }
    do {
      try transaction.write(manifest, named: ModelFile.manifest.name)
      try transaction.commit()
    } catch {
      throw Self.modelError(error)
    }
  }

  /// Gives up: removes the staged files, leaving the previous model as it was.
  public func abandon() { transaction.abandon() }

  private static func modelError(_ error: FileIntegrityError) -> ModelStoreError {
    switch error {
    case .cannotWrite(let path, let reason): .cannotWrite(path: path, reason: reason)
    }
  }
}
