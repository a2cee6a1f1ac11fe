import Foundation

/// Which of OpenBLAS's kernels to ask for, from the processor's instruction sets.
///
/// Debian's OpenBLAS (a `DYNAMIC_ARCH` build) picks its kernels from the processor's family and
/// model when the library is loaded. A model newer than the build falls back to its oldest
/// x86-64 kernels (Prescott, SSE3): on the Xeons this project runs on, OpenBLAS 0.3.21 reports
/// `Core: Prescott` and multiplies 2000 × 2000 matrices at 24–27 GFLOP/s on two threads, against
/// 132–141 with the AVX-512 kernels it has (`policylens-bench dense`, bench/README.md).
/// `OPENBLAS_CORETYPE` overrides the choice, so before the library is first loaded this sets it
/// from the instruction sets the kernel reports, when the user has not set it. Only this
/// machine's processor was measured; any other BLAS ignores the variable.
enum OpenBLASKernels {
  /// The environment variable OpenBLAS reads when it is loaded.
  static let variable = "OPENBLAS_CORETYPE"

  /// The core type whose kernels suit a processor with these instruction-set flags (as
  /// `/proc/cpuinfo` spells them), or `nil` to leave the choice to OpenBLAS.
  ///
  /// SkylakeX needs AVX-512 F, CD, BW, DQ and VL; Haswell needs AVX2 and FMA. Older processors
  /// are left alone: OpenBLAS knows them all.
  static func coreType<Flags: Collection>(forFlags flags: Flags) -> String? where Flags.Element: StringProtocol {
    let present = Set(flags.map { String($0) })
    if present.isSuperset(of: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
    if present.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
    return nil
  }

  /// The instruction-set flags of the first processor in `cpuinfo` (the text of
  /// `/proc/cpuinfo`), or an empty array when it has no `flags` line.
  static func flags(cpuinfo: String) -> [Substring] {
    for line in cpuinfo.split(separator: "\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "flags" else { continue }
      return parts[1].split(separator: " ")
    }
    return []
  }

  /// Sets ``variable`` for this process from `/proc/cpuinfo`, unless it is set already.
  ///
  /// `LAPACKLibrary` calls it once, just before loading the library (OpenBLAS reads the variable
  /// then). `setenv` is not safe against another thread reading the environment at that moment;
  /// the threads running then are compute workers, which do not.
  static func prepareEnvironment() {
    #if os(Linux) && arch(x86_64)
      guard getenv(variable) == nil,
        let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
        let core = coreType(forFlags: flags(cpuinfo: cpuinfo))
      else { return }
      setenv(variable, core, 0)
    #endif
  }
}
