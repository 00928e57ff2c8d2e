extension Node: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, kind, synonyms, compartment, maxLevel, rule, initialLevel, basal, rate, note, levelRules, fullEffect
    }

    /// Decodes a node; only `id` is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let id = try c.decode(String.self, forKey: .id)
        self.init(
            id, name: try c.decodeIfPresent(String.self, forKey: .name),
            kind: try c.decodeIfPresent(NodeKind.self, forKey: .kind) ?? .unspecified,
            synonyms: try c.decodeIfPresent([String].self, forKey: .synonyms) ?? [],
            compartment: try c.decodeIfPresent(String.self, forKey: .compartment),
            maxLevel: try c.decodeIfPresent(Int.self, forKey: .maxLevel) ?? 1,
            rule: try c.decodeIfPresent(Expression.self, forKey: .rule),
            initialLevel: try c.decodeIfPresent(Int.self, forKey: .initialLevel),
            basal: try c.decodeIfPresent(Double.self, forKey: .basal),
            rate: try c.decodeIfPresent(Double.self, forKey: .rate),
            note: try c.decodeIfPresent(String.self, forKey: .note),
            levelRules: try c.decodeIfPresent(LevelRules.self, forKey: .levelRules),
            fullEffect: try c.decodeIfPresent([FullEffectDose].self, forKey: .fullEffect) ?? [])
    }

    /// Encodes a node, omitting fields at their defaults.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        if name != id { try c.encode(name, forKey: .name) }
        try c.encode(kind, forKey: .kind)
        if !synonyms.isEmpty { try c.encode(synonyms, forKey: .synonyms) }
        try c.encodeIfPresent(compartment, forKey: .compartment)
        if maxLevel != 1 { try c.encode(maxLevel, forKey: .maxLevel) }
        try c.encodeIfPresent(rule, forKey: .rule)
        try c.encodeIfPresent(initialLevel, forKey: .initialLevel)
        try c.encodeIfPresent(basal, forKey: .basal)
        try c.encodeIfPresent(rate, forKey: .rate)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encodeIfPresent(levelRules, forKey: .levelRules)
        if !fullEffect.isEmpty { try c.encode(fullEffect, forKey: .fullEffect) }
    }
}

extension Edge: Codable {
    private enum CodingKeys: String, CodingKey, CaseIterable {
        case source, target, sign, mechanism, weight, delay, threshold, hill, modulator, evidence, note
    }

    /// Decodes an edge; `source`, `target` and `sign` are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(CodingKeys.self)
        self.init(
            try c.decode(String.self, forKey: .source), try c.decode(Sign.self, forKey: .sign),
            try c.decode(String.self, forKey: .target),
            mechanism: try c.decodeIfPresent(Mechanism.self, forKey: .mechanism),
            weight: try c.decodeIfPresent(Double.self, forKey: .weight) ?? 1,
            delay: try c.decodeIfPresent(Int.self, forKey: .delay) ?? 0,
            threshold: try c.decodeIfPresent(Double.self, forKey: .threshold),
            hill: try c.decodeIfPresent(Int.self, forKey: .hill),
            evidence: try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? [],
            note: try c.decodeIfPresent(String.self, forKey: .note),
            modulator: try c.decodeIfPresent(Bool.self, forKey: .modulator) ?? false)
    }

    /// Encodes an edge, omitting fields at their defaults.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(target, forKey: .target)
        try c.encode(sign, forKey: .sign)
        try c.encode(mechanism, forKey: .mechanism)
        if weight != 1 { try c.encode(weight, forKey: .weight) }
        if delay != 0 { try c.encode(delay, forKey: .delay) }
        try c.encodeIfPresent(threshold, forKey: .threshold)
        try c.encodeIfPresent(hill, forKey: .hill)
        if modulator { try c.encode(true, forKey: .modulator) }
        if !evidence.isEmpty { try c.encode(evidence, forKey: .evidence) }
        try c.encodeIfPresent(note, forKey: .note)
    }
}
