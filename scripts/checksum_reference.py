#!/usr/bin/env python3
"""An independent implementation of FileIntegrity's Checksum (Sources/FileIntegrity/Checksum.swift),
for the values pinned in Tests/FileIntegrityTests/ChecksumTests.swift.

    python3 scripts/checksum_reference.py            # the pinned values
    python3 scripts/checksum_reference.py models/seeds  # each file against the manifest's checksum
"""
import json
import os
import sys

MASK = (1 << 64) - 1
MULTIPLIER = 0x9E3779B97F4A7C15


def rotate(x):
    return ((x << 31) | (x >> 33)) & MASK


def mix(value):
    z = (value + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def checksum(data: bytes) -> str:
    lanes = [1, 2, 3, 4]
    word_count = len(data) // 8
    word = lambda offset: int.from_bytes(data[offset:offset + 8], "little")
    index = 0
    while index + 4 <= word_count:
        for lane in range(4):
            lanes[lane] = rotate(((lanes[lane] ^ word(index * 8 + 8 * lane)) * MULTIPLIER) & MASK)
        index += 4
    value = mix(lanes[0] ^ rotate(lanes[1]) ^ ((lanes[2] * 3) & MASK) ^ ((lanes[3] * 7) & MASK))
    while index < word_count:
        value = mix(value ^ word(index * 8))
        index += 1
    for offset in range(word_count * 8, len(data)):
        value = mix(value ^ data[offset] ^ ((offset << 8) & MASK))
    return "%016x" % mix(value ^ len(data))


def main():
    if len(sys.argv) > 1:
        model = sys.argv[1]
        manifest = json.load(open(os.path.join(model, "manifest.json")))
        for name, entry in sorted(manifest["files"].items()):
            found = checksum(open(os.path.join(model, name), "rb").read())
            print(f"{name:32} {entry['checksum']} {found} {'ok' if found == entry['checksum'] else 'DIFFERENT'}")
        return
    # The test's bytes: (i * 37 + 11) mod 256 for i in 0..<length.
    for length in [0, 1, 7, 8, 31, 32, 33, 63, 64, 100, 1000]:
        print(length, checksum(bytes((i * 37 + 11) & 255 for i in range(length))))


if __name__ == "__main__":
    main()
