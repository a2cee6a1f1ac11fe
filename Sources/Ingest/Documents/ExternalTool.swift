import Foundation

/// Runs a command-line tool (poppler's `pdftotext`) with a time limit.
///
/// The tool is found on the search path by `/usr/bin/env`, so the library reads no
/// environment itself. Its standard output and error go to files in a private temporary
/// folder, which is removed afterwards: a pipe could fill up and stall the tool.
struct ExternalTool {
  /// The program's name (`pdftotext`).
  var name: String
  /// The Debian package that provides it, for the message when it is missing.
  var package: String

  /// What a finished run left behind.
  struct Run {
    var status: Int32
    var output: [UInt8]
    var errorOutput: String
  }

  /// Why a run did not finish.
  enum Failure: Error {
    case missing
    case timedOut
    case couldNotStart(String)
  }

  /// Runs the tool with `arguments` (standard output is captured when an argument is `-`),
  /// and stops it after `timeout` seconds.
  func run(_ arguments: [String], timeout: Double) -> Result<Run, Failure> {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policylens-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      return .failure(.couldNotStart("cannot create a temporary folder: \(error.localizedDescription)"))
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let outputURL = folder.appendingPathComponent("stdout")
    let errorURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [name] + arguments
    process.standardInput = FileHandle.nullDevice
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    do {
      let output = try FileHandle(forWritingTo: outputURL)
      let errors = try FileHandle(forWritingTo: errorURL)
      defer {
        try? output.close()
        try? errors.close()
      }
      process.standardOutput = output
      process.standardError = errors
      try process.run()
    } catch {
      return .failure(.couldNotStart(error.localizedDescription))
    }
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      process.terminate()
      if finished.wait(timeout: .now() + 2) == .timedOut {
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
      }
      return .failure(.timedOut)
    }
    // env exits 127 when it cannot find the program.
    if process.terminationStatus == 127 { return .failure(.missing) }
    let output = (try? Data(contentsOf: outputURL)).map { [UInt8]($0) } ?? []
    let errorOutput = (try? Data(contentsOf: errorURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    return .success(Run(status: process.terminationStatus, output: output, errorOutput: errorOutput))
  }
}
