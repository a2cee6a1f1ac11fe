import Foundation
import TestSupport
import TextAnalysis

/// Analyzers shared by the tests: built once, as the CLI would (jieba's lexicon, binary cache).
enum TestAnalyzers {
  static let lexiconPath = TextAnalysisOptions.debianJiebaLexiconPath
  static let cacheDirectory = FileManager.default.temporaryDirectory
    .appendingPathComponent("policylens-textanalysis-tests", isDirectory: true)
  static let userDictionaryURL = RepositoryPaths.root.appendingPathComponent("models/userdict.txt")

  /// jieba's default mode: base lexicon only, HMM on.
  static let plain: TextAnalyzer? = try? TextAnalyzer(
    options: TextAnalysisOptions(lexiconPath: lexiconPath), cacheDirectory: cacheDirectory)

  /// The default analyzer: base lexicon plus models/userdict.txt.
  static let `default`: TextAnalyzer? = {
    guard let dictionary = try? UserDictionary(contentsOf: userDictionaryURL) else { return nil }
    return try? TextAnalyzer(
      options: TextAnalysisOptions(lexiconPath: lexiconPath, userDictionary: dictionary),
      cacheDirectory: cacheDirectory)
  }()

  /// The seed newsletters' texts, sorted by file name.
  static func seedTexts() throws -> [(name: String, text: String)] {
    try RepositoryPaths.seedFiles().map { url in
      (url.lastPathComponent, String(decoding: try Data(contentsOf: url), as: UTF8.self))
    }
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("policylens-text-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
