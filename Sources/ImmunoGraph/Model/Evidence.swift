/// A document that supports an edge: one of the project's seed papers, or any other source.
public struct SourceDocument: Hashable, Sendable, Codable {
    /// The file name of the source, e.g. `"003_b05418603d1b3bd5.txt"` or a curated seed file.
    public var file: String
    /// The DOI of the source, when known.
    public var doi: String?

    /// Creates a source document.
    public init(file: String, doi: String? = nil) {
        self.file = file
        self.doi = doi
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case file, doi }

    /// Decodes `{"file": ..., "doi": ...}`; other keys are refused.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self.init(file: try c.decode(String.self, forKey: .file), doi: try c.decodeIfPresent(String.self, forKey: .doi))
    }
}

/// How directly a source supports an edge.
public enum EvidenceStrength: String, Hashable, Sendable, Codable, CaseIterable {
    /// The source says it.
    case stated
    /// The source assumes or alludes to it (a canonical link).
    case implied
}

/// One piece of evidence for an edge: where a source supports it, in the project's own words.
public struct Evidence: Hashable, Sendable, Codable {
    /// The supporting document.
    public var source: SourceDocument
    /// Where in the document (section, paragraph, figure).
    public var location: String
    /// The supporting statement paraphrased in the project's own words — never a copied sentence.
    public var paraphrase: String
    /// How directly the source supports the edge.
    public var strength: EvidenceStrength
    /// The identifier of the curated record in `seeds/` this evidence comes from, if any.
    public var record: String?

    /// Creates an evidence record.
    public init(
        source: SourceDocument, location: String, paraphrase: String,
        strength: EvidenceStrength = .stated, record: String? = nil
    ) {
        self.source = source
        self.location = location
        self.paraphrase = paraphrase
        self.strength = strength
        self.record = record
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case source, location, paraphrase, strength, record }

    /// Decodes an evidence record; `record` may be absent, other keys are refused.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self.init(
            source: try c.decode(SourceDocument.self, forKey: .source),
            location: try c.decode(String.self, forKey: .location),
            paraphrase: try c.decode(String.self, forKey: .paraphrase),
            strength: try c.decode(EvidenceStrength.self, forKey: .strength),
            record: try c.decodeIfPresent(String.self, forKey: .record))
    }
}
