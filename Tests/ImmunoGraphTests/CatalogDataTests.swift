import Foundation
@testable import ImmunoGraph
import Testing

/// The built-in models are data: the JSON files in `Sources/ImmunoGraph/Catalog/Models/`,
/// embedded by `Scripts/generate-builtin-models.py`.
@Suite("Built-in models as data")
struct CatalogDataTests {
    static let folder = CatalogSeedFiles.packageRoot.appendingPathComponent("Sources/ImmunoGraph/Catalog/Models")

    @Test func embeddedTextEqualsTheJSONFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        #expect(names == Catalog.builtinModelJSON.keys.sorted())
        #expect(Set(names) == Set(Catalog.models.keys))
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name + ".json"), encoding: .utf8)
            #expect(Catalog.builtinModelJSON[name] == text,
                "\(name).json differs from the embedded text: run python3 Scripts/generate-builtin-models.py")
        }
    }

    @Test(arguments: ["flagship", "tme"])
    func theFileReadsAsTheBuiltinModel(_ name: String) throws {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent(name + ".json"))
        let file = try JSONFormat.read(data, file: name + ".json")
        let builtin = try ModelLoader.load("builtin:" + name)
        #expect(file.nodes == builtin.nodes)
        #expect(file.edges == builtin.edges)
        #expect(file.backgrounds == builtin.backgrounds)
        #expect(builtin.diagnostics.isEmpty, "\(builtin.diagnostics)")
    }

    /// Every input of a built-in model (a node other than a therapy, without in-edges or a rule)
    /// states its level, as a basal or an initial level. An unstated input keeps the engines'
    /// default start, 0.5 in a model with explicit rules: `MMR_DEFICIENCY` did, so until the seventh
    /// session the untreated tumour of `builtin:tme` was half mismatch-repair deficient (graded)
    /// or deficient in half the trajectories (stochastic).
    @Test(arguments: ["flagship", "tme"])
    func everyInputStatesItsLevel(_ name: String) throws {
        let graph = try ModelLoader.load("builtin:" + name)
        let unstated = graph.nodes.indices.filter { i in
            let node = graph.nodes[i]
            return !node.isTherapy && graph.inEdges(of: i).isEmpty && node.levelFunction == nil
                && node.basal == nil && node.initialLevel == nil
        }.map { graph.nodes[$0].id }
        #expect(unstated.isEmpty, "inputs without a stated level: \(unstated)")
    }

    @Test func anUnknownRecordIsAnError() throws {
        let text = try #require(Catalog.builtinModelJSON["tme"])
        let edited = text.replacingOccurrences(of: "\"record\": \"S003-20\"", with: "\"record\": \"S999-99\"")
        #expect(edited != text)
        #expect(throws: GraphValidationError.self) { try Catalog.build(json: edited, file: "tme.json") }
        do {
            _ = try Catalog.build(json: edited, file: "tme.json")
        } catch let error as GraphValidationError {
            #expect(error.problems.contains { $0.code == "unknown-record" && $0.message.contains("S999-99") })
        }
    }
}
