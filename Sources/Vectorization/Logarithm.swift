#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#else
  import Darwin
#endif

/// The natural logarithm from the C library (the same `log` NumPy calls).
@inline(__always)
func naturalLogarithm(_ x: Double) -> Double { log(x) }
