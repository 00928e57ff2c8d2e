import Foundation
import ImmunoGraph
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Formats: SIF, MaBoSS, DOT, GraphML")
struct FormatsWritersTests {
    @Test(arguments: SIFFormat.SignStyle.allCases)
    func sifRoundTripsSignsInEveryStyle(_ style: SIFFormat.SignStyle) throws {
        for seed in UInt64(1)...10 {
            let graph = try RandomModels.graph(seed: seed, nodes: 8)
            let text = SIFFormat.write(graph, style: style)
            let back = try SIFFormat.read(text)
            #expect(Set(back.edges.map(\.arrowDescription)) == Set(graph.edges.map(\.arrowDescription)), "seed \(seed)")
            #expect(Set(back.nodes.map(\.id)) == Set(graph.nodes.map(\.id)))
            #expect(back.nodes.allSatisfy { $0.rule == nil })  // engines derive inhibitor-dominant rules
        }
    }

    @Test func sifReaderAutoDetectsMixedStylesAndMultipleTargets() throws {
        let graph = try SIFFormat.read("A -> B C\nB\t-1\tC\nC inhibits A\nD\nA 1 B\nA -| B\n")
        #expect(graph.nodes.map(\.id) == ["A", "B", "C", "D"])
        #expect(Set(graph.edges.map(\.arrowDescription)) == ["A -> B", "A -> C", "B -| C", "C -| A", "A -| B"])
        #expect(graph.edges.filter { $0.source == "A" && $0.target == "B" }.allSatisfy { $0.note?.hasPrefix("dual") == true })
        let c = try #require(graph.index(of: "C"))
        let rule = try #require(graph.inhibitorDominantRule(for: c))
        #expect(rule.evaluate { $0 == "A" ? 1 : 0 } == true)
        #expect(rule.evaluate { _ in 1 } == false)
    }

    @Test func mabossWritesLogicTherapiesAndSchedules() throws {
        let graph = try Catalog.flagship()
        let settings = MaBoSSFormat.Settings(sampleCount: 500, maxTime: 30, seed: 7,
            schedules: ["ANTI_PD1": [(time: 10, probability: 1), (time: 20, probability: 0)]])
        let (bnd, cfg) = MaBoSSFormat.write(graph, settings: settings)
        // One node block per node.
        #expect(bnd.components(separatedBy: "\nNode ").count - 1 + (bnd.hasPrefix("Node ") ? 1 : 0) == graph.nodeCount)
        // Inhibitor-dominant logic of T_CELL_ACTIVATION: ANTIGEN and no PD1 / TIM3.
        #expect(bnd.contains("Node T_CELL_ACTIVATION {\n  logic = ANTIGEN & !(PD1 | TIM3);"))
        // Inputs keep their state.
        #expect(bnd.contains("Node ANTIGEN {\n  logic = ANTIGEN;"))
        // Therapies are pyMaBoSS-style mutants.
        #expect(bnd.contains("rate_up = $Low_ANTI_PD1 ? 0.0 : ($High_ANTI_PD1 ? 1.0 : (@logic ? 1.0 : 0.0));"))
        #expect(cfg.contains("$High_ANTI_PD1 = 0;") && cfg.contains("$Low_ANTI_TIM3 = 0;"))
        #expect(cfg.contains("ANTI_PD1.schedule = 10: 1, 20: 0;"))
        #expect(cfg.contains("sample_count = 500;") && cfg.contains("seed_pseudorandom = 7;") && cfg.contains("max_time = 30;"))
        #expect(cfg.contains("TUMOR_BURDEN.istate = 0;"))
    }

    /// The cfg starts MaBoSS where the engines start (``MechanismGraph/nodesStartingHalfOn``): until
    /// the seventh session every unstated node was written `istate = 0` while the stochastic engine
    /// started it on with probability ½, so an exported model ran in MaBoSS from another initial
    /// distribution (the peer scripts patched the cfg to hide it).
    @Test func mabossIstatesAreTheEnginesStart() throws {
        let model = try BnetFormat.read("A, A\nB, A & !C\nC, B\n", file: "start.bnet")
        let (bnd, cfg) = MaBoSSFormat.write(model)
        for id in ["A", "B", "C"] { #expect(cfg.contains("\(id).istate = -1;"), "\(id)") }
        let back = try MaBoSSReader.read(bnd: bnd, cfg: cfg)
        #expect(back.configuration.initialProbability(of: "A") == 0.5)

        let tme = try ModelLoader.load("builtin:tme")
        let (_, tmeCfg) = MaBoSSFormat.write(tme)
        var jointly = 0
        for (node, halfOn) in zip(tme.nodes, tme.nodesStartingHalfOn) {
            let id = MaBoSSFormat.identifier(node.id)
            guard node.maxLevel > 1 else {
                let expected = (node.initialLevel ?? 0) >= 1 ? "1" : halfOn ? "-1" : "0"
                #expect(tmeCfg.contains("\n\(id).istate = \(expected);"), "\(node.id)")
                continue
            }
            // A multi-valued node's thermometer variables start together: all off or all on
            // with probability ½ (the engines start it at 0 or its maximum), else at its level.
            let names = [id] + (2...node.maxLevel).map { "\(id)_b\($0)" }
            if halfOn {
                jointly += 1
                let off = names.map { _ in "0" }.joined(separator: ", "), on = names.map { _ in "1" }.joined(separator: ", ")
                #expect(tmeCfg.contains("\n[\(names.joined(separator: ", "))].istate = 0.5 [\(off)], 0.5 [\(on)];"), "\(node.id)")
            } else {
                for (k, name) in zip(1..., names) {
                    #expect(tmeCfg.contains("\n\(name).istate = \((node.initialLevel ?? 0) >= k ? 1 : 0);"), "\(name)")
                }
            }
        }
        #expect(jointly >= 2, "NEOANTIGENS and ANTIGEN_PRESENTATION start half on")
        let (_, projected) = MaBoSSFormat.write(tme, settings: .init(multiValued: .projection))
        for (node, halfOn) in zip(tme.nodes, tme.nodesStartingHalfOn) {
            let expected = (node.initialLevel ?? 0) >= 1 ? "1" : halfOn ? "-1" : "0"
            #expect(projected.contains("\n\(MaBoSSFormat.identifier(node.id)).istate = \(expected);"), "\(node.id)")
        }
        // An input the model states off stays off; a node with a basal level is not random.
        #expect(tmeCfg.contains("\nMMR_DEFICIENCY.istate = 0;") && tmeCfg.contains("\nTREG.istate = 0;"))
        #expect(tmeCfg.contains("\nCD8_T.istate = -1;"))
    }

    /// A basal level is exported as spontaneous activation (the stochastic engine's reading,
    /// ``MechanismGraph/spontaneousActivation(of:removedEdges:)``), so MaBoSS runs the same chain.
    @Test func mabossExportsBasalLevelsAsSpontaneousActivation() throws {
        let tme = try ModelLoader.load("builtin:tme")
        let (bnd, cfg) = MaBoSSFormat.write(tme)
        // DC (basal 0.2) has no inhibitor: it turns on at 0.2 / 0.8 = 0.25 while its logic is off.
        #expect(bnd.contains("  rate_up = (@logic ? 1 : 0.25);\n  rate_down = @logic ? 0.0 : 1.0;"))
        let back = try MaBoSSReader.read(bnd: bnd, cfg: cfg, name: "tme")
        let leaking = Set(back.configuration.rates.compactMap { id, rates -> String? in
            guard case .conditional(.variable("logic"), .number(1), let otherwise)? = rates.up, otherwise != .number(0) else { return nil }
            return id
        })
        #expect(leaking == ["TUMOR_CELL", "TREG", "DC", "MHC_I"])
        // Tregs' leak is gated by their inhibitors (level-1 reads only), each a node of the model.
        let treg = try #require(back.configuration.rates["TREG"]?.up)
        let inhibitors = tme.inEdges(of: try #require(tme.index(of: "TREG"))).map { tme.edges[$0] }.filter { $0.sign == .inhibits }
        #expect(!inhibitors.isEmpty)
        for edge in inhibitors { #expect(treg.nodes.contains(edge.source), "\(edge.source)") }
    }

    @Test func mabossRenamesIdentifiersAndMarksMultiValuedLogic() throws {
        var builder = GraphBuilder(name: "odd")
        builder.add(Node("IL-2", maxLevel: 2))
        builder.add(Node("T", rule: .atom(.init("IL-2", .atLeast, 2))))
        builder.add(Edge("IL-2", .activates, "T"))
        let graph = try builder.build()
        let (bnd, _) = MaBoSSFormat.write(graph, settings: .init(multiValued: .projection))
        #expect(bnd.contains("Node IL_2 {") && bnd.contains("logic = IL_2;") && bnd.contains("// multi-valued"))
        // Thermometer-coded (the default): IL-2's second level is a variable of its own, and T reads it.
        let (coded, _) = MaBoSSFormat.write(graph)
        #expect(coded.contains("Node IL_2 {") && coded.contains("Node IL_2_b2 {\n  // level >= 2 of IL-2 (levels 0...2), thermometer-coded\n  logic = IL_2_b2 & IL_2;"))
        #expect(coded.contains("Node T {\n  logic = IL_2_b2;"), "\(coded)")
    }

    @Test func dotShowsKindsAndSigns() throws {
        let dot = DOTFormat.write(try Catalog.flagship())
        #expect(dot.contains("\"ANTI_PD1\" [label=\"anti-PD-1 antibody\", shape=box3d"))
        #expect(dot.contains("\"PD1\" -> \"T_CELL_ACTIVATION\" [arrowhead=tee"))
        #expect(dot.contains("\"PDL1\" -> \"PD1\" [arrowhead=normal"))
    }

    @Test func graphMLIsWellFormedAndCarriesEvidence() throws {
        let graph = try Catalog.flagship()
        let text = GraphMLFormat.write(graph)
        final class Counter: NSObject, XMLParserDelegate {
            var nodes = 0, edges = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
                if name == "node" { nodes += 1 }
                if name == "edge" { edges += 1 }
            }
        }
        let counter = Counter()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.nodes == graph.nodeCount && counter.edges == graph.edgeCount)
        #expect(text.contains("<data key=\"e_dois\">10.5772/66494</data>"))
        #expect(text.contains("<data key=\"n_kind\">therapy</data>"))
    }
}
