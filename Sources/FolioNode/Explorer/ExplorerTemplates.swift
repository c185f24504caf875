/// The explorer's mustache templates, compiled into the binary so the node serves them with
/// no files beside it and the pages load no external assets (styles are inline).
enum ExplorerTemplates {
    /// Name → template text.
    static let all: [String: String] = [
        "header": header, "footer": footer, "home": home, "block": block, "account": account,
        "message": message, "search": search, "tx": ExplorerLedgerTemplates.transaction, "work": ExplorerLedgerTemplates.work,
        "offer": ExplorerLedgerTemplates.offer, "licence": ExplorerLedgerTemplates.licence, "match": ExplorerLedgerTemplates.match,
    ]

    static let header = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Folio explorer</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
        header,main{max-width:60rem;margin:0 auto;padding:0.75rem 1rem}
        header{display:flex;flex-wrap:wrap;gap:0.75rem;align-items:center;border-bottom:1px solid #ddd}
        header a{color:inherit;text-decoration:none;font-weight:600}
        form{display:flex;gap:0.5rem;flex:1;min-width:14rem}
        input[type=search]{flex:1;padding:0.4rem;font-size:1rem}
        table{border-collapse:collapse;width:100%}
        td,th{text-align:left;padding:0.35rem;border-bottom:1px solid #eee;vertical-align:top}
        .id{font-family:ui-monospace,monospace;word-break:break-all;font-size:0.9rem}
        .note{color:#555}
        </style></head><body>
        <header><a href="/">Folio explorer</a>
        <form action="/search" method="get" role="search">
        <input type="search" name="q" placeholder="Block id or height, transaction, work, licence or address" aria-label="Search">
        <button type="submit">Search</button></form><a href="/match">Match a file</a></header>
        <main>
        """

    static let footer = """
        </main></body></html>
        """

    static let home = """
        {{> header}}
        <h1>Chain {{info.chainId}}</h1>
        <table>
        <tr><th>Network</th><td>{{info.network}}</td></tr>
        <tr><th>Engine</th><td>{{info.engine}}</td></tr>
        <tr><th>Height</th><td>{{info.height}}</td></tr>
        <tr><th>Sync</th><td>{{info.sync.state}} (validated {{info.sync.validatedHeight}}, known {{info.sync.knownHeight}}, {{info.sync.peers}} peers{{#info.sync.etaSeconds}}, about {{info.sync.etaSeconds}} s to go{{/info.sync.etaSeconds}})</td></tr>
        <tr><th>Genesis</th><td class="id">{{info.genesisId}}</td></tr>
        </table>
        <h2>Latest blocks</h2>
        <table><tr><th>Height</th><th>Id</th><th>Transactions</th><th>Time</th></tr>
        {{#blocks}}<tr><td><a href="/block/{{id}}">{{height}}</a></td><td class="id">{{id}}</td><td>{{transactionCount}}</td><td>{{timestamp}}</td></tr>
        {{/blocks}}</table>
        {{> footer}}
        """

    static let block = """
        {{> header}}
        <h1>Block {{block.height}}</h1>
        <table>
        <tr><th>Id</th><td class="id">{{block.id}}</td></tr>
        <tr><th>Parent</th><td class="id">{{block.parent}}</td></tr>
        <tr><th>Time</th><td>{{block.timestamp}}</td></tr>
        <tr><th>Engine</th><td>{{block.engine}}</td></tr>
        {{#block.authority}}<tr><th>Authority</th><td class="id">{{block.authority}}</td></tr>{{/block.authority}}
        {{#block.bits}}<tr><th>Bits</th><td class="id">{{block.bits}}</td></tr>{{/block.bits}}
        <tr><th>Merkle root</th><td class="id">{{block.merkleRoot}}</td></tr>
        <tr><th>State root</th><td class="id">{{block.stateRoot}}</td></tr>
        <tr><th>Size</th><td>{{block.sizeBytes}} bytes</td></tr>
        </table>
        <h2>Transactions</h2>
        <ul>{{#block.transactions}}<li class="id"><a href="/tx/{{.}}">{{.}}</a></li>{{/block.transactions}}</ul>
        {{^block.transactions}}<p class="note">No transactions in this block.</p>{{/block.transactions}}
        {{> footer}}
        """

    static let account = """
        {{> header}}
        <h1>Account</h1>
        <table>
        <tr><th>Address</th><td class="id">{{account.address}}</td></tr>
        <tr><th>Balance</th><td>{{account.balance}} base units</td></tr>
        <tr><th>Next nonce</th><td>{{account.nonce}}</td></tr>
        </table>
        {{> footer}}
        """

    static let search = """
        {{> header}}
        <h1>Search</h1>
        <p>Search by block id or height, transaction id, work id, licence id or address.</p>
        {{> footer}}
        """

    static let message = """
        {{> header}}
        <h1>{{title}}</h1>
        <p>{{message}}</p>
        <p><a href="/">Back to the latest blocks</a></p>
        {{> footer}}
        """
}
