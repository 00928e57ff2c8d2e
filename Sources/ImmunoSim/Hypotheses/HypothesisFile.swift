import Foundation
import ImmunoGraph

/// A JSON file of hypotheses kept next to a model, for `immunosim check`:
///
/// ```json
/// {"model": "builtin:tme",
///  "hypotheses": [
///   {"name": "anti-PD-1 raises TIM-3", "therapies": ["ANTI_PD1"], "steps": 100,
///    "expect": [{"node": "TIM3", "direction": "up"}, {"node": "PDL1", "direction": "up"}],
///    "robustness": {"variants": 50, "jitter": 0.2, "atLeast": 0.9, "seed": 1}},
///   {"name": "simultaneous beats delayed", "background": "COLD_TUMOR", "therapies": [],
///    "expect": [{"node": "TUMOR_BURDEN", "arm": ["TAT:0.4", "ANTI_PDL1"],
///                "lowerThan": ["TAT:0.4", "ANTI_PDL1@10"]}]}]}
/// ```
///
/// Per hypothesis: `name` (required), `background`, `therapies` (specs; `"block PD1@10:0.9"` acts
/// on any node), `block`, `deplete` and `supply` (intervention specs on any node), `knockout` and
/// `overexpress` (node lists), the readout time as `steps` (default 100), `window: [from, to]` or
/// `steady: true`, `tolerance` (default 0.02), `expect` (see ``Expectation``), `robustness`;
/// `"semantics": "stochastic"` with `trajectories` and `maxTime` checks it with the stochastic
/// engine; `"confidence": 0.95` asks an ensemble's direction to be significant at that level.
/// `"semantics": "logical"` with `update` (`sync`, `async`), `policy`, `runs` and `steps` checks it
/// with the logical engine (``Hypothesis/Semantics``).
public struct HypothesisFile: Hashable, Sendable, Codable {
    /// The model the hypotheses are about (`builtin:NAME` or a path relative to the file).
    public var model: String?
    /// The hypotheses, in order.
    public var hypotheses: [Hypothesis]

    /// Creates a file.
    public init(model: String?, hypotheses: [Hypothesis]) {
        self.model = model
        self.hypotheses = hypotheses
    }

    /// The largest `steps`, `window` bound, robustness `variants` and logical `runs` a file may
    /// ask for: a check runs in seconds to minutes, not forever.
    public static let limits = (steps: 1_000_000, variants: 10_000, runs: 10_000)

    /// The most node-states a graded check may record ((readout step + 1) × nodes, 8 bytes each):
    /// the same bound as the command line's recorded runs.
    public static let maximumRecordedStates = 100_000_000

    /// Reads a hypothesis file. Errors are placed by line, column and JSON path
    /// (`h.json:4:20: at hypotheses[0].robustnes: unknown key …; did you mean 'robustness'?`);
    /// unknown keys, out-of-range numbers and unknown enumeration values are errors.
    ///
    /// - Throws: ``PerturbationError`` with the located message.
    public static func read(_ data: Data, file: String? = nil) throws -> HypothesisFile {
        do {
            return try JSONDocument.decode(
                HypothesisFile.self, from: data, file: file, expected: "a JSON object {\"model\": ..., \"hypotheses\": [...]}",
                vocabulary: ["Direction": ["up", "down", "unchanged"]])
        } catch {
            throw PerturbationError(error.description)
        }
    }

    private enum FileKeys: String, CodingKey, CaseIterable { case model, hypotheses }

    /// Decodes `{"model": ..., "hypotheses": [...]}`; any other key is an error.
    public init(from decoder: any Decoder) throws {
        try JSONKeys.rejectUnknown(in: decoder, allowed: FileKeys.allCases.map(\.rawValue), object: "a hypothesis file")
        let c = try decoder.container(keyedBy: FileKeys.self)
        self.init(model: try c.decodeIfPresent(String.self, forKey: .model),
            hypotheses: try c.decode([Hypothesis].self, forKey: .hypotheses))
    }

    /// Writes the file as pretty-printed JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Hypothesis: Codable {
    private enum Keys: String, CodingKey, CaseIterable {
        case name, background, therapies, knockout, overexpress, block, deplete, supply, steps, window, steady, tolerance, expect, robustness
        case semantics, update, policy, runs, trajectories, maxTime, confidence
    }

    private enum RobustnessKeys: String, CodingKey, CaseIterable { case variants, jitter, atLeast, seed }

    /// A number in 0...1, or the error naming the key.
    private static func fraction<K: CodingKey>(_ value: Double?, _ key: K, in c: KeyedDecodingContainer<K>) throws -> Double? {
        guard let value else { return nil }
        guard (0...1).contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.stringValue) \(value) is outside 0...1")
        }
        return value
    }

    /// A bounded integer of a hypothesis, or the error naming the key, the range and the value.
    private static func bounded<K: CodingKey>(
        _ value: Int?, _ key: K, in c: KeyedDecodingContainer<K>, _ range: ClosedRange<Int>, _ why: String
    ) throws -> Int? {
        guard let value else { return nil }
        guard range.contains(value) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c,
                debugDescription: "\(key.stringValue) \(value) is outside \(range.lowerBound)...\(range.upperBound) (\(why))")
        }
        return value
    }

    /// Decodes the JSON form described in ``HypothesisFile``.
    public init(from decoder: any Decoder) throws {
        try JSONKeys.rejectUnknown(in: decoder, allowed: Keys.allCases.map(\.rawValue), object: "a hypothesis")
        let c = try decoder.container(keyedBy: Keys.self)
        let limits = HypothesisFile.limits
        var perturbations: [Perturbation] = []
        for id in try c.decodeIfPresent([String].self, forKey: .knockout) ?? [] { perturbations.append(.knockout(id)) }
        for id in try c.decodeIfPresent([String].self, forKey: .overexpress) ?? [] { perturbations.append(.overexpress(id)) }
        let stepLimit = 0...limits.steps
        var readAt = ReadoutTime.step(
            try Self.bounded(try c.decodeIfPresent(Int.self, forKey: .steps), Keys.steps, in: c, stepLimit, "steps of one run") ?? 100)
        if let window = try c.decodeIfPresent([Int].self, forKey: .window) {
            guard window.count == 2, stepLimit.contains(window[0]), stepLimit.contains(window[1]), window[0] <= window[1] else {
                throw DecodingError.dataCorruptedError(forKey: .window, in: c,
                    debugDescription: "expected [from, to] with 0 <= from <= to <= \(limits.steps), got \(window.prefix(4))")
            }
            readAt = .window(from: window[0], to: window[1])
        }
        if try c.decodeIfPresent(Bool.self, forKey: .steady) == true { readAt = .steady }
        var robustness: Robustness?
        if c.contains(.robustness) {
            try JSONKeys.rejectUnknown(
                in: try c.superDecoder(forKey: .robustness), allowed: RobustnessKeys.allCases.map(\.rawValue),
                object: "a robustness block")
            let r = try c.nestedContainer(keyedBy: RobustnessKeys.self, forKey: .robustness)
            robustness = Robustness(
                variants: try Self.bounded(
                    try r.decodeIfPresent(Int.self, forKey: .variants), RobustnessKeys.variants, in: r,
                    1...limits.variants, "each variant is a full check") ?? 100,
                jitter: try Self.fraction(try r.decodeIfPresent(Double.self, forKey: .jitter), RobustnessKeys.jitter, in: r) ?? 0.2,
                required: try Self.fraction(try r.decodeIfPresent(Double.self, forKey: .atLeast), RobustnessKeys.atLeast, in: r) ?? 0.9,
                seed: try r.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1)
        }
        let expectations = try c.decode([Expectation].self, forKey: .expect)
        if expectations.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .expect, in: c, debugDescription: "a hypothesis needs at least one expectation")
        }
        // Interventions on any node are therapy specs with their kind in front ("block PD1@10").
        var therapies: [String] = try c.decodeIfPresent([String].self, forKey: .therapies) ?? []
        let kinds: [(Keys, String)] = [(.block, "block "), (.deplete, "deplete "), (.supply, "supply ")]
        for (key, prefix) in kinds {
            for spec in try c.decodeIfPresent([String].self, forKey: key) ?? [] { therapies.append(prefix + spec) }
        }
        var semantics = Semantics.graded
        switch try c.decodeIfPresent(String.self, forKey: .semantics) ?? "graded" {
        case "graded":
            for key in [Keys.update, .policy, .runs] where c.contains(key) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "'\(key.stringValue)' applies to \"semantics\": \"logical\" only")
            }
        case "stochastic":
            for key in [Keys.update, .policy, .runs] where c.contains(key) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "'\(key.stringValue)' applies to \"semantics\": \"logical\" only")
            }
            let trajectories = try Self.bounded(
                try c.decodeIfPresent(Int.self, forKey: .trajectories), Keys.trajectories, in: c, 1...1_000_000,
                "each trajectory is a full simulation") ?? 10_000
            let maxTime = try c.decodeIfPresent(Double.self, forKey: .maxTime) ?? 100
            guard maxTime > 0, maxTime <= 1e6 else {
                throw DecodingError.dataCorruptedError(forKey: .maxTime, in: c, debugDescription: "expected a time in (0, 1000000], got \(maxTime)")
            }
            semantics = .stochastic(trajectories: trajectories, maxTime: maxTime)
        case "logical":
            let updateName = try c.decodeIfPresent(String.self, forKey: .update) ?? "sync"
            guard let update = LogicalUpdate(rawValue: updateName) else {
                throw DecodingError.dataCorruptedError(forKey: .update, in: c, debugDescription: "expected \"sync\" or \"async\", got \"\(updateName)\"")
            }
            let policyName = try c.decodeIfPresent(String.self, forKey: .policy) ?? RulePolicy.inhibitorDominant.name
            guard let policy = RulePolicy.all.first(where: { $0.name == policyName }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .policy, in: c, debugDescription: "expected one of \(RulePolicy.all.map(\.name).joined(separator: ", ")), got \"\(policyName)\"")
            }
            let steps = try Self.bounded(
                try c.decodeIfPresent(Int.self, forKey: .steps), Keys.steps, in: c, 1...limits.steps, "steps of one run") ?? 100
            let runs = try Self.bounded(
                try c.decodeIfPresent(Int.self, forKey: .runs), Keys.runs, in: c, 1...limits.runs, "each run is a full simulation") ?? 20
            semantics = .logical(update: update, policy: policy, steps: steps, runs: runs)
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .semantics, in: c, debugDescription: "expected \"graded\", \"logical\" or \"stochastic\", got \"\(other)\"")
        }
        self.init(
            try c.decode(String.self, forKey: .name), background: try c.decodeIfPresent(String.self, forKey: .background),
            therapies: therapies, perturbations: perturbations,
            readAt: readAt, tolerance: try Self.fraction(try c.decodeIfPresent(Double.self, forKey: .tolerance), Keys.tolerance, in: c)
                ?? Response.defaultTolerance,
            expect: expectations, robustness: robustness, semantics: semantics,
            confidence: try Self.fraction(try c.decodeIfPresent(Double.self, forKey: .confidence), Keys.confidence, in: c))
    }

    /// Encodes the JSON form described in ``HypothesisFile``; perturbations other than knockouts
    /// and over-expressions, and steady-state settings other than the default, are not representable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(background, forKey: .background)
        try c.encode(therapies, forKey: .therapies)
        let knockouts = perturbations.compactMap { if case .knockout(let id) = $0 { return id } else { return nil } }
        let overexpressed = perturbations.compactMap { if case .overexpress(let id) = $0 { return id } else { return nil } }
        if !knockouts.isEmpty { try c.encode(knockouts, forKey: .knockout) }
        if !overexpressed.isEmpty { try c.encode(overexpressed, forKey: .overexpress) }
        try c.encodeIfPresent(confidence, forKey: .confidence)
        if case .stochastic(let trajectories, let maxTime) = semantics {
            try c.encode("stochastic", forKey: .semantics)
            try c.encode(trajectories, forKey: .trajectories)
            try c.encode(maxTime, forKey: .maxTime)
        } else if case .logical(let update, let policy, let steps, let runs) = semantics {
            try c.encode("logical", forKey: .semantics)
            try c.encode(update.rawValue, forKey: .update)
            try c.encode(policy.name, forKey: .policy)
            try c.encode(runs, forKey: .runs)
            try c.encode(steps, forKey: .steps)
        } else {
            switch readAt {
            case .step(let n): try c.encode(n, forKey: .steps)
            case .window(let from, let to): try c.encode([from, to], forKey: .window)
            case .steadyState: try c.encode(true, forKey: .steady)
            }
        }
        if tolerance != Response.defaultTolerance { try c.encode(tolerance, forKey: .tolerance) }
        try c.encode(expectations, forKey: .expect)
        if let robustness {
            var r = c.nestedContainer(keyedBy: RobustnessKeys.self, forKey: .robustness)
            try r.encode(robustness.variants, forKey: .variants)
            try r.encode(robustness.jitter, forKey: .jitter)
            try r.encode(robustness.required, forKey: .atLeast)
            try r.encode(robustness.seed, forKey: .seed)
        }
    }
}
