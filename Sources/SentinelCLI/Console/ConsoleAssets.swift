/// The page's style sheet and script, served from this binary (no CDN, no build step). The script only adds to
/// pages that work without it: the live doctor checks, and the key's hygiene checks as it is typed.
enum ConsoleAssets {
    static let css = """
        :root { color-scheme: light dark; --bg: #fbfbfa; --fg: #1d1f21; --muted: #5f6368; --line: #d9dadc;
          --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; --skip: #6e7781; --accent: #0b57d0; --box: #f1f3f4; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #16181b; --fg: #e6e6e6; --muted: #a0a4a8; --line: #33363b; --pass: #3fb950; --warn: #d29922;
            --fail: #f85149; --skip: #8b949e; --accent: #7aa7ff; --box: #202327; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: var(--bg); color: var(--fg); }
        header.bar { display: flex; gap: 1.5rem; align-items: center; padding: .6rem 1.5rem; border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 700; color: var(--fg); text-decoration: none; }
        header nav { display: flex; gap: 1rem; flex: 1; }
        nav a[aria-current] { font-weight: 600; text-decoration: underline; }
        main { padding: 1rem 1.5rem 3rem; max-width: 80rem; }
        footer { padding: 1rem 1.5rem; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
        a { color: var(--accent); }
        code { font-family: ui-monospace, monospace; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        .table-wrap { overflow-x: auto; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: 12px; font-weight: 600;
          color: #fff; background: var(--skip); text-decoration: none; text-transform: uppercase; }
        .badge.pass, .badge.ok { background: var(--pass); } .badge.warn { background: var(--warn); }
        .badge.fail, .badge.unexpected { background: var(--fail); } .badge.running { background: var(--accent); }
        .expired, .due { color: var(--fail); font-weight: 600; } .soon { color: var(--warn); font-weight: 600; }
        form.inline { display: inline; } form.stack { display: grid; gap: .7rem; max-width: 44rem; }
        form.row { display: flex; flex-wrap: wrap; gap: .8rem; align-items: end; margin: .5rem 0; }
        label { display: grid; gap: .2rem; } label small { color: var(--muted); }
        input, select, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: .3rem;
          background: var(--bg); color: var(--fg); }
        input[aria-invalid="true"], textarea[aria-invalid="true"] { border-color: var(--fail); }
        button, .button { font: inherit; padding: .35rem .8rem; border-radius: .3rem; border: 1px solid var(--accent);
          background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
        button.quiet, .button.quiet { background: transparent; color: var(--accent); }
        button.danger { background: var(--fail); border-color: var(--fail); }
        button:disabled { opacity: .5; cursor: not-allowed; }
        .error { border: 1px solid var(--fail); border-left-width: 5px; padding: .5rem 1rem; margin: 1rem 0; background: var(--box); }
        .error h2 { font-size: 16px; margin: .3rem 0; }
        .notice { border-left: 5px solid var(--pass); padding: .5rem 1rem; background: var(--box); }
        .checks { list-style: none; padding: 0; } .check { padding: .5rem 0; border-bottom: 1px solid var(--line); }
        .check dl, .error dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: .3rem 0 .3rem 1rem; font-size: 13px; }
        .check dt, .error dt { color: var(--muted); } .check dd, .error dd { margin: 0; overflow-wrap: anywhere; }
        ul.fix li { color: var(--fg); } .hint { color: var(--muted); font-size: 13px; }
        .key-check ul { margin: .2rem 0; } .key-check .problem { color: var(--fail); } .key-check .warning { color: var(--warn); }
        .steps > li { margin-bottom: .6rem; } .steps h3 { font-size: 15px; margin: 0; }
        details.more { display: inline-block; } details.more[open] { display: block; margin-top: .4rem; }
        .actions { white-space: nowrap; } .group { margin-top: 1.5rem; }
        """

    static let javascript = """
        'use strict';
        (function () {
          const csrf = document.querySelector('meta[name="csrf-token"]')?.content || '';

          // The doctor's checks as they finish (server-sent events; the page without script refreshes instead).
          const list = document.getElementById('checks');
          if (list && list.dataset.events && document.getElementById('outcome').hidden) {
            const source = new EventSource(list.dataset.events);
            let first = true;
            const running = document.getElementById('running');
            source.addEventListener('check', (event) => {
              if (first) { list.innerHTML = ''; first = false; }
              list.insertAdjacentHTML('beforeend', event.data);
              running.hidden = true;
            });
            source.addEventListener('running', (event) => {
              if (first) { list.innerHTML = ''; first = false; }
              document.getElementById('running-check').textContent = event.data;
              running.hidden = false;
            });
            source.addEventListener('done', (event) => {
              const done = JSON.parse(event.data);
              document.getElementById('summary').textContent = done.summary;
              const judgement = document.getElementById('judgement');
              if (judgement && done.judged) { judgement.textContent = done.judged; judgement.className = 'badge ' + done.judgedClass; }
              running.hidden = true;
              document.getElementById('outcome').hidden = false;
              document.body.dataset.done = 'true';
              source.close();
            });
            source.onerror = () => { if (document.body.dataset.done !== 'true') { setTimeout(() => location.reload(), 1500); source.close(); } };
          } else if (list) {
            document.body.dataset.done = 'true';
          }

          // The steps follow the choice at once (without script, the "Show the steps" button does it). Another
          // exchange starts from its own default product and environment.
          const choose = document.getElementById('choose');
          if (choose) {
            choose.elements.exchange.addEventListener('change', (event) => {
              location.assign('/keys/new?exchange=' + encodeURIComponent(event.target.value));
            });
            for (const name of ['product', 'env']) {
              choose.elements[name].addEventListener('change', () => choose.submit());
            }
          }

          // The vault's hygiene checks on the key as it is typed or pasted; the server says, nothing is stored.
          const form = document.getElementById('key-form');
          const report = document.getElementById('key-check');
          if (form && report) {
            const save = document.getElementById('save');
            let timer = null;
            let sequence = 0;
            const check = async () => {
              const fields = ['apiKey', 'secret', 'passphrase'].map((n) => form.elements[n]).filter(Boolean);
              if (fields.every((f) => f.value === '')) { report.replaceChildren(); save.disabled = false; return; }
              const body = new URLSearchParams(new FormData(form));
              body.set('csrf', csrf);
              const mine = ++sequence;
              const answer = await fetch('/keys/check', { method: 'POST', body, credentials: 'same-origin' });
              if (mine !== sequence || !answer.ok) return;
              const result = await answer.json();
              const items = [];
              for (const f of fields) f.removeAttribute('aria-invalid');
              for (const p of result.problems) {
                const li = document.createElement('li'); li.className = 'problem'; li.textContent = p.message;
                items.push(li);
                if (form.elements[p.field]) form.elements[p.field].setAttribute('aria-invalid', 'true');
              }
              for (const w of result.warnings) {
                const li = document.createElement('li'); li.className = 'warning'; li.textContent = w.message; items.push(li);
              }
              const ul = document.createElement('ul'); ul.replaceChildren(...items);
              report.replaceChildren(...(items.length ? [ul] : []));
              report.dataset.problems = String(result.problems.length);
              save.disabled = result.problems.length > 0;
            };
            form.addEventListener('input', (event) => {
              if (!['apiKey', 'secret', 'passphrase'].includes(event.target.name)) return;
              clearTimeout(timer); timer = setTimeout(check, 250);
            });
          }
        })();
        """
}
