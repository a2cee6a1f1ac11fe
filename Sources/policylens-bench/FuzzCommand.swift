import ArgumentParser
import Foundation
import Ingest
import LinearAlgebra
import TextAnalysis

/// `policylens-bench fuzz`: a seeded mutation loop over the seed newsletters, feeding the
/// newsletter parser (bytes → `TextDecoding` → `NewsletterParser`) or the segmenter
/// (`TextAnalyzer.tokens(in:)`), to find inputs that crash or hang them.
///
/// Iteration *i* mutates one seed file with its own generator, `SplitMix64(seed ^ i × φ)`:
/// one to eight mutations among bit flips, bytes and tokens the parsers care about (`【`,
/// `第21期`, `印发`, `\r`, NUL, a BOM, a cut UTF-8 sequence …), deleted, duplicated and spliced
/// ranges, swapped and repeated lines, and truncation. So every input is reproducible from the
/// seed and its iteration number alone: `--replay I` runs iteration *I* only and writes its
/// input with `--write-input`. A crash ends the process (its last progress line names the
/// range of iterations; `--from` and `--verbose` narrow it); an iteration that runs longer
/// than `--hang-seconds` is reported, its input written beside the seeds' folder, and the
/// process exits with status 2.
struct FuzzCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fuzz",
    abstract: "Mutation fuzzing of the newsletter parser or the segmenter (no crash, no hang).",
    discussion: """
      Examples:
        policylens-bench fuzz parser --seconds 600
        policylens-bench fuzz segmenter --seconds 3 --seed 7
        policylens-bench fuzz parser --replay 12345 --write-input crash.txt
      """)

  enum Target: String, ExpressibleByArgument, CaseIterable {
    case parser, segmenter
  }

  @Argument(help: "What to fuzz: parser or segmenter.")
  var target: Target

  @Option(help: "How long to run, in seconds.")
  var seconds: Double = 10

  @Option(help: "Seed of the mutations.")
  var seed: UInt64 = 1

  @Option(help: "First iteration (to resume or narrow down a crash).")
  var from: UInt64 = 0

  @Option(help: "Run only this iteration.")
  var replay: UInt64?

  @Option(help: "With --replay: write the mutated input to this file.", completion: .file())
  var writeInput: String?

  @Option(help: "An iteration running longer than this is a hang.")
  var hangSeconds: Double = 10

  @Option(help: "Folder with the seed newsletters.", completion: .directory)
  var seedsDirectory = "seeds"

  @Option(help: "jieba-format base lexicon (segmenter).", completion: .file())
  var lexicon = TextAnalysisOptions.debianJiebaLexiconPath

  @Option(help: "Cache folder for the compiled lexicon (segmenter).", completion: .directory)
  var cacheDirectory = "models/.cache"

  @Flag(help: "Print each iteration number before running it.")
  var verbose = false

  func validate() throws {
    guard seconds > 0 else { throw ValidationError("--seconds must be positive; got \(seconds).") }
    guard hangSeconds > 0 else { throw ValidationError("--hang-seconds must be positive; got \(hangSeconds).") }
  }

  func run() throws {
    let folder = URL(fileURLWithPath: seedsDirectory)
    let seeds = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
      .sorted().map { [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))) }
    guard !seeds.isEmpty else { throw ValidationError("no .txt files in \(seedsDirectory)") }
    let analyzer =
      target == .segmenter
      ? try TextAnalyzer(
        options: TextAnalysisOptions(lexiconPath: lexicon), cacheDirectory: URL(fileURLWithPath: cacheDirectory))
      : nil
    let mutator = Mutator(seeds: seeds)

    if let replay {
      let input = mutator.input(iteration: replay, seed: seed)
      if let writeInput { try Data(input).write(to: URL(fileURLWithPath: writeInput)) }
      say("iteration \(replay): \(input.count) bytes; running")
      _ = exercise(input, analyzer: analyzer)
      say("iteration \(replay): no crash")
      return
    }

    let watchdog = Watchdog(limit: hangSeconds)
    watchdog.start { iteration, input in
      let path = folder.deletingLastPathComponent().appendingPathComponent("fuzz-hang-\(seed)-\(iteration).txt")
      try? Data(input).write(to: path)
      FileHandle.standardError.write(
        Data(
          "HANG: iteration \(iteration) (seed \(seed)) ran over \(hangSeconds) s; input written to \(path.path)\n".utf8)
      )
      Foundation.exit(2)
    }
    let clock = ContinuousClock()
    let start = clock.now
    let deadline = start + .milliseconds(Int64(seconds * 1000))
    var iteration = from
    var sink = 0
    var bytes = 0
    var lastReport = start
    say("fuzz \(target.rawValue): seed \(seed), from iteration \(from), \(seeds.count) seed files, \(seconds) s")
    while clock.now < deadline {
      let input = mutator.input(iteration: iteration, seed: seed)
      if verbose { say("iteration \(iteration)") }
      watchdog.begin(iteration: iteration, input: input)
      sink &+= exercise(input, analyzer: analyzer)
      watchdog.end()
      bytes += input.count
      iteration += 1
      if clock.now - lastReport > .seconds(30) {
        lastReport = clock.now
        say("  … iterations \(from)..<\(iteration) fine (\(bytes / 1_000_000) MB)")
      }
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    say(
      "fuzz \(target.rawValue): \(iteration - from) iterations (\(from)..<\(iteration)), "
        + "\(bytes / 1_000_000) MB in \(String(format: "%.1f", seconds)) s, no crash, no hang (sink \(sink & 1))")
  }

  /// Runs the target on `input`; returns a value that depends on the result.
  func exercise(_ input: [UInt8], analyzer: TextAnalyzer?) -> Int {
    switch target {
    case .parser:
      switch TextDecoding.decode(input) {
      case .failure: return 0
      case .success(let decoded):
        let newsletter = NewsletterParser.parse(decoded.text, file: "fuzz.txt")
        return newsletter.articles.count &+ newsletter.boilerplate.count &+ newsletter.warnings.count
      }
    case .segmenter:
      guard let analyzer else { return 0 }
      let text = String(decoding: input, as: UTF8.self)
      return analyzer.tokens(in: text).count &+ analyzer.terms(in: text).count
    }
  }
}

/// Writes a line to stdout at once (unbuffered even into a pipe or file), so that after a
/// crash the last progress line is in the log.
func say(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Makes the input of each iteration from the seeds.
struct Mutator: Sendable {
  let seeds: [[UInt8]]
  /// Byte strings the parsers treat specially.
  static let tokens: [[UInt8]] =
    [
      "【", "】", "【上海】", "第", "期", "2024年第21期", "11月7日印发", "年", "月", "日", "双周决策观察", "信息摘编",
      "热点关注", "目录", "**", "- ", "（", "）", "(总第二十五期)", "\r\n", "\r", "\n\n\n", "\t", "　", "\u{FEFF}",
      "http://", "<p>", "</p>", "附：", "人民网 2023-06-27", "。", "，", "2024-05-10", "9999999999", "\u{FFFD}",
      "低空经济", "一二三四五六七八九十百千",
    ].map { Array($0.utf8) } + [[0], [0xFF], [0xE3], [0xE3, 0x80], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80]]

  /// The input of `iteration`: a seed with one to eight mutations.
  func input(iteration: UInt64, seed: UInt64) -> [UInt8] {
    var random = SplitMix64(seed: seed ^ (iteration &* 0x9E37_79B9_7F4A_7C15))
    var bytes = seeds[Int.random(in: 0..<seeds.count, using: &random)]
    // Most iterations take a slice, so that the mutations are a larger part of the input.
    if bytes.count > 4096, Bool.random(using: &random) {
      let length = Int.random(in: 1...min(bytes.count, 65_536), using: &random)
      let start = Int.random(in: 0...(bytes.count - length), using: &random)
      bytes = Array(bytes[start..<(start + length)])
    }
    for _ in 0..<Int.random(in: 1...8, using: &random) { mutate(&bytes, using: &random) }
    if bytes.count > 1 << 20 { bytes.removeLast(bytes.count - (1 << 20)) }
    return bytes
  }

  func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64) {
    func position(_ inclusive: Bool = true) -> Int {
      bytes.isEmpty ? 0 : Int.random(in: 0...(inclusive ? bytes.count : bytes.count - 1), using: &random)
    }
    func range(maximum: Int) -> Range<Int> {
      let start = position()
      let length = Int.random(in: 0...maximum, using: &random)
      return start..<min(bytes.count, start + length)
    }
    switch Int.random(in: 0..<10, using: &random) {
    case 0 where !bytes.isEmpty:
      bytes[position(false)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
    case 1 where !bytes.isEmpty:
      bytes[position(false)] = [0, 0x0A, 0x0D, 0x20, 0x80, 0xE3, 0xFF][Int.random(in: 0..<7, using: &random)]
    case 2, 3:
      bytes.insert(contentsOf: Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &random)], at: position())
    case 4:
      bytes.removeSubrange(range(maximum: 512))
    case 5:
      let copied = Array(bytes[range(maximum: 512)])
      bytes.insert(contentsOf: copied, at: position())
    case 6:
      let other = seeds[Int.random(in: 0..<seeds.count, using: &random)]
      let start = Int.random(in: 0..<max(1, other.count), using: &random)
      let piece = other[min(start, other.count)..<min(other.count, start + Int.random(in: 0...2048, using: &random))]
      bytes.insert(contentsOf: piece, at: position())
    case 7:
      var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      guard lines.count > 2 else { return }
      lines.swapAt(Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
      bytes = Array(lines.joined(separator: [0x0A]))
    case 8:
      // A line repeated many times: quadratic behaviour shows up as a hang.
      let lines = bytes.split(separator: 0x0A)
      guard let line = lines.randomElement(using: &random) else { return }
      let repeated = Array(repeating: Array(line) + [0x0A], count: Int.random(in: 2...2000, using: &random)).joined()
      bytes.insert(contentsOf: repeated, at: position())
    default:
      bytes.removeLast(bytes.count - position())
    }
  }
}

/// Reports an iteration that runs longer than `limit` seconds.
final class Watchdog: @unchecked Sendable {
  private let lock = NSLock()
  private let limit: Double
  private var started: Date?
  private var iteration: UInt64 = 0
  private var input: [UInt8] = []

  init(limit: Double) { self.limit = limit }

  func begin(iteration: UInt64, input: [UInt8]) {
    lock.withLock {
      self.started = Date()
      self.iteration = iteration
      self.input = input
    }
  }

  func end() { lock.withLock { started = nil } }

  /// Starts the watching thread; `onHang` runs on it with the hanging iteration and input.
  func start(onHang: @escaping @Sendable (UInt64, [UInt8]) -> Void) {
    let thread = Thread { [self] in
      while true {
        Thread.sleep(forTimeInterval: min(1, limit / 4))
        let hang = lock.withLock { () -> (UInt64, [UInt8])? in
          guard let started, Date().timeIntervalSince(started) > limit else { return nil }
          return (iteration, input)
        }
        if let hang { onHang(hang.0, hang.1) }
      }
    }
    thread.start()
  }
}
