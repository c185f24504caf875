import ArgumentParser
import FolioWallet
import Foundation

/// `folio fingerprint eval DIR`: how well fingerprints tell copies of a work from other works.
struct FingerprintEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Score fingerprints on a folder of originals and transformed copies.",
        discussion: """
        DIR holds one folder per work: DIR/<work>/original.* and DIR/<work>/<transform>.*. Genuine \
        pairs are each original against its copies; impostor pairs are each original against the \
        files of every other work. Prints the true-positive rate at false-positive rates of 0.1 % \
        and 1 %, the ROC AUC, and the true-positive rate per transform.

        --histogram FILE writes the distance distributions behind those numbers for the first \
        column (Folio's unless --no-folio): one CSV line per distance d with the genuine and \
        impostor pairs exactly d and at most d bits apart, and the TPR and FPR of a chain gate \
        that matches pairs at or under d. It also prints, per false-positive budget (0.01 %, \
        0.1 %, 1 %), the largest such d; scripts/fingerprint-thresholds.sh uses it.

        --codes NAME=FILE scores another fingerprinter's codes for the same files beside Folio's \
        (lines '<work>/<name> <hex>', compared by Hamming distance); --sequence-codes NAME=FILE \
        does the same for sequences of 32-bit words such as Chromaprint's raw output (lowest bit \
        error rate over time shifts). scripts/fingerprint-eval.sh runs the whole comparison.

        Example:
          folio fingerprint eval held-out/audio --sequence-codes chromaprint=chromaprint.codes
        """)
    @OptionGroup var options: GlobalOptions
    @Option(help: ArgumentHelp("A fingerprint model file (default: the one shipped with folio).", valueName: "FILE")) var model: String?
    @Option(help: ArgumentHelp("Another fingerprinter's fixed-length codes for the same files.", valueName: "NAME=FILE"))
    var codes: [String] = []
    @Option(help: ArgumentHelp("Another fingerprinter's 32-bit word sequences for the same files.", valueName: "NAME=FILE"))
    var sequenceCodes: [String] = []
    @Flag(help: "Score only the --codes and --sequence-codes files, not Folio's own fingerprints.") var noFolio = false
    @Option(help: ArgumentHelp(
        "Write the first column's genuine and impostor pair counts per Hamming distance, with TPR and FPR of a gate at each distance, as CSV, and print the gate thresholds.",
        valueName: "FILE")) var histogram: String?
    @Option(help: ArgumentHelp("Write Folio's codes for the folder's files in the format --codes reads.", valueName: "FILE"))
    var writeCodes: String?
    @Argument(help: "The evaluation folder.") var directory: String

    /// One fingerprinter's name and scores, for --json.
    struct Column: Encodable {
        let name: String
        let report: FingerprintEvaluationReport
        /// Not part of --json: --histogram writes it to its own file.
        let histogram: FingerprintDistanceHistogram?

        enum CodingKeys: String, CodingKey { case name, report }
    }

    func run() throws {
        var columns: [Column] = []
        if !noFolio {
            let scored = try FingerprintProgress.evaluate(directory: directory, modelPath: model, json: options.json)
            columns.append(Column(name: "folio", report: scored.report, histogram: scored.histogram))
            if let writeCodes { try Self.write(scored.codesText, to: writeCodes) }
        } else if writeCodes != nil {
            throw WalletError.usage("--write-codes writes Folio's codes; leave out --no-folio.")
        }
        for (spec, sequences) in codes.map({ ($0, false) }) + sequenceCodes.map({ ($0, true) }) {
            guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex else {
                throw WalletError.usage("--codes and --sequence-codes take NAME=FILE, not \(spec).")
            }
            let file = String(spec[spec.index(after: equals)...])
            let scored = try FingerprintFolderEvaluation.reference(directory: directory, codesFile: file, sequences: sequences)
            columns.append(Column(name: String(spec[..<equals]), report: scored.report, histogram: scored.histogram))
        }
        guard let first = columns.first else { throw WalletError.usage("--no-folio needs at least one --codes or --sequence-codes.") }
        var gate: FingerprintDistanceHistogram?
        if let histogram {
            guard let counts = first.histogram else {
                throw WalletError.usage("--histogram needs fixed-length codes in the first column; \(first.name) has sequences.")
            }
            try Self.write(counts.csv, to: histogram)
            gate = counts
        }
        if options.json {
            print(JSONOutput.render(columns))
        } else {
            print(TextTable(header: ["MEASURE"] + columns.map(\.name), rows: Self.rows(columns.map(\.report)))
                .render(style: options.style))
            if let gate, let histogram {
                print("\nGate thresholds for \(first.name) (pairs at or under the distance match; curves in \(histogram)):")
                print(FingerprintGateThresholds.table(gate).render(style: options.style))
            }
        }
    }

    private static func write(_ text: String, to path: String) throws {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw WalletError.usage("cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The table body: one row per measure, one column per fingerprinter.
    static func rows(_ reports: [FingerprintEvaluationReport]) -> [[String]] {
        func row(_ label: String, _ cell: (FingerprintEvaluationReport) -> String) -> [String] { [label] + reports.map(cell) }
        var rows = [
            row("works / files") { "\($0.works) / \($0.files)" },
            row("genuine / impostor pairs") { "\($0.genuinePairs) / \($0.impostorPairs)" },
            row("TPR @ FPR 0.1%") { rate($0.tprAtFPR0_1) },
            row("  match if distance <") { number($0.thresholdAtFPR0_1) },
            row("TPR @ FPR 1%") { rate($0.tprAtFPR1) },
            row("  match if distance <") { number($0.thresholdAtFPR1) },
            row("ROC AUC") { String(format: "%.4f", $0.rocAUC) },
            row("genuine median distance") { number($0.genuineMedian) },
            row("impostor min / median") { "\(number($0.impostorMinimum)) / \(number($0.impostorMedian))" },
        ]
        let names = Set(reports.flatMap { $0.transforms.map(\.transform) }).sorted()
        for name in names {
            rows.append(row("TPR @ 0.1% / 1%: \(name)") { report in
                guard let t = report.transforms.first(where: { $0.transform == name }) else { return "-" }
                return "\(rate(t.tprAtFPR0_1)) / \(rate(t.tprAtFPR1))"
            })
        }
        return rows
    }

    private static func rate(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Hamming distances print as integers, bit error rates with three decimals.
    private static func number(_ value: Double?) -> String {
        guard let value else { return "any" }
        return value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.3f", value)
    }
}
