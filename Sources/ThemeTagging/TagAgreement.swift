/// Agreement of predicted theme tags with judged ones, over (article, theme) pairs.
///
/// Micro averages pool every pair: precision = TP / (TP + FP), recall = TP / (TP + FN),
/// F1 = 2PR / (P + R). Macro F1 is the mean over themes of each theme's F1, counting only
/// themes that are judged or predicted at least once (scikit-learn's `f1_score(average=
/// "macro")` over the labels present). A ratio with a zero denominator is 0.
public struct TagAgreement: Sendable, Hashable, Codable {
  public var truePositives: Int
  public var falsePositives: Int
  public var falseNegatives: Int
  public var microPrecision: Double
  public var microRecall: Double
  public var microF1: Double
  public var macroF1: Double

  /// Compares predicted with judged theme keys, one pair of sets per article.
  public init(predicted: [Set<String>], judged: [Set<String>]) {
    precondition(predicted.count == judged.count, "one predicted and one judged set per article")
    var perTheme: [String: (tp: Int, fp: Int, fn: Int)] = [:]
    for (p, j) in zip(predicted, judged) {
      for key in p.union(j) {
        var counts = perTheme[key] ?? (0, 0, 0)
        if p.contains(key) && j.contains(key) {
          counts.tp += 1
        } else if p.contains(key) {
          counts.fp += 1
        } else {
          counts.fn += 1
        }
        perTheme[key] = counts
      }
    }
    func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
    func f1(_ precision: Double, _ recall: Double) -> Double {
      precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }
    truePositives = perTheme.values.reduce(0) { $0 + $1.tp }
    falsePositives = perTheme.values.reduce(0) { $0 + $1.fp }
    falseNegatives = perTheme.values.reduce(0) { $0 + $1.fn }
    microPrecision = ratio(truePositives, truePositives + falsePositives)
    microRecall = ratio(truePositives, truePositives + falseNegatives)
    microF1 = f1(microPrecision, microRecall)
    let themeF1 = perTheme.values.map { f1(ratio($0.tp, $0.tp + $0.fp), ratio($0.tp, $0.tp + $0.fn)) }
    macroF1 = themeF1.isEmpty ? 0 : themeF1.reduce(0, +) / Double(themeF1.count)
  }
}
