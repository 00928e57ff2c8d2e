import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
private let bbm = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/models/bbm")
private let hasBBM = FileManager.default.fileExists(atPath: bbm.path)

/// The BBM model whose folder starts with `prefix`, compiled.
func bbmModel(_ prefix: String) throws -> LogicalModel? {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: bbm.path)) ?? []
    guard let folder = folders.first(where: { $0.hasPrefix(prefix) }) else { return nil }
    return try LogicalModel(ModelLoader.load(bbm.appendingPathComponent(folder).appendingPathComponent("model.bnet").path))
}

@Suite("Symbolic attractors")
struct SymbolicAttractorTests {
    @Test("symbolic asynchronous attractors equal the enumerative ones (states and basins), from all states and from one")
    func randomNetworks() throws {
        for seed in UInt64(1)...40 {
            let n = 3 + Int(seed % 6)
            var model = try RandomLogical.model(nodes: n, k: 3, multiValued: false, seed: seed)
            if seed % 4 == 0 { model = try model.holding([(model.nodeIDs[1], Int(seed / 4 % 2))]) }
            #expect(try model.symbolicAsynchronousAttractors() == model.asynchronousAttractors(), "seed \(seed)")
            let start = (0..<n).map { ($0 * 7 + Int(seed)) % 3 == 0 ? 1 : 0 }
            #expect(try model.symbolicAsynchronousAttractors(from: [start]) == model.asynchronousAttractors(from: start),
                    "seed \(seed) from \(start)")
            #expect(try model.symbolicFixedPointCount() == Double(model.fixedPointCount()), "seed \(seed)")
        }
    }

    @Test("a model too large to enumerate switches to the symbolic analysis")
    func automaticSwitch() throws {
        let model = try RandomLogical.model(nodes: 10, k: 2, multiValued: false, seed: 3)
        let switched = try model.asynchronousAttractors(maxStates: 64)
        #expect(switched.attractors.map(\.states) == (try model.asynchronousAttractors()).attractors.map(\.states))
        #expect(switched.attractors.allSatisfy { $0.basin == 0 })
        #expect(throws: LogicalAnalysisError.self) { try model.symbolicAsynchronousAttractors(stateLimit: 0) }
    }

    @Test("BBM 062 (12 nodes): symbolic attractors equal enumeration; fixed-point counts agree",
          .enabled(if: hasBBM, "needs ../shared/models/bbm"))
    func publishedModels() throws {
        for prefix in ["062"] {
            guard let model = try bbmModel(prefix) else { continue }
            let symbolic = try model.symbolicAsynchronousAttractors()
            #expect(symbolic == (try model.asynchronousAttractors(symbolicAbove: .max)), "\(prefix)")
            #expect(symbolic == (try model.asynchronousAttractors()), "\(prefix)")
            #expect(try model.symbolicFixedPointCount() == Double(model.fixedPointCount()), "\(prefix)")
        }
    }
}
