@_exported import struct LinearAlgebra.SplitMix64
