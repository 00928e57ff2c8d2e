import Foundation
import ImmunoGraph
import Testing

/// The 23 BBM models of /work/shared (skipped when absent): bnet and SBML imports agree, and
/// both round-trip through our writers.
@Suite("Formats: BBM models", .enabled(if: FormatsSupport.hasShared))
struct FormatsBBMTests {
    static let models: [String] = FormatsSupport.bbmModels.map(\.lastPathComponent)

    static func load(_ model: String) throws -> (bnet: MechanismGraph, sbml: MechanismGraph) {
        let dir = FormatsSupport.shared.appendingPathComponent("models/bbm/\(model)")
        return (try ModelLoader.load(dir.appendingPathComponent("model.bnet").path),
            try ModelLoader.load(dir.appendingPathComponent("model.sbml").path))
    }

    /// SBML ids map to bnet names directly (BBM writes both from the same ids, `v_` prefixed).
    @Test(arguments: models)
    func bnetAndSBMLImportsAgree(_ model: String) throws {
        let (bnet, sbml) = try Self.load(model)
        // bnet cannot name a regulator the rule does not read (GINsim minimises functions), so
        // an SBML-only node must be a rule-less input that no rule reads, reported by a warning.
        #expect(Set(bnet.nodes.map(\.id)).isSubset(of: Set(sbml.nodes.map(\.id))), "\(model)")
        let read = Set(sbml.nodes.flatMap { $0.rule?.variables ?? [] })
        for node in sbml.nodes where bnet.node(node.id) == nil {
            #expect(node.rule == nil && !read.contains(node.id), "\(model) \(node.id)")
            #expect(sbml.diagnostics.contains { $0.code == "rule-ignores-edge" && $0.message.contains(node.id) }, "\(model) \(node.id)")
        }
        var compared = 0
        for node in sbml.nodes {
            guard let b = bnet.node(node.id) else { continue }
            // BBM SBML writes inputs as transitions without terms; bnet omits them (undefined inputs).
            let inputs = Set((node.rule?.variables ?? []) + (b.rule?.variables ?? []))
            if inputs.count <= 16 {
                #expect(FormatsSupport.equivalent(node.rule, b.rule), "\(model) \(node.id): \(String(describing: node.rule)) vs \(String(describing: b.rule))")
                compared += 1
            }
        }
        #expect(compared > 0)
        // Declared SBML signs agree with the rules (no mismatch warnings) in BBM exports.
        #expect(!sbml.diagnostics.contains { $0.code == "rule-sign-mismatch" }, "\(model): \(sbml.diagnostics)")
    }

    @Test(arguments: models)
    func roundTripsThroughBnetSBMLAndJSON(_ model: String) throws {
        let (bnet, sbml) = try Self.load(model)
        // SBML → ours → SBML → ours: identical graphs.
        let viaSBML = try SBMLQualReader.read(Data(SBMLQualWriter.write(sbml).utf8), name: sbml.name)
        #expect(viaSBML.nodes == sbml.nodes, "\(model)")
        #expect(FormatsSupport.sortedEdges(viaSBML) == FormatsSupport.sortedEdges(sbml), "\(model)")
        // bnet → ours → bnet → ours: same nodes, same rules.
        let viaBnet = try BnetFormat.read(BnetFormat.write(bnet), name: bnet.name, undefinedNames: .error)
        #expect(viaBnet.nodes.map(\.id) == bnet.nodes.map(\.id), "\(model)")
        for node in bnet.nodes {
            #expect(viaBnet.node(node.id)?.rule == node.rule, "\(model) \(node.id)")
        }
        #expect(FormatsSupport.sortedEdges(viaBnet) == FormatsSupport.sortedEdges(bnet), "\(model)")
        // JSON is exact.
        #expect(try JSONFormat.read(try JSONFormat.write(sbml)) == sbml)
    }
}
