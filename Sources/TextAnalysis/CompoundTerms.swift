/// Terms to show a reader, with sub-words folded into their compounds.
///
/// A model that indexes sub-words (``TextAnalysisOptions``: 无人机 also indexes 无人 and 人机)
/// ranks a compound and its parts side by side; a reader wants 低空经济 无人机, not 低空 低空经济
/// 经济 人机 无人机. Cluster labels and the "because of" terms of a match are chosen this way.
public enum CompoundTerms {
  /// The first `count` terms of `ranked` that a reader should see.
  ///
  /// Every term of `ranked` is read, in order. A term is skipped when `isExcluded` says so
  /// (places, stop words …), when it is part of a chosen term (经济 after 低空经济), or when it
  /// is part of an excluded term read before it (海市 after 上海市: a part of a skipped word owes
  /// its weight to that word). A term that contains chosen terms takes the place of the first
  /// of them and drops the others (低空经济 after 低空), even once `count` are chosen; any other
  /// term is added while fewer than `count` are chosen.
  ///
  /// - Parameters:
  ///   - ranked: Terms by importance, most important first: a few times `count` of them, so
  ///     that a compound ranked below its parts still replaces them.
  ///   - count: How many terms at most.
  ///   - isExcluded: Whether a term may not be shown.
  /// - Returns: At most `count` of the terms of `ranked`.
  /// - Complexity: O(*r* · (`count` + *e*)) substring tests for *r* terms, *e* of them excluded.
  public static func folding(
    _ ranked: some Sequence<String>, count: Int, isExcluded: (String) -> Bool = { _ in false }
  ) -> [String] {
    precondition(count >= 0, "count must be non-negative")
    var chosen: [String] = []
    var skipped: [String] = []
    for term in ranked {
      if isExcluded(term) {
        skipped.append(term)
        continue
      }
      if chosen.contains(where: { occurs(term, in: $0) }) || skipped.contains(where: { occurs(term, in: $0) }) {
        continue
      }
      if let first = chosen.firstIndex(where: { occurs($0, in: term) }) {
        chosen[first] = term
        chosen = chosen.enumerated().filter { $0.offset == first || !occurs($0.element, in: term) }.map(\.element)
      } else if chosen.count < count {
        chosen.append(term)
      }
    }
    return chosen
  }

  /// Whether `part` occurs in `text`, as a run of the same UTF-8 bytes.
  ///
  /// Terms come out of one analyzer, already normalized, so the bytes decide; Foundation's
  /// `contains` would compare canonically equivalent forms too, through a locale-aware search
  /// that cost more than the rest of a "because of" list. The standard library's
  /// `utf8.contains(_:)` (a generic search) added 6 ms to every `similar` process: hence the
  /// loop.
  static func occurs(_ part: String, in text: String) -> Bool {
    var (part, text) = (part, text)
    return part.withUTF8 { part in
      text.withUTF8 { text in
        guard part.count <= text.count else { return false }
        guard let first = part.first else { return true }
        for start in 0...(text.count - part.count) where text[start] == first {
          if text[start..<(start + part.count)].elementsEqual(part) { return true }
        }
        return false
      }
    }
  }
}
