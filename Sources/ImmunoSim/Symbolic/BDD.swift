/// A handle to a function in a ``DecisionDiagram``: the index of its root node.
///
/// Handles are only meaningful in the diagram that made them, and only until that diagram is
/// compacted (``DecisionDiagram/compact(keeping:)`` returns the new handles of the roots kept).
public struct BDD: Hashable, Sendable {
    /// The node index (0 is the constant false, 1 the constant true).
    public let raw: UInt32
    init(_ raw: UInt32) { self.raw = raw }
    /// The constant false.
    public static let zero = BDD(0)
    /// The constant true.
    public static let one = BDD(1)
    /// Whether the function is a constant.
    public var isConstant: Bool { raw < 2 }
}

/// A reduced ordered binary decision diagram package: many Boolean functions over variables
/// `0..<variableCount` (variable 0 nearest the root), sharing one node store.
///
/// - Nodes are hash-consed in a *unique table* (open addressing), so equal functions have equal
///   handles and `f == g` is a constant-time equivalence test.
/// - Results of ``ite(_:_:_:)``, quantification, restriction and renaming are memoised in a
///   direct-mapped *computed table*; collisions overwrite (a cache, not a store).
/// - Every operation is iterative, with explicit stacks: a diagram as deep as its variable count
///   never overflows the call stack.
/// - Memory is reclaimed by ``compact(keeping:)`` (mark and copy the nodes reachable from the
///   roots given) or ``reset()`` (drop everything).
///
/// Complexities are stated in nodes of the operands: ITE-based operations are
/// O(|f| × |g| × |h|) in the worst case and typically near-linear thanks to the computed table;
/// quantification can be exponential in the worst case (it is NP-hard in general).
///
/// ```swift
/// var dd = DecisionDiagram(variableCount: 3)
/// let f = dd.and(dd.variable(0), dd.not(dd.variable(2)))
/// dd.satisfyingCount(f)  // 2.0  (x0 = 1, x2 = 0, x1 free)
/// ```
public struct DecisionDiagram: Sendable {
    struct Node {
        var variable: UInt32
        var low: UInt32
        var high: UInt32
    }

    struct CacheEntry {
        var op: UInt32
        var a: UInt32
        var b: UInt32
        var c: UInt32
        var result: UInt32
    }

    /// The number of variables.
    public let variableCount: Int
    /// The node store; 0 and 1 are the terminals (variable = `terminalVariable`).
    var nodes: [Node]
    /// Open-addressing unique table of node indices (0 = empty slot; terminals are never stored).
    var unique: [UInt32]
    var uniqueMask: Int
    /// Direct-mapped computed table.
    var cache: [CacheEntry]
    var cacheMask: Int
    /// A counter distinguishing parameterised operations (a quantified set, a cube, a renaming)
    /// in the computed table.
    var epoch: UInt32 = 1
    /// Node constructions left before `checkBudget()` reads the clock again (`Int.max`: no deadline).
    var budgetTicks = Int.max
    /// The most nodes that may be stored (checked whenever one is added).
    var nodeLimit = Int.max
    /// The limits set by `setBudget(_:)` (see BDDBudget.swift).
    var budget: DiagramBudget?
    /// Whether an operation stopped because the budget ran out (results are then meaningless).
    public internal(set) var isExhausted = false

    static let terminalVariable = UInt32.max

    /// Creates an empty diagram over `variableCount` variables.
    ///
    /// - Parameters:
    ///   - variableCount: the number of variables (levels of the order).
    ///   - cacheSize: computed-table entries (rounded up to a power of two).
    public init(variableCount: Int, cacheSize: Int = 1 << 18) {
        self.variableCount = variableCount
        nodes = [Node(variable: Self.terminalVariable, low: 0, high: 0),
                 Node(variable: Self.terminalVariable, low: 1, high: 1)]
        unique = [UInt32](repeating: 0, count: 1 << 12)
        uniqueMask = (1 << 12) - 1
        var size = 1
        while size < max(1024, cacheSize) { size <<= 1 }
        cache = [CacheEntry](repeating: CacheEntry(op: 0, a: 0, b: 0, c: 0, result: 0), count: size)
        cacheMask = size - 1
    }

    /// The number of nodes stored (terminals included), live or dead.
    public var storedNodeCount: Int { nodes.count }

    /// Drops every node and cached result; every handle except ``BDD/zero`` and ``BDD/one``
    /// becomes invalid.
    public mutating func reset() {
        nodes.removeSubrange(2...)
        for k in unique.indices { unique[k] = 0 }
        clearCache()
    }

    mutating func clearCache() {
        for k in cache.indices { cache[k].op = 0 }
    }

    @inline(__always) static func hash(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> Int {
        // splitmix64 finaliser over the packed triple: every input bit reaches every output bit.
        var h = (UInt64(a) << 32 | UInt64(b)) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(c) &* 0xC2B2_AE3D_27D4_EB4F
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        h ^= h >> 31
        return Int(truncatingIfNeeded: h)
    }

    /// The node (variable, low, high), reduced: equal children give the child itself.
    ///
    /// - Complexity: O(1) expected.
    mutating func make(_ variable: UInt32, _ low: UInt32, _ high: UInt32) -> UInt32 {
        if low == high { return low }
        budgetTicks &-= 1
        if budgetTicks <= 0 { checkBudget() }
        var slot = Self.hash(variable, low, high) & uniqueMask
        while true {
            let index = unique[slot]
            if index == 0 { break }
            let node = nodes[Int(index)]
            if node.variable == variable && node.low == low && node.high == high { return index }
            slot = (slot + 1) & uniqueMask
        }
        let index = UInt32(nodes.count)
        nodes.append(Node(variable: variable, low: low, high: high))
        unique[slot] = index
        if nodes.count > nodeLimit { isExhausted = true }
        if nodes.count * 2 > unique.count { growUnique() }
        return index
    }

    mutating func growUnique() {
        let size = unique.count * 2
        unique = [UInt32](repeating: 0, count: size)
        uniqueMask = size - 1
        for index in 2..<nodes.count { insertUnique(UInt32(index)) }
        // A computed table far smaller than the store misses on most of a long computation:
        // grow it with the store (to half the unique table, at most 2^21 entries = 40 MB: 2^23 made
        // 093's trap spaces 25 % slower and its attractors only 10 % faster).
        if cache.count < min(size / 2, 1 << 21) { growCache(to: min(size / 2, 1 << 21)) }
    }

    /// Rehashes the computed table into `size` entries (a power of two).
    mutating func growCache(to size: Int) {
        let old = cache
        cache = [CacheEntry](repeating: CacheEntry(op: 0, a: 0, b: 0, c: 0, result: 0), count: size)
        cacheMask = size - 1
        for entry in old where entry.op != 0 { store(entry.op, entry.a, entry.b, entry.c, entry.result) }
    }

    mutating func insertUnique(_ index: UInt32) {
        let node = nodes[Int(index)]
        var slot = Self.hash(node.variable, node.low, node.high) & uniqueMask
        while unique[slot] != 0 { slot = (slot + 1) & uniqueMask }
        unique[slot] = index
    }

    @inline(__always) func cached(_ op: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32? {
        let entry = cache[Self.hash(a, b, c &+ op &* 0x5bd1e995) & cacheMask]
        return entry.op == op && entry.a == a && entry.b == b && entry.c == c ? entry.result : nil
    }

    @inline(__always) mutating func store(_ op: UInt32, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ result: UInt32) {
        cache[Self.hash(a, b, c &+ op &* 0x5bd1e995) & cacheMask] = CacheEntry(op: op, a: a, b: b, c: c, result: result)
    }

    /// The variable tested at the root of `f` (`nil` for a constant).
    public func topVariable(_ f: BDD) -> Int? {
        f.isConstant ? nil : Int(nodes[Int(f.raw)].variable)
    }

    /// The low (variable = 0) and high (variable = 1) children of a non-constant `f`.
    public func children(_ f: BDD) -> (low: BDD, high: BDD) {
        let node = nodes[Int(f.raw)]
        return (BDD(node.low), BDD(node.high))
    }

    /// The function `x_variable`.
    ///
    /// - Precondition: `0 <= variable < variableCount`.
    public mutating func variable(_ variable: Int) -> BDD {
        precondition((0..<variableCount).contains(variable), "variable \(variable) out of range")
        return BDD(make(UInt32(variable), 0, 1))
    }

    /// The function `¬x_variable`.
    public mutating func notVariable(_ variable: Int) -> BDD {
        precondition((0..<variableCount).contains(variable), "variable \(variable) out of range")
        return BDD(make(UInt32(variable), 1, 0))
    }

    /// The conjunction of literals (variable, value): a cube. Repeated variables with opposite
    /// values give false.
    ///
    /// - Complexity: O(k log k) for k literals.
    public mutating func cube(_ literals: [(variable: Int, value: Bool)]) -> BDD {
        var result: UInt32 = 1
        let sorted = literals.sorted { $0.variable > $1.variable }
        var previous = -1
        var previousValue = false
        for literal in sorted {
            if literal.variable == previous {
                if literal.value != previousValue { return .zero }
                continue
            }
            precondition((0..<variableCount).contains(literal.variable), "variable \(literal.variable) out of range")
            result = literal.value ? make(UInt32(literal.variable), 0, result) : make(UInt32(literal.variable), result, 0)
            previous = literal.variable
            previousValue = literal.value
        }
        return BDD(result)
    }

    /// Keeps only the nodes reachable from `roots` and returns their new handles (in the same
    /// order); every other handle becomes invalid. Clears the computed table.
    ///
    /// - Complexity: O(stored nodes).
    public mutating func compact(keeping roots: [BDD]) -> [BDD] {
        var live = [Bool](repeating: false, count: nodes.count)
        live[0] = true
        live[1] = true
        var stack = roots.map(\.raw)
        while let n = stack.popLast() {
            if live[Int(n)] { continue }
            live[Int(n)] = true
            stack.append(nodes[Int(n)].low)
            stack.append(nodes[Int(n)].high)
        }
        // Children always precede their parents, so one pass in index order renumbers consistently.
        var newIndex = [UInt32](repeating: 0, count: nodes.count)
        newIndex[1] = 1
        var kept: [Node] = [nodes[0], nodes[1]]
        for index in 2..<nodes.count where live[index] {
            let node = nodes[index]
            newIndex[index] = UInt32(kept.count)
            kept.append(Node(variable: node.variable, low: newIndex[Int(node.low)], high: newIndex[Int(node.high)]))
        }
        nodes = kept
        var size = 1 << 12
        while size < nodes.count * 2 { size <<= 1 }
        unique = [UInt32](repeating: 0, count: size)
        uniqueMask = size - 1
        for index in 2..<nodes.count { insertUnique(UInt32(index)) }
        clearCache()
        return roots.map { BDD(newIndex[Int($0.raw)]) }
    }
}
