/// Templates of the explorer's ledger pages (transaction, work, offer, licence, match form).
enum ExplorerLedgerTemplates {
    static let transaction = """
        {{> header}}
        <h1>Transaction</h1>
        <p>{{transaction.summary}}</p>
        <table>
        <tr><th>Id</th><td class="id">{{transaction.id}}</td></tr>
        <tr><th>Status</th><td>{{#pending}}pending in the mempool{{/pending}}{{^pending}}in block <a href="/block/{{transaction.block}}">{{transaction.height}}</a>, {{transaction.confirmations}} confirmation(s){{/pending}}</td></tr>
        <tr><th>Kind</th><td>{{transaction.kind}}</td></tr>
        <tr><th>Sender</th><td class="id"><a href="/account/{{transaction.sender}}">{{transaction.sender}}</a></td></tr>
        <tr><th>Nonce</th><td>{{transaction.nonce}}</td></tr>
        <tr><th>Fee</th><td>{{transaction.fee}} base units</td></tr>
        </table>
        {{> footer}}
        """

    static let work = """
        {{> header}}
        <h1>{{title}}</h1>
        <table>
        <tr><th>Work id</th><td class="id">{{work.id}}</td></tr>
        <tr><th>Media type</th><td>{{work.mediaType}}</td></tr>
        <tr><th>Registered</th><td>at height {{work.height}} by <a class="id" href="/account/{{work.registrant}}">{{work.registrant}}</a></td></tr>
        <tr><th>Fingerprint</th><td class="id">{{work.fingerprint}}</td></tr>
        <tr><th>Content SHA-256</th><td class="id">{{work.contentHash}}</td></tr>
        <tr><th>Model</th><td class="id">{{work.modelId}}</td></tr>
        </table>
        <h2>Owners</h2>
        <table><tr><th>Owner</th><th>Share</th></tr>
        {{#owners.rows}}<tr><td class="id"><a href="/account/{{address}}">{{address}}</a></td><td>{{percent}} ({{share}} parts)</td></tr>{{/owners.rows}}
        </table>
        {{#owners.hasMore}}<p class="note">and {{owners.more}} more</p>{{/owners.hasMore}}
        <h2>Parent works</h2>
        {{#parents.rows}}<p class="id"><a href="/work/{{.}}">{{.}}</a></p>{{/parents.rows}}
        {{#parents.hasMore}}<p class="note">and {{parents.more}} more</p>{{/parents.hasMore}}
        {{^parents.rows}}<p class="note">None declared: an original work.</p>{{/parents.rows}}
        <h2>Derivative works</h2>
        {{#derivatives.rows}}<p class="id"><a href="/work/{{id}}">{{id}}</a> registered at height {{height}}</p>{{/derivatives.rows}}
        {{#derivatives.hasMore}}<p class="note">and {{derivatives.more}} more</p>{{/derivatives.hasMore}}
        {{^derivatives.rows}}{{^derivativesNote}}<p class="note">No registered work declares this one a parent.</p>{{/derivativesNote}}{{/derivatives.rows}}
        {{#derivativesNote}}<p class="note">{{derivativesNote}}</p>{{/derivativesNote}}
        <h2>Similar works</h2>
        {{#similar.rows}}<p class="id"><a href="/work/{{id}}">{{id}}</a> at distance {{distance}}</p>{{/similar.rows}}
        {{#similar.hasMore}}<p class="note">and {{similar.more}} more</p>{{/similar.hasMore}}
        {{^similar.rows}}<p class="note">No registered work was within the similarity distance.</p>{{/similar.rows}}
        <h2>Licences offered</h2>
        {{#offers.rows}}<p class="id"><a href="/offer/{{id}}">{{id}}</a> by {{offerer}}{{#revoked}} (revoked){{/revoked}}</p>{{/offers.rows}}
        {{#offers.hasMore}}<p class="note">and {{offers.more}} more</p>{{/offers.hasMore}}
        {{^offers.rows}}<p class="note">No offers.</p>{{/offers.rows}}
        <h2>Licences granted</h2>
        {{#licences.rows}}<p class="id"><a href="/licence/{{id}}">{{id}}</a> to {{licensee}}: {{state}}, paid {{totalPaid}}</p>{{/licences.rows}}
        {{#licences.hasMore}}<p class="note">and {{licences.more}} more</p>{{/licences.hasMore}}
        {{^licences.rows}}<p class="note">No licences granted.</p>{{/licences.rows}}
        {{> footer}}
        """

    static let offer = """
        {{> header}}
        <h1>Licence offer</h1>
        <table>
        <tr><th>Offer id</th><td class="id">{{offer.id}}</td></tr>
        <tr><th>Work</th><td class="id"><a href="/work/{{offer.work}}">{{offer.work}}</a></td></tr>
        <tr><th>Offered by</th><td class="id"><a href="/account/{{offer.offerer}}">{{offer.offerer}}</a></td></tr>
        <tr><th>Height</th><td>{{offer.height}}</td></tr>
        <tr><th>Status</th><td>{{#offer.revoked}}revoked{{/offer.revoked}}{{^offer.revoked}}open{{/offer.revoked}}</td></tr>
        </table>
        {{> footer}}
        """

    static let licence = """
        {{> header}}
        <h1>Licence</h1>
        <table>
        <tr><th>Licence id</th><td class="id">{{licence.id}}</td></tr>
        <tr><th>Work</th><td class="id"><a href="/work/{{licence.work}}">{{licence.work}}</a></td></tr>
        <tr><th>Offer</th><td class="id"><a href="/offer/{{licence.offer}}">{{licence.offer}}</a></td></tr>
        <tr><th>Licensee</th><td class="id"><a href="/account/{{licence.licensee}}">{{licence.licensee}}</a></td></tr>
        <tr><th>State</th><td>{{licence.state}}</td></tr>
        <tr><th>Paid so far</th><td>{{licence.totalPaid}} base units</td></tr>
        </table>
        {{> footer}}
        """

    static let match = """
        {{> header}}
        <h1>Does this file match a registered work?</h1>
        <form action="/match" method="post" enctype="multipart/form-data">
        <input type="file" name="file" aria-label="File to match" required>
        <button type="submit">Check</button></form>
        <p class="note">WAV, PNG, JPEG, PPM/PGM or UTF-8 text. The file is fingerprinted on this node and not stored.</p>
        {{#hasResult}}
        <h2>{{fileName}}</h2>
        <p><strong>{{verdict}}</strong></p>
        <table><tr><th>Medium</th><td>{{medium}}</td></tr><tr><th>Fingerprint</th><td class="id">{{fingerprint}}</td></tr></table>
        <table><tr><th>Work</th><th>Distance</th><th></th></tr>
        {{#matches}}<tr><td class="id"><a href="/work/{{id}}">{{id}}</a></td><td>{{distance}}</td><td>{{kind}}</td></tr>{{/matches}}
        </table>
        {{/hasResult}}
        {{> footer}}
        """
}
