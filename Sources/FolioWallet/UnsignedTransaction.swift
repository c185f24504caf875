import FolioCore
import FolioCrypto

/// A transaction before signing: everything but the sender key and signature.
public struct UnsignedTransaction: Hashable, Sendable {
    /// The chain the transaction is for (replay protection across chains).
    public var chainId: UInt32
    /// The sender account's next nonce.
    public var nonce: UInt64
    /// The fee for the block producer.
    public var fee: Amount
    /// What the transaction does (any of the nine kinds).
    public var payload: TransactionPayload

    /// A transaction of `payload` for `chainId`, with `nonce` and `fee`.
    public init(chainId: UInt32, nonce: UInt64, fee: Amount, payload: TransactionPayload) {
        self.chainId = chainId
        self.nonce = nonce
        self.fee = fee
        self.payload = payload
    }

    /// The transaction signed by `key`: sender set to its public key, signature over
    /// `Transaction.signingBytes`.
    public func signed(by key: PrivateKey) throws(WalletError) -> Transaction {
        do {
            var transaction = Transaction(chainId: chainId, sender: key.publicKey, nonce: nonce, fee: fee,
                                          payload: payload, signature: try Signature(bytes: [UInt8](repeating: 0, count: Signature.byteCount)))
            transaction.signature = try key.signature(for: transaction.signingBytes)
            return transaction
        } catch {
            throw WalletError(code: "signing-failed", exit: .refused,
                              message: "signing the transaction failed (\(error)). Check the key file with `folio key list` and retry.")
        }
    }
}

extension Transaction {
    /// Whether `signature` is `sender`'s signature over `signingBytes`.
    public var hasValidSignature: Bool {
        sender.isValidSignature(signature, for: signingBytes)
    }
}
