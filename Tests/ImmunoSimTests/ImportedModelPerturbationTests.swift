import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite("Formats: imported models feed the engines' perturbations")
struct ImportedModelPerturbationTests {
    @Test func perturbationsResolveOnAnSBMLImport() throws {
        let graph = try Catalog.flagship()
        let imported = try SBMLQualReader.read(Data(SBMLQualWriter.write(graph).utf8))
        let resolved = try ResolvedPerturbations([.knockout("PD1"), .overexpress("IFNG")], in: imported)
        #expect(resolved.clamps.map(\.node).sorted() == [imported.index(of: "PD1"), imported.index(of: "IFNG")].compactMap { $0 }.sorted())
        #expect(throws: PerturbationError.self) { try ResolvedPerturbations([.knockout("PD-1x")], in: imported) }
    }
}
