import Foundation

/// Our own SBML annotations (namespace ``namespace``, prefix `ig`) that make
/// ours → SBML-qual → ours lossless, plus the reading of other tools' RDF evidence.
///
/// ```xml
/// <qualitativeSpecies …><annotation>
///   <ig:node xmlns:ig="urn:immunograph:sbml:1" ig:id="PD-1" ig:kind="checkpointReceptor"
///            ig:compartment="tumour" ig:basal="0" ig:rate="0.5" ig:note="…" ig:ruleDerived="true">
///     <ig:synonym ig:value="PDCD1"/></ig:node></annotation></qualitativeSpecies>
/// <input …><annotation><rdf:RDF>…bqbiol:isDescribedBy…</rdf:RDF>
///   <ig:edge ig:sign="inhibits" ig:mechanism="binds" ig:weight="1" ig:delay="0" ig:threshold="0.5" ig:note="…">
///     <ig:evidence ig:file="…" ig:doi="…" ig:location="…" ig:paraphrase="…" ig:strength="stated" ig:record="…"/>
///   </ig:edge></annotation></input>
/// ```
///
/// An annotation holds one top-level element per namespace (libsbml rule 10402): two edges of one
/// input (a dual regulator) are written inside `<ig:edges>`, the model's backgrounds inside
/// `<ig:backgrounds>`; the reader accepts both the wrapped and the older unwrapped form.
public enum SBMLAnnotations {
    /// The namespace URI of our annotations.
    public static let namespace = "urn:immunograph:sbml:1"

    typealias Fail = (Int, String) -> ModelReadError

    static func readNode(_ tree: XMLTree, _ element: Int, into node: inout Node, fail: Fail) throws {
        let a = tree.elements[element].attributes
        if let kind = a["kind"] { node.kind = NodeKind(kind) }
        node.compartment = a["compartment"]
        node.note = a["note"]
        node.basal = try a["basal"].map { text in
            guard let value = Double(text), value.isFinite else { throw fail(element, "basal '\(text)' is not a number") }
            return value
        }
        node.rate = try a["rate"].map { text in
            guard let value = Double(text), value.isFinite else { throw fail(element, "rate '\(text)' is not a number") }
            return value
        }
        node.synonyms = tree.children(of: element, named: "synonym").compactMap { tree.elements[$0].attributes["value"] }
    }

    static func readEdge(_ tree: XMLTree, _ element: Int, source: String, target: String, fail: Fail) throws -> Edge {
        let a = tree.elements[element].attributes
        guard let signText = a["sign"], let sign = Sign(rawValue: signText) else {
            throw fail(element, "ig:edge sign '\(a["sign"] ?? "")'; expected activates or inhibits")
        }
        func number(_ key: String) throws -> Double? {
            guard let text = a[key] else { return nil }
            guard let value = Double(text), value.isFinite else { throw fail(element, "\(key) '\(text)' is not a number") }
            return value
        }
        var delay = 0
        if let text = a["delay"] {
            guard let value = Int(text) else { throw fail(element, "delay '\(text)' is not an integer") }
            delay = value
        }
        var evidence: [Evidence] = []
        for e in tree.children(of: element, named: "evidence") {
            let b = tree.elements[e].attributes
            guard let file = b["file"] else { throw fail(e, "ig:evidence without ig:file") }
            let strength = EvidenceStrength(rawValue: b["strength"] ?? "stated") ?? .stated
            evidence.append(Evidence(source: SourceDocument(file: file, doi: b["doi"]), location: b["location"] ?? "",
                paraphrase: b["paraphrase"] ?? "", strength: strength, record: b["record"]))
        }
        var hill: Int?
        if let text = a["hill"] {
            guard let value = Int(text) else { throw fail(element, "hill '\(text)' is not an integer") }
            hill = value
        }
        return Edge(source, sign, target, mechanism: a["mechanism"].map(Mechanism.init(rawValue:)),
            weight: try number("weight") ?? 1, delay: delay, threshold: try number("threshold"), hill: hill,
            evidence: evidence, note: a["note"])
    }

    /// Evidence from another tool: `bqbiol:isDescribedBy` resources, paraphrased by the input's notes.
    static func foreignEvidence(_ tree: XMLTree, _ input: Int) -> [Evidence] {
        var resources: [String] = []
        if let annotation = tree.child(of: input, named: "annotation") {
            var stack = [annotation]
            var inside: Set<Int> = []
            while let e = stack.popLast() {
                let element = tree.elements[e]
                if element.name == "isDescribedBy" { inside.insert(e) }
                if element.name == "li", let resource = element.attributes["resource"] {
                    var p = element.parent
                    while p >= 0 && p != annotation && !inside.contains(p) { p = tree.elements[p].parent }
                    if inside.contains(p) { resources.append(resource) }
                }
                stack.append(contentsOf: element.children.reversed())
            }
        }
        guard !resources.isEmpty else { return [] }
        let notes = tree.child(of: input, named: "notes").map {
            tree.allText(of: $0).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        } ?? ""
        return resources.map { uri in
            Evidence(source: SourceDocument(file: uri, doi: doi(fromURI: uri)), location: "SBML qual:input annotation",
                paraphrase: notes, strength: .stated)
        }
    }

    /// The DOI in `https://identifiers.org/doi:…`, `https://doi.org/…`, `urn:miriam:doi:…`.
    static func doi(fromURI uri: String) -> String? {
        for prefix in ["https://identifiers.org/doi:", "http://identifiers.org/doi/", "https://identifiers.org/doi/",
            "http://identifiers.org/doi:", "https://doi.org/", "http://doi.org/", "urn:miriam:doi:"]
        where uri.hasPrefix(prefix) {
            return String(uri.dropFirst(prefix.count)).removingPercentEncoding
        }
        return nil
    }

    /// The identifiers.org URI of a DOI.
    static func uri(forDOI doi: String) -> String {
        "https://identifiers.org/doi:" + doi
    }

    static func attribute(_ name: String, _ value: String?) -> String {
        guard let value else { return "" }
        return " ig:\(name)=\"\(XMLText.escape(value))\""
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    static func writeNode(_ node: Node, ruleDerived: Bool, into out: inout String) {
        out += "<annotation><ig:node xmlns:ig=\"\(namespace)\""
        out += attribute("id", node.id) + attribute("kind", node.kind.rawValue)
        out += attribute("compartment", node.compartment) + attribute("note", node.note)
        out += attribute("basal", node.basal.map(number)) + attribute("rate", node.rate.map(number))
        if ruleDerived { out += attribute("ruleDerived", "true") }
        if node.synonyms.isEmpty {
            out += "/></annotation>"
        } else {
            out += ">"
            for synonym in node.synonyms { out += "<ig:synonym\(attribute("value", synonym))/>" }
            out += "</ig:node></annotation>"
        }
    }

    /// The `name` elements of an annotation: its own children of that name, and those inside a
    /// child named `container` (how we write two or more, one namespace per top-level element).
    static func items(_ tree: XMLTree, in annotation: Int, named name: String, container: String) -> [Int] {
        var result = tree.children(of: annotation, named: name)
        for wrapper in tree.children(of: annotation, named: container) { result += tree.children(of: wrapper, named: name) }
        return result
    }

    static func writeEdges(_ edges: [Edge], metaid: String, into out: inout String) {
        let evidence = edges.flatMap(\.evidence)
        let paragraphs = evidence.map { e in
            e.paraphrase + (e.source.doi.map { " (doi:\($0))" } ?? " (\(e.source.file))")
        } + edges.compactMap(\.note)
        if !paragraphs.isEmpty {
            out += "<notes><body xmlns=\"http://www.w3.org/1999/xhtml\">"
            for p in paragraphs { out += "<p>\(XMLText.escape(p))</p>" }
            out += "</body></notes>"
        }
        out += "<annotation>"
        let dois = evidence.compactMap(\.source.doi).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if !dois.isEmpty {
            out += "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:bqbiol=\"http://biomodels.net/biology-qualifiers/\">"
            out += "<rdf:Description rdf:about=\"#\(metaid)\"><bqbiol:isDescribedBy><rdf:Bag>"
            for doi in dois { out += "<rdf:li rdf:resource=\"\(XMLText.escape(uri(forDOI: doi)))\"/>" }
            out += "</rdf:Bag></bqbiol:isDescribedBy></rdf:Description></rdf:RDF>"
        }
        // libsbml rule 10402: one top-level element per namespace in an annotation, so two or
        // more edges (a dual regulator) go inside one <ig:edges>.
        let wrapped = edges.count > 1
        if wrapped { out += "<ig:edges xmlns:ig=\"\(namespace)\">" }
        for edge in edges {
            out += (wrapped ? "<ig:edge" : "<ig:edge xmlns:ig=\"\(namespace)\"") + attribute("sign", edge.sign.rawValue)
            out += attribute("mechanism", edge.mechanism.rawValue)
            if edge.weight != 1 { out += attribute("weight", "\(edge.weight)") }
            if edge.delay != 0 { out += attribute("delay", "\(edge.delay)") }
            out += attribute("threshold", edge.threshold.map { "\($0)" }) + attribute("hill", edge.hill.map { "\($0)" })
            out += attribute("note", edge.note)
            if edge.evidence.isEmpty {
                out += "/>"
                continue
            }
            out += ">"
            for e in edge.evidence {
                out += "<ig:evidence" + attribute("file", e.source.file) + attribute("doi", e.source.doi)
                out += attribute("location", e.location) + attribute("paraphrase", e.paraphrase)
                out += attribute("strength", e.strength.rawValue) + attribute("record", e.record) + "/>"
            }
            out += "</ig:edge>"
        }
        if wrapped { out += "</ig:edges>" }
        out += "</annotation>"
    }
}
