import Foundation
import PolicyLensKit
import TestSupport

/// The committed seeds model, loaded once per test process.
enum SeedModel {
  static let directory = RepositoryPaths.root.appendingPathComponent("models/seeds")

  static let model: PolicyModel = {
    do {
      return try PolicyModel.load(from: directory)
    } catch {
      fatalError("models/seeds does not load: \(error). Refit it with: make model")
    }
  }()

  /// A temporary directory removed when the closure returns.
  static func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("policylens-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try await body(url)
  }
}
