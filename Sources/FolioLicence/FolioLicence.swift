import FolioCore

/// FolioLicence owns the licence-terms language: parser, checker, compiler, bytecode, the metered
/// VM, shipped templates and ODRL export. It knows nothing of blocks, storage or the network;
/// the chain calls it through an evaluation API. (Built by the licence-language issue.)
public enum LicenceLanguage {
    /// Version of the gas schedule; a template records the schedule it was priced under.
    public static let gasScheduleVersion: UInt32 = 1
}
