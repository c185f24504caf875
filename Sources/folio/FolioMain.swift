import ArgumentParser
import FolioWallet
import Glibc

/// Runs `folio` and maps every failure to the documented exit statuses: 0 ok, 1 refused by
/// the rules, 2 usage, 3 node unreachable. (ArgumentParser's own usage status is 64.)
@main
enum FolioMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let json = arguments.contains("--json")
        do {
            var command = try FolioCommand.parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let error as WalletError {
            report(error, json: json)
            exit(error.exit.rawValue)
        } catch {
            if FolioCommand.exitCode(for: error) == .success {
                FolioCommand.exit(withError: error)
            }
            var message = FolioCommand.fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            report(.usage(message + (message.contains("--help") ? "" : "\nRun `folio --help` for usage.")), json: json)
            exit(WalletExit.usage.rawValue)
        }
    }

    static func report(_ error: WalletError, json: Bool) {
        if json {
            print(JSONOutput.render(error))
        } else {
            var standardError = StandardError()
            print("error: \(error.message)", to: &standardError)
        }
    }
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
