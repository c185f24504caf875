/// A growable stack of values for one run of the machine, read and changed in place without
/// the uniqueness and bounds checks of an `Array` (the machine's loop records and cached
/// counters, touched on every loop step). Indices are the caller's to keep below `count`; the
/// owner calls `free()` when the run ends.
struct RunBuffer<Element> {
    private var storage: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    init() {}

    init(repeating value: Element, count: Int) {
        capacity = Swift.max(count, 4)
        storage = .allocate(capacity: capacity)
        storage.unsafelyUnwrapped.initialize(repeating: value, count: count)
        self.count = count
    }

    subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(storage.unsafelyUnwrapped + index) }
        nonmutating unsafeMutableAddress { storage.unsafelyUnwrapped + index }
    }

    mutating func append(_ element: Element) {
        if count == capacity {
            let larger = Swift.max(capacity * 2, 4)
            let moved = UnsafeMutablePointer<Element>.allocate(capacity: larger)
            if let storage {
                moved.moveInitialize(from: storage, count: count)
                storage.deallocate()
            }
            storage = moved
            capacity = larger
        }
        (storage.unsafelyUnwrapped + count).initialize(to: element)
        count += 1
    }

    mutating func removeLast() {
        count -= 1
        (storage.unsafelyUnwrapped + count).deinitialize(count: 1)
    }

    mutating func free() {
        if let storage {
            storage.deinitialize(count: count)
            storage.deallocate()
        }
        self = RunBuffer()
    }
}
