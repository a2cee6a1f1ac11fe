import ArgumentParser
import Foundation
import LinearAlgebra
import PolicyLensKit
import Reduction

/// `policylens-bench products`: times the sparse × dense products that dominate a randomized
/// SVD, on the TF-IDF matrix of a fitted model, so kernel changes are
/// measured on real term statistics rather than a synthetic sampler.
///
/// Per repetition: A X (documents × terms times terms × l) and Aᵀ Y (the transpose built once,
/// as the SVD does), with X and Y uniform in [−0.5, 0.5), and optionally the whole randomized LSA fit.
/// GFLOP/s counts 2 · nnz · l flops per product.
struct ProductBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "products",
    abstract: "Time the SVD's sparse × dense products on a saved model's TF-IDF matrix.",
    discussion: """
      Example: policylens-bench products --model bench/out/model-100000 --svd
      """)

  @Option(help: "A model directory written by `policylens fit`.") var model: String
  @Option(help: "Dense columns l (dimensions + oversampling).") var columns = 110
  @Option(help: "Timed repetitions (median and minimum are reported).") var repetitions = 5
  @Flag(help: "Also time the whole randomized LSA fit at columns − 10 dimensions.") var svd = false
  @Flag(help: "Also time both products in single precision (the randomized SVD's range finder).")
  var singlePrecision = false
  @Flag(help: "Print one JSON document instead of a table.") var json = false

  mutating func validate() throws {
    guard columns >= 1 else { throw ValidationError("--columns must be at least 1; got \(columns).") }
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1; got \(repetitions).") }
  }

  func run() throws {
    // Loaded like every command loads a model: format version, checksums and shapes checked.
    let a = try PolicyModel.load(from: URL(fileURLWithPath: model)).weights
    let transpose = a.transposed()
    var generator = SplitMix64(seed: 7)
    func random(_ rowCount: Int) -> Matrix {
      Matrix(
        rowCount: rowCount, columnCount: columns,
        columnMajor: (0..<rowCount * columns).map { _ in generator.nextUnit() - 0.5 })
    }
    let x = random(a.columnCount)
    let y = random(a.rowCount)

    var forward: [Double] = []
    var backward: [Double] = []
    var singleForward: [Double] = []
    var singleBackward: [Double] = []
    var fits: [Double] = []
    var sink = 0.0
    for _ in 0..<repetitions {
      let t0 = ContinuousClock.now
      sink += a.multiplied(by: x).elements[0]
      let t1 = ContinuousClock.now
      sink += transpose.multiplied(by: y).elements[0]
      var t2 = ContinuousClock.now
      forward.append((t1 - t0).seconds)
      backward.append((t2 - t1).seconds)
      if singlePrecision {
        sink += a.multiplied(by: x, precision: .single).elements[0]
        let t3 = ContinuousClock.now
        sink += transpose.multiplied(by: y, precision: .single).elements[0]
        let t4 = ContinuousClock.now
        singleForward.append((t3 - t2).seconds)
        singleBackward.append((t4 - t3).seconds)
        t2 = t4
      }
      if svd {
        var random = SplitMix64(seed: 1)
        let fitted = try LSAModel(
          fitting: a, options: LSAOptions(dimensionCount: max(1, columns - 10), algorithm: .randomized), using: &random)
        fits.append((ContinuousClock.now - t2).seconds)
        sink += fitted.singularValues[0]
      }
    }
    let flops = 2 * Double(a.nonZeroCount) * Double(columns)
    var report: [String: Any] = [
      "benchmark": "products", "model": model, "documents": a.rowCount, "terms": a.columnCount,
      "nonZeros": a.nonZeroCount, "columns": columns, "repetitions": repetitions,
      "forwardSeconds": ["median": Statistics.median(forward), "min": forward.min() ?? 0],
      "transposeSeconds": ["median": Statistics.median(backward), "min": backward.min() ?? 0],
      "forwardGflops": flops / Statistics.median(forward) / 1e9,
      "transposeGflops": flops / Statistics.median(backward) / 1e9,
      "processors": ProcessInfo.processInfo.activeProcessorCount, "sink": sink,
    ]
    if svd { report["svdSeconds"] = ["median": Statistics.median(fits), "min": fits.min() ?? 0] }
    if singlePrecision {
      report["singleForwardSeconds"] = ["median": Statistics.median(singleForward), "min": singleForward.min() ?? 0]
      report["singleTransposeSeconds"] = [
        "median": Statistics.median(singleBackward), "min": singleBackward.min() ?? 0,
      ]
    }
    if json {
      let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted])
      print(String(decoding: data, as: UTF8.self))
      return
    }
    func f(_ x: Double) -> String { String(format: "%.3f", x) }
    print("products  \(a.rowCount)×\(a.columnCount)  nnz \(a.nonZeroCount)  l \(columns)  (\(repetitions) runs)")
    print("product   median s   min s   GFLOP/s")
    print(
      "A X       \(f(Statistics.median(forward)))      \(f(forward.min() ?? 0))   \(f(flops / Statistics.median(forward) / 1e9))"
    )
    print(
      "Aᵀ Y      \(f(Statistics.median(backward)))      \(f(backward.min() ?? 0))   \(f(flops / Statistics.median(backward) / 1e9))"
    )
    if singlePrecision {
      print(
        "A X  (single)  \(f(Statistics.median(singleForward)))      \(f(singleForward.min() ?? 0))   "
          + f(flops / Statistics.median(singleForward) / 1e9))
      print(
        "Aᵀ Y (single)  \(f(Statistics.median(singleBackward)))      \(f(singleBackward.min() ?? 0))   "
          + f(flops / Statistics.median(singleBackward) / 1e9))
    }
    if svd {
      print(
        "svd       \(f(Statistics.median(fits)))      \(f(fits.min() ?? 0))   (dimensions \(max(1, columns - 10)), randomized)"
      )
    }
  }
}
