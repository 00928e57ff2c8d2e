/// A subspace of the Boolean state space: some nodes fixed at 0 or 1, the others free.
///
/// Written one character per node — `0`, `1`, or `-` for free — as mpbn and pyboolnet print
/// trap spaces: `"01-"` fixes the first node at 0, the second at 1 and leaves the third free.
public struct Subspace: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// One value per node: 0, 1, or −1 (free).
    public var values: [Int8]

    /// Creates a subspace from one value per node (0, 1, or −1 for free).
    public init(values: [Int8]) { self.values = values }

    /// The whole state space of `count` nodes (every node free).
    public init(free count: Int) { values = [Int8](repeating: -1, count: count) }

    /// Parses `"01-"`; `nil` for any other character.
    public init?(_ text: String) {
        var values: [Int8] = []
        for character in text {
            switch character {
            case "0": values.append(0)
            case "1": values.append(1)
            case "-": values.append(-1)
            default: return nil
            }
        }
        self.values = values
    }

    /// The subspace as one character per node: `0`, `1` or `-` (a multi-valued attractor
    /// summary's level 2…9 as its digit, 10…35 as `a`…`z`, higher as `+`).
    public var description: String {
        String(values.map { value -> Character in
            if value < 0 { return "-" }
            if value < 36, let digit = String(value, radix: 36).first { return digit }
            return "+"
        })
    }

    /// The number of free nodes (the subspace holds 2^freeCount states).
    public var freeCount: Int { values.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

    /// Whether `state` (a level per node) lies in the subspace.
    public func contains(_ state: [Int]) -> Bool {
        zip(values, state).allSatisfy { $0 < 0 || Int($0) == $1 }
    }

    /// Whether every state of `other` lies in this subspace.
    public func contains(_ other: Subspace) -> Bool {
        zip(values, other.values).allSatisfy { $0 < 0 || $0 == $1 }
    }

    /// Orders by the textual form (`-` < `0` < `1`).
    public static func < (a: Subspace, b: Subspace) -> Bool { a.description < b.description }
}

/// Which trap spaces ``LogicalModel/trapSpaces(_:inputs:limit:budget:)`` lists.
public enum TrapSpaceKind: String, Hashable, Sendable, CaseIterable {
    /// Inclusion-minimal trap spaces: each contains at least one attractor.
    case minimal
    /// Inclusion-maximal trap spaces other than the whole state space.
    case maximal
}

/// How inputs (nodes whose function is their own value) are treated in trap-space analyses.
public enum InputHandling: String, Hashable, Sendable, CaseIterable {
    /// Inputs are ordinary nodes: a minimal trap space fixes each of them (one trap space per
    /// combination of input values, as in mpbn and pyboolnet).
    case fixed
    /// Inputs stay free in every trap space listed (the answer for an unknown environment).
    case free
}
