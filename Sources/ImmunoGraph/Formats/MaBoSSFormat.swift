/// Writes MaBoSS `.bnd` (network) and `.cfg` (configuration) files so a model runs stochastically
/// in MaBoSS (and pyMaBoSS, UPMaBoSS, PhysiBoSS).
///
/// - Every node gets `logic` (its effective rule, or itself for inputs, so inputs keep their state).
/// - MaBoSS is Boolean. By default (``MultiValued/thermometer``) a multi-valued node `X` with
///   maximum level `m` becomes `m` variables: `X` (level ≥ 1), `X_b2` (level ≥ 2), …, `X_bm`
///   (the thermometer or van Ham coding, as GINsim and bioLQM booleanise), each with the logic
///   `X_bk = (target ≥ k & X_b(k−1)) | X_b(k+1)`, and an atom `A >= k` reads `A_bk`. MaBoSS's
///   asynchronous dynamics on this coding is exactly the unitary multi-valued dynamics
///   `simulate --semantics stochastic` runs: from an admissible state only one of `X`'s variables
///   can flip, moving `X` one level toward its target. With ``MultiValued/projection`` every node
///   keeps one variable and `A >= k` is written `A` (level ≥ 1) — lossy; the blocks that lose
///   levels carry a `// multi-valued` or `// approximated` comment.
/// - Therapy-kind nodes are written as pyMaBoSS mutants: `rate_up = $Low_X ? 0 : ($High_X ? 1 : …)`,
///   with `$Low_X = 0; $High_X = 0;` in the cfg (switch a therapy on with `-e '$High_X=1'`); a
///   thermometer-coded therapy also has `$Level_X` (0: not set; `k`: held at level `k`), and,
///   when a schedule is given, `X.schedule = t1: p1, …;` (MaBoSS 2025+; every variable of a
///   multi-valued node gets the schedule).
/// - A node with a basal level turns on spontaneously while its activators are off and no
///   inhibitor is on (``MechanismGraph/spontaneousActivation(of:removedEdges:)``), as
///   `simulate --semantics stochastic` reads it: `rate_up = @logic ? 1.0 : (!(I1 | …) ? b/(1−b) : 0.0)`.
/// - `istate` is the node's `initialLevel` (a thermometer variable `X_bk` is on when the level is
///   ≥ k); `-1` (random: on with probability ½) for a node the engines start half on
///   (``MechanismGraph/nodesStartingHalfOn``) — for a multi-valued node a joint istate, all of its
///   variables off or all on, as the stochastic engine starts it at 0 or its maximum — so MaBoSS
///   and `simulate --semantics stochastic` start from the same distribution; 0 otherwise.
/// Names that are not MaBoSS identifiers are rewritten with `_`.
public enum MaBoSSFormat {
    /// Run parameters written to the cfg.
    public struct Settings: Sendable {
        /// Number of trajectories (`sample_count`).
        public var sampleCount: Int
        /// Simulated time (`max_time`).
        public var maxTime: Double
        /// Output time step (`time_tick`).
        public var timeTick: Double
        /// Pseudo-random seed (`seed_pseudorandom`).
        public var seed: Int
        /// Per node id: `(time, probability ON)` pairs written as `NODE.schedule`.
        public var schedules: [String: [(time: Double, probability: Double)]]
        /// How multi-valued nodes are written (default: thermometer-coded, exact).
        public var multiValued: MultiValued

        /// Creates settings.
        public init(
            sampleCount: Int = 10_000, maxTime: Double = 50, timeTick: Double = 1, seed: Int = 42,
            schedules: [String: [(time: Double, probability: Double)]] = [:], multiValued: MultiValued = .thermometer
        ) {
            self.sampleCount = sampleCount
            self.maxTime = maxTime
            self.timeTick = timeTick
            self.seed = seed
            self.schedules = schedules
            self.multiValued = multiValued
        }
    }

    /// How a multi-valued node (``Node/maxLevel`` above 1) is written in Boolean MaBoSS.
    public enum MultiValued: String, Sendable, CaseIterable {
        /// One variable per level, `X` (≥ 1), `X_b2` (≥ 2), …: exact (see ``MaBoSSFormat``).
        case thermometer
        /// One variable, `X`, read as level ≥ 1: the same node set as the source, lossy.
        case projection
    }

    /// The MaBoSS identifier for a node id: letters, digits and `_`, not starting with a digit.
    public static func identifier(_ id: String) -> String {
        var s = ""
        for c in id.unicodeScalars {
            let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || c == "_"
            s.unicodeScalars.append(ok ? c : "_")
        }
        if s.isEmpty || (s.unicodeScalars.first.map { $0 >= "0" && $0 <= "9" } ?? true) { s = "N_" + s }
        return s
    }

    /// The `.bnd` and `.cfg` texts of `graph`.
    ///
    /// - Complexity: O(N + E + Σ maxLevel × rule size).
    public static func write(_ graph: MechanismGraph, settings: Settings = Settings()) -> (bnd: String, cfg: String) {
        let coding = ThermometerCoding(graph, thermometer: settings.multiValued == .thermometer, identifier: identifier,
                                       reserved: ["NOT", "AND", "OR", "XOR", "Node", "node"])
        var bnd = "// \(graph.name): written by ImmunoGraph\n"
        var cfg = "// \(graph.name): written by ImmunoGraph\n"
        if coding.thermometer, graph.nodes.contains(where: { $0.maxLevel > 1 }) {
            bnd += "// multi-valued nodes are thermometer-coded: X is level >= 1, X_b2 level >= 2, ...\n"
        }
        let maxLevels = Dictionary(graph.nodes.map { ($0.id, $0.maxLevel) }, uniquingKeysWith: { first, _ in first })
        for (i, node) in graph.nodes.enumerated() {
            let names = coding.names[i]
            for (k, name) in zip(1..., names) {
                var approximated = false
                let logic: String
                if coding.thermometer {
                    logic = coding.logic(of: i, atLeast: k).map { render($0, names: [:], maxLevels: [:], approximated: &approximated) } ?? name
                } else {
                    logic = graph.effectiveRule(for: i).map { rule in
                        render(rule, names: coding.projectionNames, maxLevels: maxLevels, approximated: &approximated)
                    } ?? name
                }
                bnd += "Node \(name) {\n"
                if names.count > 1 {
                    bnd += "  // level >= \(k) of \(node.id) (levels 0...\(node.maxLevel)), thermometer-coded\n"
                } else if node.maxLevel > 1 {
                    bnd += "  // multi-valued in the source model (levels 0...\(node.maxLevel)); levels >= 1 read as ON\n"
                } else if approximated {
                    bnd += "  // approximated: the source logic reads multi-valued levels; levels >= 1 read as ON\n"
                }
                bnd += "  logic = \(logic);\n"
                if node.isTherapy, names.count > 1 {
                    // The switches are named after the level-1 variable. Held at level L
                    // (`$Level_X = L`): variables 1...L on, the others off.
                    let x = names[0]
                    bnd += "  rate_up = $Low_\(x) ? 0.0 : ($High_\(x) ? 1.0 : ($Level_\(x) >= \(k) ? 1.0 : "
                        + "($Level_\(x) > 0 ? 0.0 : (@logic ? 1.0 : 0.0))));\n"
                    bnd += "  rate_down = $Low_\(x) ? 1.0 : ($High_\(x) ? 0.0 : ($Level_\(x) >= \(k) ? 0.0 : "
                        + "($Level_\(x) > 0 ? 1.0 : (@logic ? 0.0 : 1.0))));\n"
                } else if node.isTherapy {
                    bnd += "  rate_up = $Low_\(name) ? 0.0 : ($High_\(name) ? 1.0 : (@logic ? 1.0 : 0.0));\n"
                    bnd += "  rate_down = $Low_\(name) ? 1.0 : ($High_\(name) ? 0.0 : (@logic ? 0.0 : 1.0));\n"
                } else if let leak = graph.spontaneousActivation(of: i) {
                    bnd += "  // basal level \(number(node.basal ?? 0)): spontaneous activation unless inhibited\n"
                    bnd += "  rate_up = \(leak.rateUp { coding.name(of: $0) });\n  rate_down = @logic ? 0.0 : 1.0;\n"
                } else {
                    bnd += "  rate_up = @logic ? 1.0 : 0.0;\n  rate_down = @logic ? 0.0 : 1.0;\n"
                }
                bnd += "}\n\n"
            }
        }
        for (i, node) in graph.nodes.enumerated() where node.isTherapy {
            let name = coding.names[i][0]
            cfg += "$Low_\(name) = 0;\n$High_\(name) = 0;\n"
            if coding.names[i].count > 1 { cfg += "$Level_\(name) = 0;\n" }
        }
        for (i, (node, halfOn)) in zip(graph.nodes, graph.nodesStartingHalfOn).enumerated() {
            let names = coding.names[i]
            if names.count > 1, halfOn {
                let zeros = names.map { _ in "0" }.joined(separator: ", "), ones = names.map { _ in "1" }.joined(separator: ", ")
                cfg += "[\(names.joined(separator: ", "))].istate = 0.5 [\(zeros)], 0.5 [\(ones)];\n"
                continue
            }
            for (k, name) in zip(1..., names) {
                cfg += "\(name).istate = \((node.initialLevel ?? 0) >= k ? "1" : halfOn ? "-1" : "0");\n"
            }
        }
        for (i, node) in graph.nodes.enumerated() {
            guard let schedule = settings.schedules[node.id], !schedule.isEmpty else { continue }
            for name in coding.names[i] {
                cfg += "\(name).schedule = " + schedule.map { "\(number($0.time)): \(number($0.probability))" }.joined(separator: ", ") + ";\n"
            }
        }
        cfg += "sample_count = \(settings.sampleCount);\nmax_time = \(number(settings.maxTime));\n"
        cfg += "time_tick = \(number(settings.timeTick));\ndiscrete_time = 0;\nuse_physrandgen = FALSE;\n"
        cfg += "seed_pseudorandom = \(settings.seed);\nthread_count = 1;\n"
        return (bnd, cfg)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? "\(Int(value))" : "\(value)"
    }

    /// MaBoSS syntax: `!`, `&`, `|`, parentheses (precedence as in bnet, always parenthesised).
    /// Sets `approximated` when an atom cannot be written exactly in Boolean logic: `A >= k` with
    /// k > 1, or `A == k` with k ≥ 1 on a multi-valued `A` (`A == 0` is exactly `!A`). An atom
    /// above `A`'s maximum level never holds and is written `0`.
    static func render(
        _ expression: Expression, names: [String: String], maxLevels: [String: Int], approximated: inout Bool
    ) -> String {
        switch expression {
        case .constant(let value): return value ? "1" : "0"
        case .atom(let atom):
            // A level above the node's maximum is never reached: the atom is exactly false.
            if atom.comparison == .atLeast && atom.level <= 0 { return "1" }
            if atom.level > (maxLevels[atom.node] ?? 1) || atom.level < 0 { return "0" }
            if atom.level > 1 || (atom.comparison == .equal && atom.level >= 1 && (maxLevels[atom.node] ?? 1) > 1) {
                approximated = true
            }
            let name = names[atom.node] ?? atom.node
            return atom.comparison == .equal && atom.level == 0 ? "!\(name)" : name
        case .not(let inner): return "!" + wrap(inner, names: names, maxLevels: maxLevels, approximated: &approximated)
        case .and(let items):
            var parts: [String] = []
            for item in items { parts.append(wrap(item, names: names, maxLevels: maxLevels, approximated: &approximated)) }
            return parts.joined(separator: " & ")
        case .or(let items):
            var parts: [String] = []
            for item in items { parts.append(wrap(item, names: names, maxLevels: maxLevels, approximated: &approximated)) }
            return parts.joined(separator: " | ")
        }
    }

    private static func wrap(
        _ expression: Expression, names: [String: String], maxLevels: [String: Int], approximated: inout Bool
    ) -> String {
        let text = render(expression, names: names, maxLevels: maxLevels, approximated: &approximated)
        switch expression {
        case .and, .or: return "(\(text))"
        default: return text
        }
    }
}
