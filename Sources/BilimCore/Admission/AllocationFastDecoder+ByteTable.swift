extension AllocationFastDecoder {
    /// A set of ids, each a byte range of an id buffer (`Flat`'s), by open addressing: no string is made or hashed
    /// with a per-process seed for the 300,000 applicants and their 1.2 million choices.
    struct ByteTable {
        var slots: [Int32]
        var count = 0

        init(expected: Int) {
            var size = 16
            while size < expected * 2 { size <<= 1 }
            slots = [Int32](repeating: -1, count: size)
        }

        @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for c in bytes { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
            h ^= h >> 29
            return Int(truncatingIfNeeded: (h &* 0xBF58_476D_1CE4_E5B9) >> 32)
        }

        /// The index of the id equal to `key`, or -1.
        func find(_ key: UnsafeBufferPointer<UInt8>, _ buffer: [UInt8], _ start: [Int32]) -> Int {
            let mask = slots.count - 1
            var i = Self.hash(key) & mask
            return buffer.withUnsafeBufferPointer { all in
                while true {
                    let s = Int(slots[i])
                    if s < 0 { return -1 }
                    let lo = Int(start[s])
                    let hi = Int(start[s + 1])
                    if hi - lo == key.count, Self.same(all, lo, key) { return s }
                    i = (i + 1) & mask
                }
            }
        }

        @inline(__always) static func same(_ all: UnsafeBufferPointer<UInt8>, _ lo: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
            for i in 0..<key.count where all[lo + i] != key[i] { return false }
            return true
        }

        /// Adds id `index` (already in `buffer`); false when an equal id is there.
        mutating func insert(_ index: Int, _ buffer: [UInt8], _ start: [Int32]) -> Bool {
            if (count + 1) * 2 > slots.count { grow(buffer, start) }
            let found: Int = buffer.withUnsafeBufferPointer { all in
                let key = UnsafeBufferPointer(rebasing: all[Int(start[index])..<Int(start[index + 1])])
                return find(key, buffer, start)
            }
            if found >= 0 { return false }
            place(index, buffer, start)
            count += 1
            return true
        }

        mutating func place(_ index: Int, _ buffer: [UInt8], _ start: [Int32]) {
            let mask = slots.count - 1
            var i = buffer.withUnsafeBufferPointer { all in
                Self.hash(UnsafeBufferPointer(rebasing: all[Int(start[index])..<Int(start[index + 1])]))
            } & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(truncatingIfNeeded: index)
        }

        mutating func grow(_ buffer: [UInt8], _ start: [Int32]) {
            let old = slots
            slots = [Int32](repeating: -1, count: old.count * 2)
            for s in old where s >= 0 { place(Int(s), buffer, start) }
        }
    }
}
