import Foundation
import ImmunoGraph
import ImmunoSim

/// `symbolic.trapspaces.*` on the models the whole encoding cannot take: seconds for the first
/// 1,000 minimal trap spaces of BBM 195 and 258 (listed input valuation by input valuation), and
/// for all maximal trap spaces of 093, 195 and 258 (the prime-implicant search). Skipped when
/// ../shared is absent. Each name can be given alone as the filter.
func runTrapSpaceBenchmarks() throws {
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/models/bbm")
    func bbm(_ prefix: String) throws -> LogicalModel? {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []
        guard let folder = folders.first(where: { $0.hasPrefix(prefix) }) else { return nil }
        return try LogicalModel(try ModelLoader.load(shared.appendingPathComponent(folder).appendingPathComponent("model.bnet").path))
    }
    for id in ["195", "258"] {
        let name = "symbolic.trapspaces.bbm\(id)"
        guard selected(name), let model = try bbm(id) else { continue }
        var listed = 0
        let time = try best(3) {
            listed = try model.trapSpaceList(limit: 1000).spaces.count
            checksum &+= listed
        }
        report(name, time, "s (first \(listed) minimal trap spaces, \(model.nodeCount) nodes)")
    }
    for id in ["093", "195", "258"] {
        let name = "symbolic.trapspaces.maximal.bbm\(id)"
        guard selected(name), let model = try bbm(id) else { continue }
        var count = 0
        let time = try best(3) {
            count = try model.trapSpaceList(.maximal).spaces.count
            checksum &+= count
        }
        report(name, time, "s (\(count) maximal trap spaces, \(model.nodeCount) nodes)")
    }
}
