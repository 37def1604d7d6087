/// The pages. Each starts with `{{> top}}` and ends with `{{> bottom}}`; every form that changes something carries
/// the session's CSRF token.
enum ConsolePageTemplates {
    static let unlock = """
        {{> top}}
        <h1>{{#exists}}Unlock the vault{{/exists}}{{^exists}}Create the vault{{/exists}}</h1>
        {{#exists}}
        <p>The vault <code>{{file}}</code> holds your exchange keys, encrypted (scrypt + AES-256-GCM). Its password
        opens it for this page only; it locks itself after {{idleMinutes}} minutes without use, and when the console stops.</p>
        <form method="post" action="/unlock" class="stack">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <label>Vault password <input type="password" name="password" id="password" autocomplete="current-password" required autofocus></label>
          <button type="submit" id="unlock">Unlock</button>
        </form>
        {{/exists}}
        {{^exists}}
        <p>There is no vault at <code>{{file}}</code> yet. Choose a password of {{minimumLength}} characters or more: it encrypts every
        key you add, and Sentinel cannot recover it — keep it in your password manager.</p>
        <form method="post" action="/unlock" class="stack">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="create" value="1">
          <label>New vault password <input type="password" name="password" id="password" autocomplete="new-password" minlength="{{minimumLength}}" required autofocus></label>
          <label>The same password again <input type="password" name="repeat" id="repeat" autocomplete="new-password" required></label>
          <button type="submit" id="unlock">Create the vault</button>
        </form>
        {{/exists}}
        {{> bottom}}
        """

    static let keys = """
        {{> top}}
        <h1>Keys</h1>
        {{^keys}}<p id="no-keys">The vault has no keys yet. <a href="/keys/new">Add one</a>{{#simulator}}, or make demo keys on the <a href="/simulator">simulator page</a>{{/simulator}}.</p>{{/keys}}
        {{#hasKeys}}
        <div class="table-wrap">
        <table id="keys">
          <thead><tr><th>Name</th><th>Exchange</th><th>Environment</th><th>Label</th><th>Key</th><th>Age</th><th>Expiry</th><th>Rotate</th><th>Last test</th><th>Actions</th></tr></thead>
          <tbody>
          {{#keys}}
          <tr data-key="{{name}}">
            <td><strong>{{name}}</strong></td>
            <td>{{exchange}} <small>{{products}}</small></td>
            <td>{{environment}}</td>
            <td>{{label}}</td>
            <td><code>{{fingerprint}}</code></td>
            <td>{{age}}</td>
            <td class="{{expiryClass}}">{{expiry}}</td>
            <td class="{{rotationClass}}">{{rotation}}</td>
            <td>{{#lastRun}}<a href="/runs/{{lastRun}}" class="badge {{lastStatus}}" data-last-status="{{lastStatus}}">{{lastStatus}}</a>{{/lastRun}}{{^lastRun}}<span class="badge none" data-last-status="none">not tested</span>{{/lastRun}}</td>
            <td class="actions">
              <form method="post" action="/keys/{{name}}/test" class="inline">
                <input type="hidden" name="csrf" value="{{csrf}}">
                <button type="submit" class="test">Test</button>
              </form>
              <a href="/keys/{{name}}/rotate" class="button quiet rotate">Rotate</a>
              <details class="more"><summary>Rename or remove</summary>
                <form method="post" action="/keys/{{name}}/rename" class="stack">
                  <input type="hidden" name="csrf" value="{{csrf}}">
                  <label>New name <input name="newName" required pattern="[A-Za-z0-9._\\-]+" maxlength="64"></label>
                  <button type="submit" class="rename">Rename</button>
                </form>
                <form method="post" action="/keys/{{name}}/remove" class="stack">
                  <input type="hidden" name="csrf" value="{{csrf}}">
                  <label>Type <code>{{name}}</code> to remove it from the vault <input name="confirm" required></label>
                  <button type="submit" class="danger remove">Remove</button>
                </form>
              </details>
            </td>
          </tr>
          {{/keys}}
          </tbody>
        </table>
        </div>
        <p class="hint">Removing a key here only forgets it on this machine: revoke it on the exchange's API page too.
        Rotation is due {{rotationDays}} days after a key was stored, or at the exchange's expiry if earlier.</p>
        {{/hasKeys}}
        {{> bottom}}
        """

    static let runs = """
        {{> top}}
        <h1>Tests</h1>
        {{^runs}}<p>No test has run since the console started. Press <em>Test</em> next to a key on the <a href="/">keys page</a>.</p>{{/runs}}
        {{#hasRuns}}
        <table id="runs"><thead><tr><th>Key</th><th>Where</th><th>Started</th><th>Result</th></tr></thead><tbody>
        {{#runs}}<tr><td><a href="/runs/{{id}}">{{keyName}}</a></td><td>{{venue}}</td><td>{{started}}</td><td><span class="badge {{status}}">{{status}}</span></td></tr>{{/runs}}
        </tbody></table>
        {{/hasRuns}}
        {{> bottom}}
        """

    static let run = """
        {{> top}}
        <h1>Testing {{keyName}}</h1>
        <p>{{venue}}. The doctor's checks, each with what shows it and what to do; the test order is the smallest
        valid limit order, far from the market, cancelled at once.</p>
        {{#expectation}}<p class="expectation" id="expectation">Demo key: <strong>{{problem}}</strong> — {{#check}}the <code>{{check}}</code> check must catch it{{/check}}{{^check}}every check must pass{{/check}}.</p>{{/expectation}}
        <ol id="checks" class="checks" data-events="/runs/{{id}}/events">
        {{#checks}}{{> check}}{{/checks}}
        </ol>
        <p id="running" class="running" {{^running}}hidden{{/running}}>Running <code id="running-check">{{running}}</code>…</p>
        <section id="outcome" {{^done}}hidden{{/done}}>
          <p class="summary" id="summary">{{summary}}</p>
          {{#expectation}}<p id="judgement" class="badge {{judgedClass}}">{{judged}}</p>{{/expectation}}
          <p><a class="button" href="/runs/{{id}}/report.json" download="sentinel-doctor-{{keyName}}.json" id="download">Download the JSON report</a>
          <a class="button quiet" href="/">Back to the keys</a></p>
        </section>
        {{> bottom}}
        """

    static let message = """
        {{> top}}
        <h1>{{heading}}</h1>
        {{#lines}}<p>{{.}}</p>{{/lines}}
        {{#link}}<p><a class="button" href="{{link}}">{{linkText}}</a></p>{{/link}}
        {{> bottom}}
        """
}
