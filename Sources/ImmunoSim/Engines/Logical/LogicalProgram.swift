/// The compiled form of a logical model: a flat, branch-free program over packed 64-bit words.
///
/// Register file (each register is `width` words, so one pass updates `64 × width` states):
/// register 0 is all zeros, register 1 all ones, registers `2 ..< 2 + planeCount` are the current
/// state's *bit-planes*, and instruction `i` writes register `2 + planeCount + i` (single
/// assignment). A node with maximum level `m` has `m` thermometer planes, plane `k` (1…m) being
/// "level ≥ k", so `X >= k` is a plane load and `X == k` is `plane k & !plane k+1`.
///
/// Every instruction is one multiplexer `r = (a & b) | (!a & c)`, which expresses AND (`c = 0`),
/// OR (`b = 1`), NOT (`b = 0, c = 1`) and AND-NOT; a uniform instruction keeps the inner loop free
/// of branches. Each node's instructions are contiguous (``nodeCode``), which the fixed-point
/// search uses to evaluate one node's function alone.
struct LogicalProgram: Sendable {
    /// One multiplexer instruction over register indices.
    struct Instruction: Hashable, Sendable {
        var a: Int32
        var b: Int32
        var c: Int32
    }

    /// The number of state bit-planes (the sum of the nodes' maximum levels).
    var planeCount: Int
    /// The register of node `i`'s plane 1 is `planeStart[i]`; plane `k` is `planeStart[i] + k - 1`.
    var planeStart: [Int]
    /// The node owning each plane, and the plane's level (1…max).
    var planeNode: [Int32]
    /// The instructions.
    var code: [Instruction]
    /// For each plane, the register holding its next value after the program has run.
    var nextPlane: [Int32]
    /// For each node, the register holding each target plane "target ≥ k" (k = 1…max), flattened
    /// like the state planes; used by the asynchronous engine and the fixed-point search.
    var targetPlane: [Int32]
    /// The instructions of each node.
    var nodeCode: [Range<Int>]

    /// Register 0: all zeros.
    static let zero: Int32 = 0
    /// Register 1: all ones.
    static let one: Int32 = 1
    /// The first plane register.
    static let firstPlane = 2

    /// The total number of registers.
    var registerCount: Int { 2 + planeCount + code.count }

    /// The register written by instruction `i`.
    func register(ofInstruction i: Int) -> Int { 2 + planeCount + i }
}
