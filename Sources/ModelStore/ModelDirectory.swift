import FileIntegrity
import Foundation
import LinearAlgebra

/// Reads the files of a model directory (see ``ModelFile``), checking each against its manifest
/// entry: present, the recorded size, and (for files read whole) the recorded checksum.
///
/// It deals in bytes, arrays and matrices; what the files mean is the caller's.
///
/// Large arrays can be memory-mapped instead (``array(_:of:shape:fortranOrder:verifiesChecksum:)``
/// with `verifiesChecksum: false`): then only their size and header are checked, so a reader
/// that touches a few rows does not read the whole file. ``verifiedData(_:)-([ModelFile])``
/// maps several files and checksums them on every core (what a query does).
///
/// A file that takes segments (``ModelFile/takesSegments``) is read as its *parts*: the base
/// file, then segments 1 to ``segmentCount`` (``verifiedParts(_:)-(ModelFile)``); each part is
/// checked against its own manifest entry, and an error names the part.
public struct ModelDirectory: Sendable {
  /// The directory.
  public let url: URL
  /// The manifest's file entries, by file name (empty until the manifest has been read).
  public var entries: [String: StoredFile]
  /// How many segments `add` appended after the base files (0 for a model written whole).
  public var segmentCount: Int

  /// A directory whose manifest lists `entries`, with `segmentCount` segments.
  public init(url: URL, entries: [String: StoredFile] = [:], segmentCount: Int = 0) {
    self.url = url
    self.entries = entries
    self.segmentCount = segmentCount
  }

  /// The path of `file` in the directory, for messages.
  public func path(_ file: ModelFile) -> String { url.appendingPathComponent(file.name).path }

  /// The names of `file`'s parts: the base file, then its segments in order (just the base
  /// file for a file that takes no segments).
  public func partNames(_ file: ModelFile) -> [String] { file.partNames(segmentCount: segmentCount) }

  /// The bytes of `manifest.json`.
  ///
  /// - Throws: ``ModelStoreError/missingModel(path:)`` when the directory or its manifest is
  ///   missing, ``ModelStoreError/unreadableFile(path:reason:)`` when it cannot be read.
  public func manifestData() throws(ModelStoreError) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw .missingModel(path: url.path)
    }
    let path = path(.manifest)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FileManager.default.fileExists(atPath: path)
        ? .unreadableFile(path: path, reason: "permission denied")
        : .missingModel(path: url.path)
    }
    return data
  }

  /// The bytes of `file`, memory-mapped, after checking that the manifest lists it and that
  /// its size matches (its checksum is not read).
  public func mappedData(_ file: ModelFile) throws(ModelStoreError) -> Data {
    try mappedData(named: file.name)
  }

  /// The bytes of the file `name` (a model file or a segment), memory-mapped, after checking
  /// that the manifest lists it and that its size matches.
  func mappedData(named name: String) throws(ModelStoreError) -> Data {
    let fileURL = url.appendingPathComponent(name)
    guard let entry = entries[name] else {
      throw .malformedFile(path: path(.manifest), reason: "it does not list \(name)")
    }
    guard let data = try? Data(contentsOf: fileURL, options: .alwaysMapped) else {
      throw .unreadableFile(
        path: fileURL.path,
        reason: FileManager.default.fileExists(atPath: fileURL.path) ? "permission denied" : "file missing")
    }
    guard data.count == entry.bytes else {
      throw .malformedFile(path: fileURL.path, reason: "\(data.count) bytes, manifest says \(entry.bytes) (truncated?)")
    }
    return data
  }

  /// The bytes of `file` after checking its size and checksum against the manifest.
  ///
  /// A file found intact before and not written to since (``VerifiedFiles``) is not hashed
  /// again.
  ///
  /// - Throws: ``ModelStoreError/checksumMismatch(path:)`` when a byte changed.
  public func verifiedData(_ file: ModelFile) throws(ModelStoreError) -> Data {
    try verifiedData([file])[file] ?? Data()
  }

  /// The bytes of several files, memory-mapped, each checked against its size and checksum in
  /// the manifest; the checksums run on every core, and a file found intact before and not
  /// written to since (``VerifiedFiles``) is not hashed again.
  ///
  /// - Throws: The first problem in `files`' order
  ///   (``ModelStoreError/checksumMismatch(path:)`` when a byte changed).
  /// - Complexity: O(total bytes) the first time; the pages are read once, which a query that
  ///   scans every row would do anyway. O(1) per file while its record holds.
  public func verifiedData(_ files: [ModelFile]) throws(ModelStoreError) -> [ModelFile: Data] {
    Dictionary(uniqueKeysWithValues: zip(files, try verifiedData(named: files.map(\.name))))
  }

  /// The parts of `file` (``partNames(_:)``), memory-mapped, each checked against its size and
  /// checksum in the manifest.
  ///
  /// - Throws: ``ModelStoreError/checksumMismatch(path:)`` naming the part whose bytes changed.
  public func verifiedParts(_ file: ModelFile) throws(ModelStoreError) -> [Data] {
    try verifiedParts([file])[file] ?? []
  }

  /// The parts of several files (``partNames(_:)``), memory-mapped, each checked as
  /// ``verifiedData(_:)-([ModelFile])`` checks a file.
  ///
  /// - Throws: The first problem in `files`' order, naming the part.
  public func verifiedParts(_ files: [ModelFile]) throws(ModelStoreError) -> [ModelFile: [Data]] {
    let mapped = try verifiedData(named: files.flatMap { partNames($0) })
    var result: [ModelFile: [Data]] = [:]
    var next = 0
    for file in files {
      let count = partNames(file).count
      result[file] = Array(mapped[next..<(next + count)])
      next += count
    }
    return result
  }

  /// The files `names` (model files or segments), memory-mapped and checked, in order.
  ///
  /// Each is checked against its size and checksum in the manifest. The checksums run on every
  /// core; a file found intact before and not written to since (``VerifiedFiles``) is not
  /// hashed again.
  ///
  /// - Throws: The first problem in `names`' order.
  /// - Complexity: O(total bytes) the first time; the pages are read once, which a query that
  ///   scans every row would do anyway. O(1) per file while its record holds.
  private func verifiedData(named names: [String]) throws(ModelStoreError) -> [Data] {
    let records = VerifiedFiles.shared
    let paths = names.map { url.appendingPathComponent($0).path }
    // Each file's state is taken before it is read, so a write during the hashing is seen.
    let states = paths.map(VerifiedFiles.state(ofFileAt:))
    var reads: [Data] = []
    for name in names { reads.append(try mappedData(named: name)) }
    let mapped = reads
    let expected = names.map { entries[$0]?.checksum ?? "" }
    let unverified = names.indices.filter { index in
      guard let records, let state = states[index] else { return true }
      return !records.contains(state, checksum: expected[index])
    }
    nonisolated(unsafe) let matches = UnsafeMutableBufferPointer<Bool>.allocate(capacity: unverified.count)
    defer { matches.deallocate() }
    DispatchQueue.concurrentPerform(iterations: unverified.count) { position in
      let index = unverified[position]
      matches[position] = Checksum.hex(of: mapped[index]) == expected[index]
    }
    if let bad = unverified.indices.first(where: { !matches[$0] }) {
      throw .checksumMismatch(path: paths[unverified[bad]])
    }
    for index in unverified { if let state = states[index] { records?.insert(state, checksum: expected[index]) } }
    return mapped
  }

  /// An `.npy` array of `file`, its shape checked (`nil` accepts any size in a dimension).
  ///
  /// - Parameters:
  ///   - fortranOrder: The memory order the caller indexes in; `nil` accepts either.
  ///   - verifiesChecksum: Whether the whole file is checksummed first; without it the file
  ///     stays mapped and only the pages read are loaded.
  public func array<Element: NumPyElement>(
    _ file: ModelFile, of _: Element.Type, shape: [Int?], fortranOrder: Bool?, verifiesChecksum: Bool
  ) throws(ModelStoreError) -> NumPyArray<Element> {
    try array(
      file, in: verifiesChecksum ? try verifiedData(file) : try mappedData(file), shape: shape,
      fortranOrder: fortranOrder)
  }

  /// An `.npy` array of `file` whose bytes were already read (and verified, see
  /// ``verifiedData(_:)-(ModelFile)``), its shape and memory order checked.
  public func array<Element: NumPyElement>(
    _ file: ModelFile, in data: Data, shape: [Int?], fortranOrder: Bool?
  ) throws(ModelStoreError) -> NumPyArray<Element> {
    let array = try NumPyArray<Element>(npy: data, path: path(file))
    try array.expectShape(shape, path: path(file))
    if let fortranOrder, array.isFortranOrder != fortranOrder {
      throw .malformedFile(path: path(file), reason: "unexpected memory order")
    }
    return array
  }

  /// A 1-D `'<f8'` array of `count` values, checksum verified.
  public func doubles(_ file: ModelFile, count: Int) throws(ModelStoreError) -> [Double] {
    let array = try NumPyArray<Double>(npy: try verifiedData(file), path: path(file))
    guard array.shape == [count] else {
      throw .shapeMismatch(path: path(file), expected: "[\(count)]", found: "\(array.shape)")
    }
    return array.elements
  }

  /// A 1-D `'<i4'` array of any length, checksum verified.
  public func int32s(_ file: ModelFile) throws(ModelStoreError) -> [Int32] {
    try NumPyFormat.decodeInt32s(from: try verifiedData(file), path: path(file))
  }

  /// A 2-D `'<f8'` array of the given shape, in either memory order, checksum verified.
  public func matrix(_ file: ModelFile, rows: Int, columns: Int) throws(ModelStoreError) -> Matrix {
    let matrix = try NumPyFormat.decodeMatrix(from: try verifiedData(file), path: path(file))
    guard matrix.rowCount == rows, matrix.columnCount == columns else {
      throw .shapeMismatch(
        path: path(file), expected: "\(rows)×\(columns)", found: "\(matrix.rowCount)×\(matrix.columnCount)")
    }
    return matrix
  }
}
