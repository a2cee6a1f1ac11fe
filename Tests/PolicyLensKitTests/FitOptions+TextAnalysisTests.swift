import Ingest
import Foundation
import PolicyLensKit
import Testing
import TestSupport
import TextAnalysis
import ThemeTagging

@Suite("FitOptions.textAnalysis")
struct FitOptionsTextAnalysisTests {
  let catalog = ThemeCatalog(themes: [
    ThemeDefinition(key: "energy", name: "能源", description: "", seedTerms: ["新能源", "光伏", "电", "5G基站", "储能"]),
    ThemeDefinition(key: "air", name: "低空", description: "", seedTerms: ["低空经济", "光伏", "drone-port"]),
  ])
  let base = TextAnalysisOptions(
    lexiconPath: "dict.txt", userDictionary: UserDictionary(entries: [.init(word: "储能", frequency: 10)]),
    stopWords: ["的", "通知"])

  @Test("themes' segmentable seeds join the user dictionary once, after its own entries")
  func seedsJoinTheDictionary() {
    let resolved = FitOptions.textAnalysis(base, themes: catalog, includesInstrumentWords: true)
    #expect(resolved.userDictionary.entries.map(\.word) == ["储能", "新能源", "光伏", "5G基站", "低空经济"])
    #expect(resolved.userDictionary.entries[0].frequency == 10, "an existing entry keeps its frequency")
    #expect(resolved.stopWords == base.stopWords)
    #expect(resolved.lexiconPath == base.lexiconPath)
  }

  @Test("no themes is its own choice: the dictionary stays as given")
  func noThemes() {
    let resolved = FitOptions.textAnalysis(base, themes: nil, includesInstrumentWords: true)
    #expect(resolved == base)
    #expect(resolved != FitOptions.textAnalysis(base, themes: catalog, includesInstrumentWords: true))
  }

  @Test("instrument words become stop words unless kept, without duplicates")
  func instrumentWords() {
    let dropped = FitOptions.textAnalysis(base, themes: nil, includesInstrumentWords: false)
    #expect(dropped.stopWords.prefix(2) == ["的", "通知"])
    #expect(Set(dropped.stopWords) == Set(base.stopWords + FitOptions.policyInstrumentWords))
    #expect(dropped.stopWords.count == Set(dropped.stopWords).count)
  }

  @Test("the committed model's text analysis is what the seeds' themes and stop words resolve to")
  func committedModel() throws {
    let options = SeedModel.model.manifest.parameters.textAnalysis
    let themes = try ThemeCatalog(
      parsing: String(contentsOf: RepositoryPaths.root.appendingPathComponent("models/themes.yaml"), encoding: .utf8))
    let dictionary = try UserDictionary(contentsOf: RepositoryPaths.root.appendingPathComponent("models/userdict.txt"))
    let resolved = FitOptions.textAnalysis(
      TextAnalysisOptions(lexiconPath: options.lexiconPath, userDictionary: dictionary), themes: themes,
      includesInstrumentWords: false)
    #expect(resolved.userDictionary == options.userDictionary)
    // fit then leaves place names out of the terms (FitOptions.excludesPlaceNames).
    let known = Set(resolved.stopWords)
    #expect(resolved.stopWords + Gazetteer.placeNames.filter { !known.contains($0) } == options.stopWords)
  }
}
