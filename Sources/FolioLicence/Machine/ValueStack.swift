/// A VM value as the machine holds it: Unknown, Bool and Int inline (plain bits, nothing to
/// retain or release), anything else boxed as a `LicenceValue` beside it.
struct Slot {
    enum Kind: UInt8 {
        case unknown, bool, int
        /// A set, list or shares, in the box.
        case boxed
        /// Bytes (ids, parties, text), in the box; `bits` is `digest` of them.
        case bytes
    }

    var kind: Kind
    /// An Int's value, a Bool's as 0 or 1, or the digest of bytes.
    var bits: Int64

    var isBoxed: Bool { kind.rawValue >= Kind.boxed.rawValue }

    /// The length and first eight bytes, mixed: equal bytes have equal digests, so bytes with
    /// different digests differ without a look at the box (most unequal ids in a loop).
    static func digest(_ bytes: [UInt8]) -> Int64 {
        bytes.withUnsafeBufferPointer { buffer in
            var digest = UInt64(truncatingIfNeeded: buffer.count) &* 0x9E37_79B9_7F4A_7C15
            for index in 0..<Swift.min(buffer.count, 8) { digest ^= UInt64(buffer[index]) << (8 * UInt64(index)) }
            return Int64(bitPattern: digest)
        }
    }

    static let unknown = Slot(kind: .unknown, bits: 0)
    static func int(_ value: Int64) -> Slot { Slot(kind: .int, bits: value) }
    static func bool(_ value: Bool) -> Slot { Slot(kind: .bool, bits: value ? 1 : 0) }
}

/// The operand stack (and, with a fixed count, the locals) of one run: slots in one buffer,
/// the boxed values at the same index in another. Entries above `count` are left as they
/// are: slots are plain bits, and a stale box is released when it is overwritten or freed.
/// The owner calls `free()` once it is done; no copy may outlive that.
struct ValueStack {
    private(set) var slots: UnsafeMutablePointer<Slot>
    private(set) var boxes: UnsafeMutablePointer<LicenceValue>
    var count = 0
    private(set) var capacity: Int

    // Where `none` points: never read or written, as a stack of capacity 0 grows before any push.
    private nonisolated(unsafe) static let noSlots = UnsafeMutablePointer<Slot>.allocate(capacity: 1)
    private nonisolated(unsafe) static let noBoxes = UnsafeMutablePointer<LicenceValue>.allocate(capacity: 1)

    /// No storage, nothing to free: what a machine holds between runs.
    static var none: ValueStack { ValueStack(slots: noSlots, boxes: noBoxes) }

    private init(slots: UnsafeMutablePointer<Slot>, boxes: UnsafeMutablePointer<LicenceValue>) {
        self.slots = slots
        self.boxes = boxes
        capacity = 0
    }

    /// An empty stack with room for `capacity` values before it grows.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        slots = .allocate(capacity: self.capacity)
        boxes = .allocate(capacity: self.capacity)
        boxes.initialize(repeating: .unknown, count: self.capacity)
    }

    /// `count` locals, each Unknown.
    init(locals count: Int) {
        self.init(capacity: count)
        slots.initialize(repeating: .unknown, count: self.capacity)
        self.count = count
    }

    mutating func free() {
        guard capacity > 0 else { return }
        boxes.deinitialize(count: capacity)
        boxes.deallocate()
        slots.deallocate()
        self = .none
    }

    @inline(__always)
    mutating func push(_ slot: Slot) {
        if count == capacity { grow() }
        slots[count] = slot
        count += 1
    }

    /// Pushes a value, inline when it is Unknown, a Bool or an Int.
    mutating func push(value: consuming LicenceValue) {
        if count == capacity { grow() }
        set(count, value)
        count += 1
    }

    /// Pushes a copy of entry `index` of `other`.
    @inline(__always)
    mutating func push(copyOf index: Int, in other: ValueStack) {
        if count == capacity { grow() }
        let slot = other.slots[index]
        slots[count] = slot
        if slot.isBoxed { boxes[count] = other.boxes[index] }
        count += 1
    }

    /// Sets entry `index` (below `capacity`) to `value`, taking it over (no copy to retain).
    mutating func set(_ index: Int, _ value: consuming LicenceValue) {
        switch value {
        case .unknown: slots[index] = .unknown
        case let .bool(flag): slots[index] = .bool(flag)
        case let .int(number): slots[index] = .int(number)
        case let .bytes(bytes):
            slots[index] = Slot(kind: .bytes, bits: Slot.digest(bytes))
            boxes[index] = value
        default:
            slots[index] = Slot(kind: .boxed, bits: 0)
            boxes[index] = value
        }
    }

    /// Sets entry `index` to a copy of entry `from` of `other`.
    @inline(__always)
    mutating func set(_ index: Int, copyOf from: Int, in other: ValueStack) {
        let slot = other.slots[from]
        slots[index] = slot
        if slot.isBoxed { boxes[index] = other.boxes[from] }
    }

    /// Entry `index` as a `LicenceValue`.
    func value(_ index: Int) -> LicenceValue {
        let slot = slots[index]
        switch slot.kind {
        case .unknown: return .unknown
        case .bool: return .bool(slot.bits != 0)
        case .int: return .int(slot.bits)
        case .boxed, .bytes: return boxes[index]
        }
    }

    /// Whether the boxed entries `i` and `j` (of kind `.boxed` or `.bytes`) hold equal values.
    @inline(__always)
    func boxesEqual(_ i: Int, _ j: Int) -> Bool {
        let a = slots[i], b = slots[j]
        guard a.kind == b.kind, a.kind != .bytes || a.bits == b.bits else { return false }
        return boxesIdentical(i, j) || boxes[i] == boxes[j]
    }

    /// Whether boxes `i` and `j` are bit for bit the same (one case, one payload buffer), which
    /// makes them equal without comparing their contents. False says nothing.
    @inline(__always)
    func boxesIdentical(_ i: Int, _ j: Int) -> Bool {
        let a = UnsafeRawPointer(boxes + i), b = UnsafeRawPointer(boxes + j)
        for offset in 0..<MemoryLayout<LicenceValue>.size
        where a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
            return false
        }
        return true
    }

    @inline(never)
    private mutating func grow() {
        let larger = Swift.max(capacity * 2, 16)
        let newSlots = UnsafeMutablePointer<Slot>.allocate(capacity: larger)
        newSlots.moveInitialize(from: slots, count: capacity)
        let newBoxes = UnsafeMutablePointer<LicenceValue>.allocate(capacity: larger)
        newBoxes.moveInitialize(from: boxes, count: capacity)
        (newBoxes + capacity).initialize(repeating: .unknown, count: larger - capacity)
        if capacity > 0 {
            slots.deallocate()
            boxes.deallocate()
        }
        slots = newSlots
        boxes = newBoxes
        capacity = larger
    }
}
