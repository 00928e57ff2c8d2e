/// An open-addressing hash table from identifier strings to node indices.
///
/// It exists because lookup by identifier is the hottest operation of model loading and of every
/// command-line call: hashing the UTF-8 bytes with a 64-bit multiply–fold of 8-byte words is
/// several times cheaper than the standard library's seeded SipHash, and identifiers are not
/// attacker-controlled keys of a long-running service.
///
/// Linear probing over a power-of-two table kept at most half full. A slot holds the full hash,
/// the key and the value together (32 bytes: one cache line touched per probe, and no second
/// memory access for the key); the key is compared only when the hashes match.
struct IdentifierTable: Sendable {
    private struct Slot: Sendable {
        var hash: UInt64
        var key: String
        var value: Int32  // -1 when empty
    }

    private var slots: [Slot]
    private var mask: Int

    /// Creates a table sized for `capacity` identifiers.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(hash: 0, key: "", value: -1), count: size)
        mask = size - 1
    }

    /// The number of identifiers stored.
    private(set) var count = 0

    /// The value for `key`, if present.
    ///
    /// - Complexity: O(1) expected.
    subscript(key: String) -> Int32? {
        let hash = Self.hash(key)
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[position]
            if slot.value < 0 { return nil }
            if slot.hash == hash && slot.key == key { return slot.value }
            position = (position + 1) & mask
        }
    }

    /// Inserts or replaces the value for `key` (a node index, so non-negative: −1 marks an empty
    /// slot); returns the previous value.
    @discardableResult
    mutating func updateValue(_ value: Int32, forKey key: String) -> Int32? {
        if (count + 1) * 2 > slots.count { grow() }
        let hash = Self.hash(key)
        var position = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[position]
            if slot.value < 0 { break }
            if slot.hash == hash && slot.key == key {
                slots[position].value = value
                return slot.value
            }
            position = (position + 1) & mask
        }
        slots[position] = Slot(hash: hash, key: key, value: value)
        count += 1
        return nil
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(hash: 0, key: "", value: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.value >= 0 {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position].value >= 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// A fast 64-bit hash of the string's UTF-8 bytes.
    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { bytes -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            var i = 0
            let n = bytes.count
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while i + 8 <= n {
                    h = mix(h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                    i += 8
                }
            }
            if i < n {
                var word: UInt64 = 0
                var shift: UInt64 = 0
                while i < n {
                    word |= UInt64(bytes[i]) << shift
                    shift += 8
                    i += 1
                }
                h = mix(h ^ word)
            }
            return mix(h)
        }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: 0xBF58_476D_1CE4_E5B9)
        return product.high ^ product.low
    }
}
