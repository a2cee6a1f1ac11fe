import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@testable import policylens

@Suite("serve")
struct ServeCommandTests {
  @Test("the binary serves on a free loopback port and stops cleanly on SIGTERM")
  func servesAndStops() throws {
    let executable = try #require(CLIRunner.executable, "build policylens first")
    let process = Process()
    process.executableURL = executable
    process.arguments = ["serve", "--port", "0"] + CLIRunner.modelArguments()
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    // A server that never says where it listens would block the read below: end it after a minute.
    DispatchQueue.global().asyncAfter(deadline: .now() + 60) { if process.isRunning { process.terminate() } }

    var diagnostics = ""
    var port: Int?
    while port == nil {
      let data = errors.fileHandleForReading.availableData
      if data.isEmpty { break }
      diagnostics += String(decoding: data, as: UTF8.self)
      if let match = diagnostics.firstMatch(of: /at http:\/\/127\.0\.0\.1:(\d+)\//) { port = Int(match.1) }
    }
    let servedPort = try #require(port, "no 'serving … at' line: \(diagnostics)")
    #expect(!diagnostics.contains("warning"), "a loopback server warned: \(diagnostics)")

    // Search answers at once; the themes once their background tagging is done (503 until then).
    #expect(try Self.get("/api/search?q=%E4%BD%8E%E7%A9%BA", port: servedPort).hasPrefix("HTTP/1.1 200"))
    var response = try Self.get("/api/themes", port: servedPort)
    for _ in 0..<300 where response.hasPrefix("HTTP/1.1 503") {
      #expect(response.contains("still being tagged"))
      usleep(100_000)
      response = try Self.get("/api/themes", port: servedPort)
    }
    #expect(response.hasPrefix("HTTP/1.1 200"), "\(response.prefix(200))")
    #expect(response.contains("\"formatVersion\""))

    process.terminate()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit, "killed by the signal instead of shutting down")
    #expect(process.terminationStatus == 0)
  }

  @Test("a token shorter than 8 characters, a port outside 0…65535 and a time limit below 1 s are usage errors")
  func validation() async {
    #expect(await CLIRunner.run(["serve", "--token", "short"]).exitCode == 64)
    #expect(await CLIRunner.run(["serve", "--port", "70000"]).exitCode == 64)
    #expect(await CLIRunner.run(["serve", "--time-limit", "0"]).exitCode == 64)
  }

  /// One HTTP/1.1 GET over a plain socket; the whole response as text.
  static func get(_ path: String, port: Int) throws -> String {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    try #require(socketDescriptor >= 0)
    defer { close(socketDescriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(connected == 0, "cannot connect to port \(port)")
    let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(socketDescriptor, $0.baseAddress, $0.count, 0) }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      response += buffer[0..<count]
    }
    return String(decoding: response, as: UTF8.self)
  }
}
