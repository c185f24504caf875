/// The version of the Folio software, shared by every executable.
public enum FolioVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
