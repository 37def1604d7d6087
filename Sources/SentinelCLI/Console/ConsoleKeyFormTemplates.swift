/// The guided "add a key" page and the rotation page. The key fields are never filled in from a previous
/// submission: a secret goes from the page to this machine once and never comes back. The passphrase field says
/// `autocomplete="new-password"`: browsers ignore `off` on password fields and could fill in a saved password (the
/// vault's) that would then be sent to the exchange.
enum ConsoleKeyFormTemplates {
    static let addKey = """
        {{> top}}
        <h1>Add a key</h1>
        <form method="get" action="/keys/new" class="row" id="choose">
          <label>Exchange <select name="exchange" id="exchange">{{#exchanges}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/exchanges}}</select></label>
          <label>Product <select name="product" id="product">{{#products}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{value}}</option>{{/products}}</select></label>
          <label>Environment <select name="env" id="env">{{#environments}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{value}}</option>{{/environments}}</select></label>
          <button type="submit" class="quiet" id="show-steps">Show the steps</button>
        </form>
        <h2 id="guide-title">{{guideTitle}}</h2>
        <ol class="steps" id="steps">
        {{#steps}}<li><h3>{{title}}</h3><ul>{{#lines}}<li>{{.}}</li>{{/lines}}</ul></li>{{/steps}}
        </ol>
        <h2>Store the key</h2>
        <form method="post" action="/keys" class="stack" id="key-form" autocomplete="off">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="exchange" value="{{exchange}}">
          <input type="hidden" name="product" value="{{product}}">
          <input type="hidden" name="env" value="{{env}}">
          <label>Name in the vault <input name="name" id="name" value="{{name}}" required pattern="[A-Za-z0-9._\\-]+" maxlength="64"></label>
          <label>Label <input name="label" id="label" value="{{label}}" maxlength="200"></label>
          <label>Endpoint <small>(empty: {{exchangeName}}'s own host; the simulator's URL for a simulator key)</small>
            <input name="endpoint" id="endpoint" value="{{endpoint}}" placeholder="https://… or http://127.0.0.1:…"></label>
          <label>API key <input name="apiKey" id="apiKey" required spellcheck="false" autocomplete="off"></label>
          <label>Secret <small>(or the whole PEM private key for an Ed25519 or RSA key)</small>
            <textarea name="secret" id="secret" rows="3" required spellcheck="false" autocomplete="off"></textarea></label>
          {{#needsPassphrase}}<label>Passphrase <small>(the one you chose when creating the key)</small>
            <input type="password" name="passphrase" id="passphrase" required autocomplete="new-password"></label>{{/needsPassphrase}}
          <div id="key-check" class="key-check" aria-live="polite"></div>
          <button type="submit" id="save">Check with {{exchangeName}}, store and test</button>
        </form>
        <p class="hint">Before the key is stored, Sentinel asks {{exchangeName}} what it may do: a key that can withdraw is refused.</p>
        {{> bottom}}
        """

    static let rotate = """
        {{> top}}
        <h1>Rotate {{name}}</h1>
        <p>Create a new key on {{exchangeName}} first, with the same permissions (the steps are on the
        <a href="/keys/new?exchange={{exchange}}&amp;product={{product}}&amp;env={{env}}">add-a-key page</a>). The new key is checked
        with the exchange and only then replaces <code>{{fingerprint}}</code>, which stays stored until that moment.</p>
        <form method="post" action="/keys/{{name}}/rotate" class="stack" id="key-form" autocomplete="off">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="exchange" value="{{exchange}}">
          <label>New API key <input name="apiKey" id="apiKey" required spellcheck="false" autocomplete="off"></label>
          <label>New secret <textarea name="secret" id="secret" rows="3" required spellcheck="false" autocomplete="off"></textarea></label>
          {{#needsPassphrase}}<label>Passphrase of the new key <input type="password" name="passphrase" id="passphrase" required autocomplete="new-password"></label>{{/needsPassphrase}}
          <div id="key-check" class="key-check" aria-live="polite"></div>
          <button type="submit" id="save">Check the new key and replace the old one</button>
        </form>
        <p class="hint">Then revoke the old key {{fingerprint}} on {{exchangeName}} once your bots use the new one.</p>
        {{> bottom}}
        """

    static let simulator = """
        {{> top}}
        <h1>The simulator</h1>
        <p>Every exchange runs here, on this machine ({{adminURL}} is its admin API). Make a key with a classic mistake,
        store it in the vault and watch the doctor catch it — the demo, one key at a time.</p>
        {{#groups}}
        <section class="group"><h2>{{exchange}}</h2>
        <table><tbody>
        {{#cases}}
        <tr><td><code>{{name}}</code></td><td>{{problem}}</td><td>{{#expected}}caught by <code>{{expected}}</code>{{/expected}}{{^expected}}passes every check{{/expected}}</td>
        <td><form method="post" action="/simulator/keys" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="case" value="{{name}}"><button type="submit" class="make" data-case="{{name}}">Make and test</button></form></td></tr>
        {{/cases}}
        </tbody></table></section>
        {{/groups}}
        <section class="group"><h2>Clock and faults</h2>
        <form method="post" action="/simulator/clock" class="row">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Exchange clock ahead of this machine by (ms, negative: behind) <input name="skewMs" id="skewMs" type="number" value="{{skewMs}}" step="1" min="-86400000" max="86400000"></label>
          <button type="submit" id="set-clock">Set the clock</button>
        </form>
        <form method="post" action="/simulator/faults" class="row">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Listener <select name="exchange">{{#listeners}}<option>{{.}}</option>{{/listeners}}</select></label>
          <label>Fault <select name="kind">{{#faultKinds}}<option>{{.}}</option>{{/faultKinds}}</select></label>
          <label>Times <input name="count" type="number" value="1" min="1" max="1000"></label>
          <label>Delay for latency (ms) <input name="latencyMs" type="number" value="2000" min="0" max="600000"></label>
          <button type="submit" id="add-fault">Inject</button>
        </form>
        <form method="post" action="/simulator/faults/clear" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="quiet" id="clear-faults">Clear faults and reset the clock</button></form>
        <p class="hint">Then test a key on the keys page: the doctor names what it meets (clock drift, 5xx, 429, a dropped connection).</p>
        </section>
        {{> bottom}}
        """
}
