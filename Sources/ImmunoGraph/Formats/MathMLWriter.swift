/// Writes an ``Expression`` as the portable MathML subset of SBML-qual: `and`, `or`, `not`,
/// `eq`, `geq` against an integer `cn`, `true`, `false`.
///
/// `A >= k` is written `eq` when `k` is the species' maximum level (what GINsim, bioLQM and BBM
/// emit for Boolean models) and `geq` otherwise; `A == k` is written `eq`.
enum MathMLWriter {
    /// The MathML text of `expression`; `maxLevel(id)` gives each species' maximum level.
    static func write(_ expression: Expression, maxLevel: (String) -> Int, into out: inout String) {
        switch expression {
        case .constant(let value): out += value ? "<true/>" : "<false/>"
        case .atom(let atom):
            let op = atom.comparison == .equal || atom.level == maxLevel(atom.node) ? "eq" : "geq"
            out += "<apply><\(op)/><ci> \(XMLText.escape(atom.node)) </ci><cn type=\"integer\"> \(atom.level) </cn></apply>"
        case .not(let inner):
            out += "<apply><not/>"
            write(inner, maxLevel: maxLevel, into: &out)
            out += "</apply>"
        case .and(let items), .or(let items):
            if case .and = expression { out += "<apply><and/>" } else { out += "<apply><or/>" }
            for item in items { write(item, maxLevel: maxLevel, into: &out) }
            out += "</apply>"
        }
    }
}

/// XML escaping for text and attribute values.
enum XMLText {
    /// Escapes `&`, `<`, `>`, `"`, `'` and the whitespace that attribute normalisation would lose.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                // Characters XML 1.0 cannot carry are dropped (only control characters).
                if c.value < 0x20 { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
