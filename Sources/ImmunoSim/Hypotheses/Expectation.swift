import ImmunoGraph

/// One expected outcome of a ``Hypothesis``.
public enum Expectation: Hashable, Sendable, CustomStringConvertible {
    /// The node moves this way against the baseline (up, down or unchanged, under the tolerance).
    case direction(node: String, Direction)
    /// The node's treated level lies within bounds, read at `time` (the hypothesis's time when nil).
    case level(node: String, atLeast: Double?, atMost: Double?, time: ReadoutTime?)
    /// Under therapies `arm` the node ends lower (or higher) than under therapies `other`, by more
    /// than `margin`: "TAT with anti-PD-L1 at step 0 lowers TUMOR_BURDEN more than with
    /// anti-PD-L1 at step 10". Arms are therapy specs; both share the background and perturbations.
    case comparison(node: String, arm: [String], relation: Relation, other: [String], margin: Double)
    /// The node's change is transient (moves, then returns within tolerance) or sustained.
    case timeCourse(node: String, transient: Bool)

    /// Lower or higher, for comparisons.
    public enum Relation: String, Hashable, Sendable, Codable {
        /// The arm ends lower than the other arm.
        case lowerThan
        /// The arm ends higher than the other arm.
        case higherThan
    }

    /// `direction`, `level`, `comparison` or `timeCourse`.
    public var kind: String {
        switch self {
        case .direction: return "direction"
        case .level: return "level"
        case .comparison: return "comparison"
        case .timeCourse: return "timeCourse"
        }
    }

    /// The node the expectation is about.
    public var node: String {
        switch self {
        case .direction(let node, _), .level(let node, _, _, _), .comparison(let node, _, _, _, _),
            .timeCourse(let node, _):
            return node
        }
    }

    /// `TIM3 up`, `TUMOR_BURDEN <= 0.4 at step 100`, `TUMOR_BURDEN lower under [TAT, ANTI_PDL1] than [TAT, ANTI_PDL1@10]`.
    public var description: String {
        switch self {
        case .direction(let node, let direction): return "\(node) \(direction.rawValue)"
        case .level(let node, let low, let high, let time):
            var bounds: [String] = []
            if let low { bounds.append(">= \(low)") }
            if let high { bounds.append("<= \(high)") }
            return "\(node) \(bounds.joined(separator: " and "))" + (time.map { " at \($0)" } ?? "")
        case .comparison(let node, let arm, let relation, let other, let margin):
            let word = relation == .lowerThan ? "lower" : "higher"
            let by = margin > 0 ? " by more than \(margin)" : ""
            return "\(node) \(word)\(by) under [\(arm.joined(separator: ", "))] than under [\(other.joined(separator: ", "))]"
        case .timeCourse(let node, let transient): return "\(node) \(transient ? "transient" : "sustained")"
        }
    }
}

extension Expectation: Codable {
    private enum Keys: String, CodingKey, CaseIterable {
        case node, direction, atLeast, atMost, step, window, arm, lowerThan, higherThan, margin, transient, sustained
    }

    /// Decodes the JSON forms `{"node": "TIM3", "direction": "up"}`,
    /// `{"node": "X", "atLeast": 0.5, "step": 50}` (or `"window": [40, 50]`),
    /// `{"node": "X", "arm": [...], "lowerThan": [...], "margin": 0.01}` and
    /// `{"node": "X", "transient": true}` / `{"node": "X", "sustained": true}`.
    public init(from decoder: any Decoder) throws {
        try JSONKeys.rejectUnknown(in: decoder, allowed: Keys.allCases.map(\.rawValue), object: "an expectation")
        let c = try decoder.container(keyedBy: Keys.self)
        let node = try c.decode(String.self, forKey: .node)
        if let direction = try c.decodeIfPresent(Direction.self, forKey: .direction) {
            self = .direction(node: node, direction)
        } else if c.contains(.atLeast) || c.contains(.atMost) {
            var time: ReadoutTime?
            if let step = try c.decodeIfPresent(Int.self, forKey: .step) { time = .step(step) }
            if let window = try c.decodeIfPresent([Int].self, forKey: .window) {
                guard window.count == 2 else {
                    throw DecodingError.dataCorruptedError(forKey: .window, in: c, debugDescription: "expected [from, to]")
                }
                time = .window(from: window[0], to: window[1])
            }
            self = .level(
                node: node, atLeast: try c.decodeIfPresent(Double.self, forKey: .atLeast),
                atMost: try c.decodeIfPresent(Double.self, forKey: .atMost), time: time)
        } else if let arm = try c.decodeIfPresent([String].self, forKey: .arm) {
            let margin = try c.decodeIfPresent(Double.self, forKey: .margin) ?? 0
            if let other = try c.decodeIfPresent([String].self, forKey: .lowerThan) {
                self = .comparison(node: node, arm: arm, relation: .lowerThan, other: other, margin: margin)
            } else if let other = try c.decodeIfPresent([String].self, forKey: .higherThan) {
                self = .comparison(node: node, arm: arm, relation: .higherThan, other: other, margin: margin)
            } else {
                throw DecodingError.keyNotFound(Keys.lowerThan, .init(codingPath: c.codingPath,
                    debugDescription: "a comparison needs 'lowerThan' or 'higherThan'"))
            }
        } else if let transient = try c.decodeIfPresent(Bool.self, forKey: .transient) {
            self = .timeCourse(node: node, transient: transient)
        } else if let sustained = try c.decodeIfPresent(Bool.self, forKey: .sustained) {
            self = .timeCourse(node: node, transient: !sustained)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath,
                debugDescription: "expectation on '\(node)' needs one of: direction, atLeast/atMost, arm + lowerThan/higherThan, transient/sustained"))
        }
    }

    /// Encodes the JSON form read by ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(node, forKey: .node)
        switch self {
        case .direction(_, let direction): try c.encode(direction, forKey: .direction)
        case .level(_, let low, let high, let time):
            try c.encodeIfPresent(low, forKey: .atLeast)
            try c.encodeIfPresent(high, forKey: .atMost)
            switch time {
            case .step(let n)?: try c.encode(n, forKey: .step)
            case .window(let from, let to)?: try c.encode([from, to], forKey: .window)
            default: break
            }
        case .comparison(_, let arm, let relation, let other, let margin):
            try c.encode(arm, forKey: .arm)
            try c.encode(other, forKey: relation == .lowerThan ? .lowerThan : .higherThan)
            if margin != 0 { try c.encode(margin, forKey: .margin) }
        case .timeCourse(_, let transient): try c.encode(transient, forKey: .transient)
        }
    }
}
