import ArgumentParser
import Foundation
import LinearAlgebra

/// `policylens-bench dense`: dgemm GFLOP/s on n × n matrices.
///
/// It goes through the same LAPACK wrapper the SVD uses, so the figure includes the kernels
/// OpenBLAS was asked for (`OPENBLAS_CORETYPE`, set from the processor's instruction sets unless
/// the environment sets it). Run it once as is and once with `OPENBLAS_CORETYPE=Prescott` to see
/// what OpenBLAS's fallback for an unknown processor costs.
struct DenseBenchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dense",
    abstract: "Time dgemm on n × n matrices (GFLOP/s) with the BLAS kernels in use.",
    discussion: """
      Example: policylens-bench dense --size 2000
               OPENBLAS_CORETYPE=Prescott policylens-bench dense --size 2000
      """)

  @Option(help: "Rows and columns of both factors.") var size = 2000
  @Option(help: "Timed repetitions after one warm-up (median and best are reported).") var repetitions = 5

  mutating func validate() throws {
    guard size >= 1 else { throw ValidationError("--size must be at least 1; got \(size).") }
    guard repetitions >= 1 else { throw ValidationError("--repetitions must be at least 1; got \(repetitions).") }
  }

  func run() throws {
    var generator = SplitMix64(seed: 5)
    func random() -> Matrix {
      Matrix(
        rowCount: size, columnCount: size, columnMajor: (0..<size * size).map { _ in generator.nextUnit() - 0.5 })
    }
    let (a, b) = (random(), random())
    var sink = try a.multiplied(by: b).elements[0]
    var seconds: [Double] = []
    for _ in 0..<repetitions {
      let start = ContinuousClock.now
      sink += try a.multiplied(by: b).elements[0]
      seconds.append((ContinuousClock.now - start).seconds)
    }
    let flops = 2 * pow(Double(size), 3)
    let core = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "(unset: OpenBLAS's own choice)"
    print("dgemm \(size)×\(size)  OPENBLAS_CORETYPE \(core)  (\(repetitions) runs; sink \(sink.isFinite))")
    print(
      String(
        format: "median %.3f s  %.1f GFLOP/s   best %.3f s  %.1f GFLOP/s", Statistics.median(seconds),
        flops / Statistics.median(seconds) / 1e9, seconds.min() ?? 0, flops / (seconds.min() ?? 1) / 1e9))
  }
}
