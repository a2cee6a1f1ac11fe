import Foundation

/// Locations of files the tests share: the repository root, `seeds/`, and `models/`.
public enum RepositoryPaths {
  /// The package root, found from this source file's path.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // TestSupport
    .deletingLastPathComponent()  // Sources
    .deletingLastPathComponent()

  /// The seed newsletters that are the default corpus and the main test fixture.
  public static var seeds: URL { root.appendingPathComponent("seeds", isDirectory: true) }

  /// The seed files, sorted by name.
  public static func seedFiles() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: seeds, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "txt" }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }
}

/// Errors raised while reading a test fixture.
public struct FixtureError: Error, CustomStringConvertible {
  public var description: String
}

/// Reads and decodes a JSON fixture from a test bundle's `Fixtures` folder.
public func loadFixture<T: Decodable>(_ type: T.Type, named name: String, in bundle: Bundle) throws -> T {
  let data = try fixtureData(named: name, in: bundle)
  return try JSONDecoder().decode(T.self, from: data)
}

/// Reads a fixture file's bytes from a test bundle's `Fixtures` folder.
public func fixtureData(named name: String, in bundle: Bundle) throws -> Data {
  guard let base = bundle.resourceURL else {
    throw FixtureError(description: "bundle \(bundle.bundlePath) has no resources")
  }
  let url = base.appendingPathComponent("Fixtures").appendingPathComponent(name)
  guard let data = FileManager.default.contents(atPath: url.path) else {
    throw FixtureError(description: "fixture \(name) not found at \(url.path)")
  }
  return data
}
