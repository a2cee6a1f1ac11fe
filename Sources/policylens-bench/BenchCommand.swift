import ArgumentParser

/// `policylens-bench`: reproducible benchmarks of each pipeline stage.
///
/// Run with `swift run -c release policylens-bench <stage>`; each subcommand prints medians over
/// `--repetitions` after a warm-up, and `--json` for machines.
@main
struct PolicyLensBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "policylens-bench",
    abstract: "Benchmarks for PolicyLens's pipeline stages.",
    subcommands: [
      // Each benchmark adds itself here (one line each).
      DenseBenchmark.self,
      FuzzCommand.self,
      IngestBenchmark.self,
      LSABenchmark.self,
      ProductBenchmark.self,
      SegmentationBenchmark.self,
      DocumentBenchmark.self,
    ])
}
