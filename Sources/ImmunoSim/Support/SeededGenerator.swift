/// A small, fast, seedable random number generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Same seed, same sequence, on every platform: pass it as `using: &rng` wherever the engines take
/// randomness so runs are reproducible.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let k = Int.random(in: 0..<10, using: &rng)
/// ```
///
/// Not cryptographically secure.
public struct SeededGenerator: RandomNumberGenerator, Hashable, Sendable {
    /// The internal state; advances by a fixed odd constant per draw.
    public var state: UInt64

    /// Creates a generator whose sequence is determined by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// - Complexity: O(1).
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
