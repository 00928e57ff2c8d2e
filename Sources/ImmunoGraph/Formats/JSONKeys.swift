/// Any key of a JSON object, so that a decoder can list every key an object has.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

extension Decoder {
    /// Refuses a key of the object being decoded that is not one of `known`, so that a misspelt
    /// key (`"rul"` for `"rule"`) is an error at its line and column, never a silently dropped
    /// field. Call it after the typed container was obtained (which checks it is an object).
    ///
    /// - Throws: `DecodingError.dataCorrupted` at the unknown key's path, naming the known keys.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let known = Keys.allCases.map(\.stringValue)
        let all = try container(keyedBy: AnyCodingKey.self).allKeys
        for key in all.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            var message = "unknown key '\(key.stringValue.prefix(40))'"
            if let suggestion = Suggestion.nearest(to: key.stringValue, in: known) {
                message += " (did you mean '\(suggestion)'?)"
            }
            message += "; the keys here are: " + known.joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key], debugDescription: message))
        }
    }
}
