import Foundation
import ImmunoGraph
import Testing

@Suite("MaBoSS reader")
struct MaBoSSReaderTests {
    static let bnd = """
        // A toy checkpoint motif.
        Node PDL1 { logic = PDL1; }
        node PD1sig {
          logic = PDL1 AND NOT antiPD1;
          rate_up = @logic ? $u : 0.0;
          rate_down = @logic ? 0.0 : 2 * $d;
        }
        Node antiPD1 { logic = antiPD1; rate_up = 0; rate_down = 0; }
        Node Teff {
          /* a local helper */
          boost = Teff ^ PD1sig;
          logic = !PD1sig || (PDL1 && @boost);
        }
        Node Exhausted { logic = PD1sig ? 1 : Teff; }
        """
    static let cfg = """
        $u = 1.5;
        $d = $u / 3;
        PDL1.istate = 1;
        antiPD1.istate = -1;
        [PD1sig, Teff].istate = 0.3 [0, 1], 0.7 [1, 0];
        Exhausted.is_internal = 1;
        Teff.refstate = 1;
        sample_count = 500;
        max_time = 20.5;
        time_tick = 0.5;
        discrete_time = 0;
        use_physrandgen = FALSE;
        seed_pseudorandom = 7;
        """

    @Test("reads nodes, logic, rates, parameters, istates, is_internal and settings")
    func readsEverything() throws {
        let model = try MaBoSSReader.read(bnd: Self.bnd, cfg: Self.cfg, name: "toy")
        let graph = model.graph
        #expect(graph.nodes.map(\.id) == ["PDL1", "PD1sig", "antiPD1", "Teff", "Exhausted"])
        #expect(graph.nodes[0].rule == nil && graph.nodes[0].initialLevel == 1)
        let pd1 = try #require(graph.nodes[1].rule)
        #expect(pd1.evaluate { ["PDL1": 1, "antiPD1": 0][$0] ?? 0 })
        #expect(!pd1.evaluate { ["PDL1": 1, "antiPD1": 1][$0] ?? 0 })
        // Teff = !PD1sig | (PDL1 & (Teff xor PD1sig)), with the local variable substituted.
        let teff = try #require(graph.nodes[3].rule)
        for bits in 0..<8 {
            let s = ["PD1sig": bits & 1, "PDL1": (bits >> 1) & 1, "Teff": (bits >> 2) & 1]
            let expected = s["PD1sig"] == 0 || (s["PDL1"] == 1 && (s["Teff"] != s["PD1sig"]))
            #expect(teff.evaluate { s[$0] ?? 0 } == expected)
        }
        #expect(graph.edgeCount > 0)
        let c = model.configuration
        #expect(c.parameters == ["u": 1.5, "d": 0.5])
        #expect(c.rates["PD1sig"]?.up == .conditional(.variable("logic"), .parameter("u"), .number(0)))
        #expect(c.rates["antiPD1"]?.up == .number(0))
        #expect(c.rates["Teff"]?.up == nil)
        #expect(c.sampleCount == 500 && c.maxTime == 20.5 && c.timeTick == 0.5 && c.seed == 7 && !c.discreteTime)
        #expect(c.internalNodes == ["Exhausted"])
        #expect(c.initialProbability(of: "PDL1") == 1)
        #expect(c.initialProbability(of: "antiPD1") == 0.5)
        #expect(c.initialProbability(of: "Exhausted") == 0.5)
        #expect(c.initialProbability(of: "Teff") == nil)
        let joint = try #require(c.initialStates.first { $0.nodes.count == 2 })
        #expect(joint.nodes == ["PD1sig", "Teff"] && joint.choices.map(\.weight) == [0.3, 0.7] && joint.choices.map(\.values) == [[0, 1], [1, 0]])
    }

    @Test("errors name the file, line and column", arguments: [
        ("Node A { logic = B; }", nil as String?, "x.bnd:1:10", "'B', which is not a node"),
        ("Node A { logic = A & ; }", nil, "x.bnd:1:22", "expected an expression"),
        ("Node A {\n  logic = A;\n  logic = 1;\n}", nil, "x.bnd:3:3", "defined twice"),
        ("Node A { logic = A; }\nNode A { logic = 1; }", nil, "x.bnd:2:6", "duplicate node 'A'"),
        ("Node A { rate_up = $k; }", "", "x.bnd:1:10", "'$k', which the .cfg does not define"),
        ("Nod A { logic = A; }", nil, "x.bnd:1:1", "expected 'Node NAME"),
        ("Node A { logic = A + 1; }", nil, "x.bnd:1:10", "is not Boolean"),
        ("Node A { logic = A; }", "A.istate = 2;", "x.cfg:1:12", "must be 0, 1 or -1"),
        ("Node A { logic = A; }", "[A, B].istate = 1 [0, 1];", "x.cfg:1:1", "'B', which is not a node"),
        ("Node A { logic = A; }", "[A].istate = 1 [0, 1];", "x.cfg:1:14", "2 values for 1 nodes"),
        ("Node A { logic = A; }", "max_time = ;", "x.cfg:1:12", "expected an expression"),
        ("Node A { logic = A; } /* open", nil, "x.bnd:1:23", "unterminated comment"),
    ])
    func errors(bnd: String, cfg: String?, location: String, message: String) {
        do {
            _ = try MaBoSSReader.read(bnd: bnd, cfg: cfg, bndFile: "x.bnd", cfgFile: "x.cfg")
            Issue.record("expected an error for \(bnd)")
        } catch let error as ModelReadError {
            #expect(error.description.hasPrefix(location), "\(error)")
            #expect(error.description.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("round trip with the writer: logic, inputs, istates and therapy switches survive")
    func roundTripBuiltins() throws {
        for name in ["flagship", "tme"] {
            let graph = try ModelLoader.load("builtin:\(name)")
            let (bnd, cfg) = MaBoSSFormat.write(graph, settings: .init(sampleCount: 123, maxTime: 9, timeTick: 0.25, seed: 5,
                                                                       multiValued: .projection))
            let back = try MaBoSSReader.read(bnd: bnd, cfg: cfg, name: name)
            #expect(back.configuration.sampleCount == 123 && back.configuration.maxTime == 9 && back.configuration.timeTick == 0.25)
            #expect(back.graph.nodeCount == graph.nodeCount)
            // Thermometer-coded: one variable per level; the rules of the Boolean nodes are the same.
            let (codedBnd, codedCfg) = MaBoSSFormat.write(graph)
            let coded = try MaBoSSReader.read(bnd: codedBnd, cfg: codedCfg, name: name)
            #expect(coded.graph.nodeCount == graph.nodes.reduce(0) { $0 + $1.maxLevel })
            for node in graph.nodes where node.isTherapy && node.maxLevel > 1 {
                #expect(coded.configuration.parameters["Level_\(MaBoSSFormat.identifier(node.id))"] == 0, "\(node.id)")
            }
            let names = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, MaBoSSFormat.identifier($0.id)) })
            for node in graph.nodes where node.maxLevel == 1 {
                let id = names[node.id] ?? node.id
                let read = try #require(back.graph.nodes.first { $0.id == id })
                #expect((read.initialLevel ?? 0) == min(1, node.initialLevel ?? 0))
                let rule = graph.effectiveRule(for: graph.index(of: node.id) ?? 0)
                // A rule reading a multi-valued node (a dose level, `TAT >= 4`) is written
                // approximately, by design (MaBoSS is Boolean); the others must survive exactly.
                var readsLevels = false
                rule?.forEachAtom { atom, _ in
                    if (graph.node(atom.node)?.maxLevel ?? 1) > 1 { readsLevels = true }
                }
                guard !readsLevels else { continue }
                let original = rule?.renamingNodes { names[$0] ?? $0 }
                #expect(FormatsSupport.equivalent(original, read.rule), "\(name): \(node.id)")
                if node.isTherapy {
                    #expect(back.configuration.parameters["Low_\(id)"] == 0 && back.configuration.parameters["High_\(id)"] == 0)
                    #expect(back.configuration.rates[id]?.up != nil)
                }
            }
        }
    }

    @Test("round trip on the BBM models (skipped when ../shared is absent)")
    func roundTripBBM() throws {
        for dir in FormatsSupport.bbmModels {
            let graph = try ModelLoader.load(dir.appendingPathComponent("model.bnet").path)
            let (bnd, cfg) = MaBoSSFormat.write(graph)
            let back = try MaBoSSReader.read(bnd: bnd, cfg: cfg)
            #expect(back.graph.nodes.map(\.id) == graph.nodes.map { MaBoSSFormat.identifier($0.id) }, "\(dir.lastPathComponent)")
            for (a, b) in zip(graph.nodes, back.graph.nodes) {
                let original = graph.effectiveRule(for: graph.index(of: a.id) ?? 0)?.renamingNodes(MaBoSSFormat.identifier)
                #expect(FormatsSupport.equivalent(original, b.rule), "\(dir.lastPathComponent): \(a.id)")
            }
        }
    }

    @Test("a .bnd path loads through ModelLoader, with its .cfg beside it")
    func loadsFromFiles() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("maboss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.bnd.utf8).write(to: dir.appendingPathComponent("toy.bnd"))
        try Data(Self.cfg.utf8).write(to: dir.appendingPathComponent("toy.cfg"))
        let graph = try ModelLoader.load(dir.appendingPathComponent("toy.bnd").path)
        #expect(graph.name == "toy" && graph.nodeCount == 5 && graph.nodes[0].initialLevel == 1)
        let model = try MaBoSSReader.load(bnd: dir.appendingPathComponent("toy.bnd").path)
        #expect(model.configuration.maxTime == 20.5)
    }
}
