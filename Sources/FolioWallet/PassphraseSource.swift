import FolioCrypto
import Glibc

/// Where a command gets a key's passphrase, in order of preference: `--passphrase-file`, then
/// the `FOLIO_PASSPHRASE` environment variable, then a prompt on the terminal with echo off.
public struct PassphraseSource: Sendable {
    /// The `--passphrase-file` path, if given.
    public let file: String?
    /// The environment to read `FOLIO_PASSPHRASE` from.
    public let environment: [String: String]
    /// Asks the user; `nil` when there is no terminal to ask on.
    let prompter: @Sendable (String) -> String?

    /// The environment variable read for the passphrase.
    public static let environmentVariable = "FOLIO_PASSPHRASE"

    /// Reads from `file` or `environment`, else prompts on the controlling terminal.
    public init(file: String?, environment: [String: String]) {
        self.init(file: file, environment: environment, prompter: TerminalPrompt.readHidden)
    }

    init(file: String?, environment: [String: String], prompter: @escaping @Sendable (String) -> String?) {
        self.file = file
        self.environment = environment
        self.prompter = prompter
    }

    /// The passphrase, read once. `prompt` is shown when the terminal is asked; `confirm` asks
    /// twice and refuses a mismatch (for new keys).
    public func passphrase(prompt: String, confirm: Bool = false) throws(WalletError) -> SecretBytes {
        if let file { return SecretBytes(copying: Array(try Self.firstLine(ofFile: file).utf8)) }
        if let value = environment[Self.environmentVariable] { return SecretBytes(copying: Array(value.utf8)) }
        guard let first = prompter(prompt) else {
            throw .usage("no passphrase: there is no terminal to ask on. Pass --passphrase-file FILE or set \(Self.environmentVariable).")
        }
        if confirm {
            guard let second = prompter("Repeat the passphrase: ") else {
                throw .usage("no terminal to confirm the passphrase on. Pass --passphrase-file FILE or set \(Self.environmentVariable).")
            }
            guard first == second else {
                throw .usage("the two passphrases differ; nothing was written. Run the command again.")
            }
        }
        return SecretBytes(copying: Array(first.utf8))
    }

    /// The first line of `path` without its line ending (so `echo pw > file` works).
    static func firstLine(ofFile path: String) throws(WalletError) -> String {
        guard let handle = fopen(path, "r") else {
            throw .usage("cannot read the passphrase file \(path): \(String(cString: strerror(errno))). Check the path and its permissions.")
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        while bytes.count <= 4096 {
            let c = fgetc(handle)
            if c == EOF || c == 0x0a { break }
            bytes.append(UInt8(truncatingIfNeeded: c))
        }
        guard bytes.count <= 4096 else { throw .usage("the passphrase file \(path) has a first line over 4096 bytes. Put only the passphrase in it.") }
        if bytes.last == 0x0d { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reading a line from the terminal with echo turned off.
enum TerminalPrompt {
    /// Shows `prompt` on /dev/tty and reads a line without echoing it; `nil` without a terminal.
    @Sendable static func readHidden(_ prompt: String) -> String? {
        let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var saved = termios()
        guard tcgetattr(descriptor, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ICANON)
        // Echo goes off (dropping anything typed before the prompt) and only then is the prompt
        // shown: a reply typed as soon as the prompt appears is neither echoed nor flushed.
        guard tcsetattr(descriptor, TCSAFLUSH, &quiet) == 0 else { return nil }
        defer {
            // TCSANOW, not TCSAFLUSH: whatever was typed after this line stays for the next read.
            _ = tcsetattr(descriptor, TCSANOW, &saved)
            _ = write(descriptor, "\n", 1)
        }
        _ = prompt.utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while read(descriptor, &byte, 1) == 1, byte != 0x0a, line.count < 4096 {
            line.append(byte)
        }
        return String(decoding: line, as: UTF8.self)
    }
}
