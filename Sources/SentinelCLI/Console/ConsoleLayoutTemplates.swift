/// The parts every page shares: the head (with the CSRF token for the script), the navigation, the error box and
/// one doctor check. Values are HTML-escaped (`{{name}}`, by `ConsoleHTMLEscaping`); nothing here uses `{{{raw}}}`.
enum ConsoleLayoutTemplates {
    static let top = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="csrf-token" content="{{csrf}}">
        {{#refresh}}<noscript><meta http-equiv="refresh" content="{{refresh}}"></noscript>{{/refresh}}
        <title>{{title}} — Sentinel console</title>
        <link rel="stylesheet" href="/static/console.css">
        <script src="/static/console.js" defer></script>
        </head>
        <body>
        <header class="bar">
          <a class="brand" href="/">Sentinel</a>
          <nav>
            <a href="/" {{#navKeys}}aria-current="page"{{/navKeys}}>Keys</a>
            <a href="/keys/new" {{#navAdd}}aria-current="page"{{/navAdd}}>Add a key</a>
            <a href="/runs" {{#navRuns}}aria-current="page"{{/navRuns}}>Tests</a>
            {{#simulator}}<a href="/simulator" {{#navSimulator}}aria-current="page"{{/navSimulator}}>Simulator</a>{{/simulator}}
          </nav>
          {{#unlocked}}
          <form method="post" action="/lock" class="inline">
            <input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit" class="quiet" id="lock">Lock the vault</button>
          </form>
          {{/unlocked}}
        </header>
        <main>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}{{> error}}{{/error}}
        """

    static let bottom = """
        </main>
        <footer>Sentinel console on this machine only ({{origin}}). Keys never leave it; secrets are never sent back to the page.</footer>
        </body>
        </html>
        """

    static let error = """
        <section class="error" role="alert" id="error">
          <h2>{{cause}}</h2>
          {{#hasEvidence}}<dl>{{#evidence}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/evidence}}</dl>{{/hasEvidence}}
          {{#hasFix}}<p>What to do:</p><ul class="fix">{{#fix}}<li>{{.}}</li>{{/fix}}</ul>{{/hasFix}}
        </section>
        """

    static let check = """
        <li class="check {{status}}" data-check="{{id}}">
          <span class="badge {{status}}">{{status}}</span> <strong>{{id}}</strong> — {{summary}}
          {{#hasEvidence}}<dl>{{#evidence}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/evidence}}</dl>{{/hasEvidence}}
          {{#hasFix}}<ul class="fix">{{#fix}}<li>{{.}}</li>{{/fix}}</ul>{{/hasFix}}
        </li>
        """
}
