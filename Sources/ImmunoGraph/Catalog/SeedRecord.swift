/// A seed paper's reference, as written in the header block of its `seeds/NNN-*.md` file.
struct SeedPaper: Sendable, Hashable {
    /// The curated file, relative to the package root (`"seeds/003-checkpoint-adaptive-resistance.md"`).
    let file: String
    /// The paper's text file in the shared seeds folder (`"003_b05418603d1b3bd5.txt"`).
    let source: String
    /// The paper's title.
    let title: String
    /// The authors, separated by semicolons.
    let authors: String
    /// The publication year.
    let year: String
    /// The journal or book, with volume and pages when known.
    let journal: String
    /// The DOI.
    let doi: String

    /// The document that evidence from this paper cites: the curated file and the DOI.
    var document: SourceDocument { SourceDocument(file: file, doi: doi) }
}

/// One curated evidence record of `seeds/`: a statement of a seed paper in the project's own words.
struct SeedRecord: Sendable, Hashable {
    /// The record identifier, `S` + paper number + `-` + two digits (`"S003-20"`).
    let id: String
    /// The index of the paper in ``Catalog/seedPapers``.
    let paper: Int
    /// Where in the paper (`"§2.5 para 2"`).
    let location: String
    /// Whether the paper says it or assumes it.
    let strength: EvidenceStrength
    /// The statement, paraphrased.
    let paraphrase: String
}

extension Catalog {
    /// The seed records by identifier.
    static let seedRecordsByID: [String: SeedRecord] = {
        var table: [String: SeedRecord] = [:]
        for record in seedRecords { table[record.id] = record }
        return table
    }()

    /// The evidence for an edge, one entry per cited record, each carrying the record's location,
    /// strength and paraphrase verbatim.
    ///
    /// An identifier that names no record yields an entry with an empty paraphrase, which
    /// ``tumourMicroenvironment()`` reports as an error instead of silently dropping it.
    static func cite(_ ids: String...) -> [Evidence] {
        ids.map { id in
            guard let record = seedRecordsByID[id], seedPapers.indices.contains(record.paper) else {
                return Evidence(source: SourceDocument(file: "seeds/"), location: "", paraphrase: "",
                    strength: .implied, record: id)
            }
            return Evidence(source: seedPapers[record.paper].document, location: record.location,
                paraphrase: record.paraphrase, strength: record.strength, record: record.id)
        }
    }
}
