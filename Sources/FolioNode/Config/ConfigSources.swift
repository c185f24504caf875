/// Reads settings from the three places besides the defaults: command-line flags, `FOLIO_*`
/// environment variables and `foliod.toml`. Each reader returns raw text values by setting name.
enum ConfigSources {
    /// Settings from flags: `--name value` or `--name=value`; `--name` alone for a boolean means true.
    static func flags(_ arguments: [String]) throws(ConfigError) -> [String: String] {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--") else {
                throw .unknownKey(source: "the command line", key: argument, nearest: nil)
            }
            let body = argument.dropFirst(2)
            let name: String
            var value: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                value = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            guard let key = ConfigKey.named(name) else {
                throw .unknownKey(source: "the command line", key: "--\(name)", nearest: nearestFlag(name))
            }
            if value == nil {
                if key.kind == .boolean, index >= arguments.count || arguments[index].hasPrefix("--") {
                    value = "true"
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    throw .missingValue(flag: key.flag)
                }
            }
            values[key.name] = value
        }
        return values
    }

    /// Settings from `FOLIO_*` variables. Other tools share the prefix, so an unknown variable
    /// is an error only when it is within two edits of a setting's variable (a likely typo).
    static func environment(_ environment: [String: String]) throws(ConfigError) -> [String: String] {
        let known = ConfigKey.all.map(\.environmentName)
        var values: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix("FOLIO_") {
            if let key = ConfigKey.all.first(where: { $0.environmentName == name }) {
                values[key.name] = value
            } else if let nearest = NearestName.nearest(to: name, in: known), NearestName.distance(name, nearest) <= 2 {
                throw .unknownKey(source: "the environment", key: name, nearest: nearest)
            }
        }
        return values
    }

    private static func nearestFlag(_ name: String) -> String? {
        NearestName.nearest(to: name, in: ConfigKey.all.map(\.name)).map { "--" + $0 }
    }
}
