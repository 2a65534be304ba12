extension Allocation {
    /// A binary min-heap of (admitted, id order, program).
    struct ClosingHeap {
        var items: [(count: Int32, idOrder: Int32, program: Int32)] = []

        static func less(_ a: (count: Int32, idOrder: Int32, program: Int32), _ b: (count: Int32, idOrder: Int32, program: Int32)) -> Bool {
            a.count != b.count ? a.count < b.count : a.idOrder < b.idOrder
        }

        mutating func push(count: Int32, program: Int32, idOrder: Int32) {
            items.append((count, idOrder, program))
            var i = items.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if !Self.less(items[i], items[parent]) { break }
                items.swapAt(i, parent)
                i = parent
            }
        }

        mutating func pop() -> (Int32, Int32)? {
            guard let top = items.first else { return nil }
            let last = items.removeLast()
            if !items.isEmpty {
                items[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1
                    let r = l + 1
                    var m = i
                    if l < items.count, Self.less(items[l], items[m]) { m = l }
                    if r < items.count, Self.less(items[r], items[m]) { m = r }
                    if m == i { break }
                    items.swapAt(i, m)
                    i = m
                }
            }
            return (top.count, top.program)
        }
    }
}
