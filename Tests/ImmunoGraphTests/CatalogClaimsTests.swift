import Foundation
import Testing

@testable import ImmunoGraph

/// Checks that `seeds/claims.md` stays machine-readable and consistent with `builtin:tme`.
@Suite("Catalog: seeds/claims.md")
struct CatalogClaimsTests {
    static let columns = [
        "id", "origin", "seed", "location", "kind", "setting", "background", "arms", "schedule", "readout",
        "expected", "model", "reason",
    ]

    private func claims() throws -> [[String: String]] {
        let url = CatalogSeedFiles.packageRoot.appendingPathComponent("seeds/claims.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let header = CatalogSeedFiles.tableRows(text, idPattern: "^id$")
        #expect(header.first == Self.columns, "claims.md header changed: \(header)")
        return CatalogSeedFiles.tableRows(text, idPattern: #"^C\d{3}$"#).map { cells in
            #expect(cells.count == Self.columns.count, "\(cells.first ?? "?") has \(cells.count) cells")
            var row: [String: String] = [:]
            for (column, cell) in zip(Self.columns, cells) { row[column] = cell }
            return row
        }
    }

    @Test func tableIsWellFormed() throws {
        let rows = try claims()
        let ids = rows.compactMap { $0["id"] }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count, "ids must be unique and in order")
        for row in rows {
            let id = row["id"] ?? "?"
            #expect(["tsv", "notes", "curated"].contains(row["origin"] ?? ""), "\(id): origin")
            #expect(["000", "001", "002", "003"].contains(row["seed"] ?? ""), "\(id): seed")
            #expect(["observed", "review", "speculative"].contains(row["kind"] ?? ""), "\(id): kind")
            #expect(["yes", "partial", "no"].contains(row["model"] ?? ""), "\(id): model")
            #expect(row["location"]?.isEmpty == false && row["expected"]?.isEmpty == false, "\(id): empty cell")
            if row["model"] != "yes" { #expect(row["reason"]?.isEmpty == false, "\(id): say why not") }
        }
    }

    @Test func usableClaimsNameNodesAndBackgroundsOfTheModel() throws {
        let graph = try Catalog.tumourMicroenvironment()
        let backgrounds = Set(graph.backgrounds.map(\.name))
        let usable = try claims().filter { $0["model"] != "no" }
        #expect(usable.count >= 45, "only \(usable.count) usable claims")
        for row in usable {
            let id = row["id"] ?? "?"
            for name in (row["background"] ?? "").components(separatedBy: " vs ") {
                #expect(backgrounds.contains(name), "\(id): unknown background '\(name)'")
            }
            let readouts = (row["readout"] ?? "").components(separatedBy: ", ")
            for readout in readouts { #expect(graph.index(of: readout) != nil, "\(id): unknown readout '\(readout)'") }
            let arms = row["arms"] ?? ""
            #expect(!arms.isEmpty && arms != "—", "\(id): no arms")
            let tokens = arms.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
                .map(String.init).filter { $0.count > 1 && $0 == $0.uppercased() && $0.first?.isLetter == true }
            for token in tokens { #expect(graph.index(of: token) != nil, "\(id): arms name unknown node '\(token)'") }
        }
    }

    @Test(.enabled(if: CatalogSeedFiles.sharedFolder != nil))
    func everyClaimOfTheCurationTableIsInventoried() throws {
        let shared = try #require(CatalogSeedFiles.sharedFolder)
        let table = Set(try CatalogSeedFiles.tsv(shared.appendingPathComponent("knowledge/claims.tsv")).compactMap { $0["id"] })
        let rows = try claims()
        let fromTable = Set(rows.filter { $0["origin"] == "tsv" }.compactMap { $0["id"] })
        #expect(fromTable == table, "missing: \(table.subtracting(fromTable).sorted()); extra: \(fromTable.subtracting(table).sorted())")
    }
}
