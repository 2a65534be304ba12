extension Allocation {
    /// A fixed-size array of the engine's state, written in place through a reference: the deferred-acceptance loop
    /// writes these a few million times, and a `var` array in the engine pays a uniqueness check and a possible copy
    /// on every write. Reads and writes stay bounds-checked, like an array's.
    final class Slab<Element: BitwiseCopyable> {
        private let base: UnsafeMutablePointer<Element>
        let count: Int

        init(repeating value: Element, count: Int) {
            self.count = max(count, 0)
            base = .allocate(capacity: max(count, 1))
            base.initialize(repeating: value, count: self.count)
        }

        deinit { base.deallocate() }

        @inline(__always) subscript(i: Int) -> Element {
            get {
                precondition(i >= 0 && i < count, "Slab index out of range")
                return base[i]
            }
            set {
                precondition(i >= 0 && i < count, "Slab index out of range")
                base[i] = newValue
            }
        }

        var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
    }
}
