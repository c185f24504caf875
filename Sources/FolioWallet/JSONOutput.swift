import Foundation

/// JSON text for `--json` output: sorted keys, pretty-printed, slashes unescaped.
public enum JSONOutput {
    /// `value` as JSON text; an encoding failure becomes a JSON error object, never a crash.
    public static func render<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            return #"{"error":{"code":"json-encoding","message":"could not encode the output as JSON"}}"#
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The JSON form of an error: `{"error": {"code": …, "exit": …, "message": …}}`.
    public static func render(_ error: WalletError) -> String {
        render(["error": ErrorBody(code: error.code, exit: error.exit.rawValue, message: error.message)])
    }

    private struct ErrorBody: Encodable {
        let code: String
        let exit: Int32
        let message: String
    }
}
