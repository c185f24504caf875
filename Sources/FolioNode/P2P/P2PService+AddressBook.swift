import FolioCore
import FolioCrypto
import FolioPeer
import FolioWire

extension P2PService {
    /// Milliseconds between writes of a changed address book (it is also written at stop).
    static let defaultAddressBookSaveMillis: Int64 = 60_000

    /// Sets the time between writes of a changed book; takes effect at `start` (tests shorten it).
    func setAddressBookSaveInterval(millis: Int64) { addressBookSaveMillis = max(millis, 1) }

    /// The book kept at `addressBookPath`, or a fresh one with a new secret when there is none
    /// or it cannot be used (a warning says why; the node starts either way).
    func loadAddressBook() -> AddressBook {
        if let addressBookPath {
            switch AddressBookFile.load(path: addressBookPath) {
            case let .book(book):
                logger.info("p2p: loaded \(book.count) addresses and \(book.anchors.count) anchors from \(addressBookPath)")
                return book
            case .absent:
                break
            case let .unusable(why):
                logger.warning("p2p: ignoring the address book \(addressBookPath): \(why); starting with an empty book")
            }
        }
        var random = SystemRandom()
        let secret = (try? random.bytes(count: 32)) ?? SHA256.hash(identity.publicKey.bytes).bytes
        return AddressBook(secret: secret)
    }

    /// Writes the book if it changed since the last write; failures are logged, not thrown.
    func saveAddressBook() async {
        guard let addressBookPath, let manager else { return }
        let snapshot = AddressBookSnapshot.encode(await manager.addressBook)
        guard snapshot != savedSnapshot else { return }
        do {
            try AddressBookFile.save(snapshot, to: addressBookPath)
            savedSnapshot = snapshot
        } catch {
            logger.warning("p2p: cannot save the address book: \(error)")
        }
    }

    func startAddressBookSaves() {
        guard addressBookPath != nil else { return }
        let interval = addressBookSaveMillis
        tasks.append(Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(interval))
                guard let self, !Task.isCancelled else { return }
                await self.saveAddressBook()
            }
        })
    }

    /// Tells the manager not to dial the configured peers (this service dials them) or the
    /// filtered ones; sent again whenever either set changes.
    func reserveConfiguredAndFiltered() async {
        guard let manager else { return }
        var keys = Set(targets.compactMap { $0.address?.key })
        keys.formUnion(peerFilter.addresses.map(\.key))
        guard keys != reservedAddresses else { return }
        reservedAddresses = keys
        await manager.reserve(keys)
    }

    /// This node's own listening addresses as far as it can tell: the bound address, or
    /// loopback when it listens on every interface (other interfaces are learned when a dial
    /// reaches ourselves).
    static func localAddresses(host: String, port: Int) -> Set<AddressKey> {
        guard let port = UInt16(exactly: port), port != 0 else { return [] }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard parts.count == 4 else { return [] }
        if parts == [0, 0, 0, 0] { return [AddressKey(ip: IPAddress(127, 0, 0, 1), port: port)] }
        return [AddressKey(ip: IPAddress(parts[0], parts[1], parts[2], parts[3]), port: port)]
    }
}
