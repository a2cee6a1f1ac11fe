import FileIntegrity
import ArgumentParser
import Foundation
import TextAnalysis

/// `--lexicon`, `--user-dictionary`: the text analysis a new model is fitted with.
struct AnalysisOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The jieba-format base lexicon (word frequency [tag] per line).", valueName: "file"),
    completion: .file())
  var lexicon = TextAnalysisOptions.debianJiebaLexiconPath

  @Option(
    help: ArgumentHelp(
      "Domain terms that must stay whole (one per line: word [frequency] [tag]); "
        + "pass an empty string for none.", valueName: "file"),
    completion: .file())
  var userDictionary = "models/userdict.txt"

  /// The bytes of the user dictionary file, `nil` when none is given.
  func userDictionaryData() throws -> Data? {
    guard !userDictionary.isEmpty else { return nil }
    guard let data = FileManager.default.contents(atPath: userDictionary) else {
      throw CommandError(
        description: "Cannot read the user dictionary \(ShellQuoting.quote(userDictionary)).",
        exitCode: ExitStatus.noInput)
    }
    return data
  }

  /// The options these flags ask for.
  func textAnalysisOptions() throws -> TextAnalysisOptions {
    let dictionary =
      userDictionary.isEmpty
      ? UserDictionary() : try UserDictionary(contentsOf: URL(fileURLWithPath: userDictionary))
    return TextAnalysisOptions(lexiconPath: lexicon, userDictionary: dictionary)
  }
}

/// Where the compiled lexicon is cached: `$XDG_CACHE_HOME/policylens`, else
/// `~/.cache/policylens`.
func lexiconCacheDirectory() -> URL {
  let environment = ProcessInfo.processInfo.environment
  if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
    return URL(fileURLWithPath: cache).appendingPathComponent("policylens")
  }
  return FileManager.default.homeDirectoryForCurrentUser
    .appendingPathComponent(".cache/policylens")
}
