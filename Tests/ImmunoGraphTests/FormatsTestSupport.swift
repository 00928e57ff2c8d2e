import Foundation
import ImmunoGraph

/// Paths and helpers shared by the Formats test files.
enum FormatsSupport {
    /// The package root, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The hostile-input corpus.
    static let hostile = packageRoot.appendingPathComponent("Tests/ImmunoGraphTests/Resources/hostile")
    /// /work/shared as ../shared from the package root.
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    /// The BBM model directories, or [] when /work/shared is absent.
    static var bbmModels: [URL] {
        let dir = shared.appendingPathComponent("models/bbm")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted().map { dir.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("model.bnet").path) }
    }
    static var hasShared: Bool { !bbmModels.isEmpty }

    /// True when `a` and `b` agree on every assignment of their variables (levels 0…max each).
    static func equivalent(_ a: ImmunoGraph.Expression?, _ b: ImmunoGraph.Expression?, maxLevel: (String) -> Int = { _ in 1 }) -> Bool {
        if a == b { return true }
        guard let a, let b else { return false }
        let variables = Array(Set(a.variables + b.variables)).sorted()
        let levels = variables.map { maxLevel($0) + 1 }
        let total = levels.reduce(1, *)
        guard total <= 1 << 16 else { return true }  // too large to enumerate; checked elsewhere
        var assignment = [Int](repeating: 0, count: variables.count)
        for _ in 0..<total {
            let values = Dictionary(uniqueKeysWithValues: zip(variables, assignment))
            if a.evaluate({ values[$0] ?? 0 }) != b.evaluate({ values[$0] ?? 0 }) { return false }
            var k = 0
            while k < assignment.count {
                assignment[k] += 1
                if assignment[k] < levels[k] { break }
                assignment[k] = 0
                k += 1
            }
        }
        return true
    }

    /// Edges in a canonical order (the graph keeps insertion order per source).
    static func sortedEdges(_ graph: MechanismGraph) -> [Edge] {
        graph.edges.sorted { ($0.source, $0.target, $0.sign.rawValue) < ($1.source, $1.target, $1.sign.rawValue) }
    }
}

/// Random expressions and graphs for round-trip tests.
enum RandomModels {
    static func expression(_ names: [String], depth: Int, maxLevel: [String: Int], rng: inout TestRNG) -> ImmunoGraph.Expression {
        let pick = Int.random(in: 0..<10, using: &rng)
        if depth == 0 || pick < 4 {
            if pick == 0 && depth > 0 { return .constant(Bool.random(using: &rng)) }
            let name = names[Int.random(in: 0..<names.count, using: &rng)]
            let m = maxLevel[name] ?? 1
            let level = Int.random(in: 1...m, using: &rng)
            return .atom(.init(name, Bool.random(using: &rng) && m > 1 ? .equal : .atLeast, level))
        }
        if pick < 6 { return .not(expression(names, depth: depth - 1, maxLevel: maxLevel, rng: &rng)) }
        let count = Int.random(in: 2...3, using: &rng)
        let items = (0..<count).map { _ in expression(names, depth: depth - 1, maxLevel: maxLevel, rng: &rng) }
        return pick < 8 ? .all(items) : .any(items)
    }

    /// A random graph with rules, evidence, kinds and some multi-valued nodes; edges follow the rules.
    static func graph(seed: UInt64, nodes count: Int = 8, multiValued: Bool = false) throws -> MechanismGraph {
        var rng = TestRNG(seed: seed)
        let names = (0..<count).map { "N\($0)" }
        var maxLevel: [String: Int] = [:]
        for name in names { maxLevel[name] = multiValued && Bool.random(using: &rng) ? Int.random(in: 2...3, using: &rng) : 1 }
        var builder = GraphBuilder(name: "random-\(seed)")
        let kinds: [NodeKind] = [.cell, .cytokine, .receptor, .process, .phenotype, NodeKind("organoid")]
        for (k, name) in names.enumerated() {
            var node = Node(name, name: "node \(k) & <friends>", kind: kinds[k % kinds.count],
                synonyms: k % 3 == 0 ? ["S\(k)", "alias \"\(k)\""] : [], compartment: k % 2 == 0 ? "tumour core" : nil,
                maxLevel: maxLevel[name] ?? 1, initialLevel: k % 4 == 0 ? 0 : nil, basal: k % 5 == 0 ? 0.25 : nil,
                rate: k % 3 == 1 ? 0.5 : nil, note: k % 2 == 1 ? "note\nwith newline\tand tab" : nil)
            if k >= 2 {
                let rule = expression(Array(names[0..<k]), depth: 3, maxLevel: maxLevel, rng: &rng)
                if node.maxLevel > 1 && Bool.random(using: &rng) {
                    let rules = LevelRules(terms: [LevelRule(rule, level: node.maxLevel),
                        LevelRule(expression(Array(names[0..<k]), depth: 2, maxLevel: maxLevel, rng: &rng), level: 1)],
                        defaultLevel: 0)
                    node.levelRules = rules
                    node.rule = rules.booleanProjection
                } else {
                    node.rule = rule
                }
            }
            builder.add(node)
        }
        let graphNodes = builder.nodes
        for node in graphNodes {
            var conditions: [ImmunoGraph.Expression] = []
            if let rule = node.rule { conditions.append(rule) }
            for term in node.levelRules?.terms ?? [] { conditions.append(term.condition) }
            var edges: [String: Edge] = [:]
            var order: [String] = []
            for edge in conditions.flatMap({ BnetFormat.derivedEdges(of: $0, target: node.id) }) {
                let key = edge.source + edge.sign.rawValue
                if edges[key] == nil { order.append(key) }
                edges[key] = edge
            }
            for key in order {
                guard var edge = edges[key] else { continue }
                if edges[edge.source + edge.sign.opposite.rawValue] != nil { edge.note = "dual in test" }
                edge.mechanism = Bool.random(using: &rng) ? .secretes : .regulates
                edge.weight = Bool.random(using: &rng) ? 1 : 0.75
                edge.delay = Int.random(in: 0...2, using: &rng)
                edge.threshold = Bool.random(using: &rng) ? nil : 0.3
                if Bool.random(using: &rng) {
                    edge.evidence = [Evidence(source: SourceDocument(file: "seeds/00\(seed % 4).md", doi: "10.1000/x<\(seed)>"),
                        location: "Fig. 2 & text", paraphrase: "\(edge.source) affects \(edge.target) \"strongly\"",
                        strength: Bool.random(using: &rng) ? .stated : .implied, record: Bool.random(using: &rng) ? "R\(seed)" : nil)]
                }
                builder.add(edge)
            }
        }
        builder.add(Background(name: "B1", summary: "clamp & test", clamps: [.init(node: "N0", level: 0.5)]))
        return try builder.build()
    }
}
