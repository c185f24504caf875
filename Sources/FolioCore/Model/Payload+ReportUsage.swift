/// A licensee's usage report for one period, with any payment it owes.
public struct ReportUsage: Hashable, Sendable {
    /// The licence reported under.
    public var licenceId: LicenceId
    /// The ODRL action counted (`stream`, `play`, `print`…), at most
    /// `Limits.usageActionBytes` bytes.
    public var action: String
    /// How many times the action happened in the period.
    public var count: UInt64
    /// The period reported, in unix seconds.
    public var period: UsagePeriod
    /// Revenue the licensee reports for the period (for revenue-share terms).
    public var revenue: Amount
    /// Paid from the sender's account with the report.
    public var payment: Amount

    /// Creates a report.
    public init(
        licenceId: LicenceId, action: String, count: UInt64, period: UsagePeriod, revenue: Amount,
        payment: Amount
    ) {
        self.licenceId = licenceId
        self.action = action
        self.count = count
        self.period = period
        self.revenue = revenue
        self.payment = payment
    }
}

extension ReportUsage: CanonicalCodable {
    /// `licenceId` (32), `action` (string), `count` (UInt64 LE), `period` (16), `revenue`
    /// (UInt64 LE), `payment` (UInt64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(licenceId)
        writer.writeString(action)
        writer.write(count)
        writer.write(period)
        writer.write(revenue)
        writer.write(payment)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        licenceId = try reader.read()
        action = try reader.readString(field: "usage action", cap: Limits.usageActionBytes)
        count = try reader.readUInt64()
        period = try reader.read()
        revenue = try reader.read()
        payment = try reader.read()
    }
}

/// A reporting period `[start, end)` in unix seconds; the licence terms say which periods
/// are valid (calendar months, for instance).
public struct UsagePeriod: Hashable, Sendable {
    /// First second of the period.
    public var start: Int64
    /// First second after the period.
    public var end: Int64

    /// Creates a period.
    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }
}

extension UsagePeriod: CanonicalCodable {
    /// `start` (Int64 LE), `end` (Int64 LE).
    public func encode(to writer: inout CanonicalWriter) {
        writer.write(start)
        writer.write(end)
    }

    public init(from reader: inout CanonicalReader) throws(CodecError) {
        start = try reader.readInt64()
        end = try reader.readInt64()
    }
}
