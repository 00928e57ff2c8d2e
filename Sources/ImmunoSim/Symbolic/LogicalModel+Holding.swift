extension LogicalModel {
    /// The model with the nodes named in `values` held at the levels given, for ever (permanent
    /// clamps added after the existing ones, so they win) — the `--fix ID=V` of the symbolic
    /// commands and the perturbations tried by control.
    ///
    /// - Throws: ``LogicalModelError`` naming an unknown node or a level out of range.
    /// - Complexity: recompiles the model, O(total rule size).
    public func holding(_ values: [(node: String, level: Int)]) throws(LogicalModelError) -> LogicalModel {
        var added: [LogicalClamp] = []
        for (id, level) in values {
            guard let i = index(of: id) else {
                throw LogicalModelError("unknown node '\(id)' in '\(name)'")
            }
            guard (0...maxLevels[i]).contains(level) else {
                throw LogicalModelError("level \(level) for '\(id)' is outside 0...\(maxLevels[i])")
            }
            added.append(LogicalClamp(node: i, level: level))
        }
        if added.isEmpty { return self }
        return try LogicalModel(name: name, nodes: nodeIDs.indices.map { (nodeIDs[$0], maxLevels[$0]) },
                                functions: functions, clamps: clamps + added, initialLevels: initialLevels)
    }
}
