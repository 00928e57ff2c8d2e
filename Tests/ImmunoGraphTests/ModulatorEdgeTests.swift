import Foundation
import ImmunoGraph
import Testing

/// `Edge.modulator` (JSON key `modulator`): a minor input that never switches its target alone
/// in a Boolean reading; the builder gives it the level just above its source's maximum.
@Suite("Modulator edges")
struct ModulatorEdgeTests {
    func graph(_ edges: String) throws -> MechanismGraph {
        let text = #"{"format": "immunograph", "version": 1, "name": "m", "nodes": [{"id": "A"}, {"id": "L", "maxLevel": 3}, {"id": "X"}], "edges": ["#
            + edges + "]}"
        return try JSONFormat.read(Data(text.utf8))
    }

    @Test func aModulatorCountsFromAboveItsSourcesMaximum() throws {
        let g = try graph(#"{"source": "A", "sign": "activates", "target": "X", "modulator": true}, {"source": "L", "sign": "activates", "target": "X", "modulator": true}"#)
        let a = try #require(g.edges(from: "A", to: "X").first), l = try #require(g.edges(from: "L", to: "X").first)
        #expect(a.modulator && l.modulator)
        #expect(abs((a.threshold ?? 0) - 1.01) < 1e-12)
        #expect(abs((l.threshold ?? 0) - 3.01) < 1e-12)
    }

    @Test func aStatedThresholdWinsAndTheKeyRoundTrips() throws {
        let g = try graph(#"{"source": "A", "sign": "inhibits", "target": "X", "modulator": true, "threshold": 0.3}, {"source": "L", "sign": "activates", "target": "X"}"#)
        let a = try #require(g.edges(from: "A", to: "X").first)
        #expect(a.modulator && a.threshold == 0.3)
        #expect(try #require(g.edges(from: "L", to: "X").first).modulator == false)
        let back = try JSONFormat.read(try JSONFormat.write(g))
        #expect(back.edges == g.edges)
        // A misspelt key is refused, never dropped.
        #expect(throws: (any Error).self) { try graph(#"{"source": "A", "sign": "activates", "target": "X", "modulater": true}"#) }
    }

    @Test func theBuiltinModelMarksItsModulatorsAsBefore() throws {
        let g = try Catalog.tumourMicroenvironment()
        let modulators = g.edges.filter(\.modulator)
        #expect(modulators.count == 42)
        // A modulator that scales a rule node (a weak brake or a gain) is never read by the
        // node's rule, so its threshold shapes only the graded transfer; every other modulator
        // sits just above its source's maximum, where a Boolean reading never reaches.
        let scaling = Set((0..<g.nodeCount).flatMap { g.scalingModulators(of: $0) })
        for (e, edge) in g.edges.enumerated() where edge.modulator && !scaling.contains(e) {
            let max = try #require(g.node(edge.source)).maxLevel
            #expect(edge.threshold == Double(max) + 0.01, "\(edge.arrowDescription)")
        }
        #expect(scaling.map { g.edges[$0].arrowDescription }.sorted() == [
            "LAG3 -| T_CELL_ACTIVATION", "NEOANTIGENS -> CTL_CYTOTOXICITY", "STAT4 -> CTL_CYTOTOXICITY", "TREG -| CTL_CYTOTOXICITY",
        ])
    }
}
