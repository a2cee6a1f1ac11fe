import TextAnalysis
import ThemeTagging

extension FitOptions {
  /// The text analysis a model is fitted with: what goes into its user dictionary and stop
  /// words, decided here so that the same arguments give the same model wherever `fit` runs.
  ///
  /// - Each theme seed term that is not yet in the user dictionary and can be segmented
  ///   (two or more characters, all ideographs or ASCII letters and digits) is added to it:
  ///   a seed split by segmentation could never be seen by the tagger.
  /// - Unless `includesInstrumentWords`, the ``policyInstrumentWords`` not yet among the stop
  ///   words are added to them.
  ///
  /// - Parameters:
  ///   - base: The analysis asked for (lexicon, user dictionary, stop words).
  ///   - themes: The themes whose seeds must stay whole, or `nil` for a model without them
  ///     (an explicit choice: the CLI's `--no-themes`).
  ///   - includesInstrumentWords: Whether words naming a policy's form stay terms.
  /// - Returns: `base` extended, entries appended in catalog order.
  public static func textAnalysis(
    _ base: TextAnalysisOptions, themes: ThemeCatalog?, includesInstrumentWords: Bool
  ) -> TextAnalysisOptions {
    var resolved = base
    if let themes {
      var known = Set(resolved.userDictionary.entries.map(\.word))
      for seed in themes.allSeedTerms where isSegmentable(seed) && known.insert(seed).inserted {
        resolved.userDictionary.entries.append(.init(word: seed))
      }
    }
    if !includesInstrumentWords {
      let known = Set(resolved.stopWords)
      resolved.stopWords += policyInstrumentWords.filter { !known.contains($0) }
    }
    return resolved
  }

  /// Whether a seed term can come out of segmentation as one token: at least two characters,
  /// each an ideograph or an ASCII letter or digit.
  static func isSegmentable(_ seed: String) -> Bool {
    seed.count >= 2
      && seed.unicodeScalars.allSatisfy {
        $0.properties.isIdeographic || $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
      }
  }
}
