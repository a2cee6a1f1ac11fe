import Foundation
import Testing

@testable import LinearAlgebra

@Suite struct OpenBLASKernelsTests {
  @Test("AVX-512 (F, CD, BW, DQ, VL) asks for SkylakeX, AVX2 with FMA for Haswell, older sets for nothing")
  func coreTypeFromFlags() {
    let avx512 = ["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
    #expect(OpenBLASKernels.coreType(forFlags: avx512) == "SkylakeX")
    // Xeon Phi has AVX-512 F and CD without BW, DQ and VL: not SkylakeX's instruction set.
    #expect(OpenBLASKernels.coreType(forFlags: ["avx2", "fma", "avx512f", "avx512cd"]) == "Haswell")
    #expect(OpenBLASKernels.coreType(forFlags: ["sse4_2", "avx", "avx2", "fma"]) == "Haswell")
    #expect(OpenBLASKernels.coreType(forFlags: ["sse4_2", "avx", "avx2"]) == nil)
    #expect(OpenBLASKernels.coreType(forFlags: ["sse3", "ssse3"]) == nil)
    #expect(OpenBLASKernels.coreType(forFlags: [String]()) == nil)
  }

  @Test("The flags are the first processor's flags line, split on spaces")
  func flagsFromCPUInfo() {
    let cpuinfo = """
      processor\t: 0
      model name\t: Intel(R) Xeon(R) Processor
      flags\t\t: fpu sse3 avx2 fma
      bugs\t\t: spectre_v1

      processor\t: 1
      flags\t\t: fpu
      """
    #expect(OpenBLASKernels.flags(cpuinfo: cpuinfo) == ["fpu", "sse3", "avx2", "fma"])
    #expect(OpenBLASKernels.flags(cpuinfo: "processor\t: 0\nvendor_id\t: GenuineIntel\n").isEmpty)
  }

  #if os(Linux) && arch(x86_64)
    @Test("Once LAPACK is loaded, OPENBLAS_CORETYPE is the user's value or the one the processor's flags ask for")
    func environmentIsSetBeforeLoading() throws {
      // The environment the process started with (setenv does not change /proc/self/environ).
      let initial = try Data(contentsOf: URL(fileURLWithPath: "/proc/self/environ"))
      let prefix = OpenBLASKernels.variable + "="
      let userValue = initial.split(separator: 0).lazy.map { String(decoding: $0, as: UTF8.self) }
        .first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
      _ = try SingularValueDecomposition(Matrix(rows: [[1, 2], [3, 4]]))
      let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
      let expected = userValue ?? OpenBLASKernels.coreType(forFlags: OpenBLASKernels.flags(cpuinfo: cpuinfo))
      #expect(getenv(OpenBLASKernels.variable).map { String(cString: $0) } == expected)
    }
  #endif
}
