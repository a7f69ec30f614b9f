// The national-scale soak's load (scripts/soak.sh, docs/performance.md §National-scale soak):
//   node soak.js run BASE SEED.json OUT.json
//     for DURATION_S seconds, at once:
//     - every director of SEED.json not driven by a tab saves answers through the API with the institution's
//       token (POST …/answers, 1–10 answers a save, each with a new value and comment), DIRECTOR_THINK_MS apart;
//     - TABS directors save answers through the submission page in real Chromium tabs (a new comment on the
//       next answer, waiting for "saved"), TAB_THINK_MS apart;
//     - OFFICIALS officials (cookie, signed in through the login form) load the home page and an institution's
//       score page of the soak period, and every PDF_EVERY-th round download its PDF report, OFFICIAL_THINK_MS apart.
//     Writes every action's latencies, the errors and, per director, what the server said it saved.
//   node soak.js report OUT.json ANSWERS.tsv MEMORY.tsv
//     counts every save against the database (ANSWERS.tsv: institution id, indicator code, value, comment,
//     version of every answer of the soak period) and prints the markdown tables; exits 1 on a lost save or
//     an error.
const fs = require('fs');

const env = (name, fallback) => (process.env[name] === undefined || process.env[name] === '' ? fallback : process.env[name]);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const jitter = ms => ms * (0.5 + Math.random());
const TIMEOUT_MS = Number(env('REQUEST_TIMEOUT_MS', 30000));

// ---- recording ----------------------------------------------------------------------------------------------

const actions = {};
function record(action, ms, ok, error) {
  const a = (actions[action] ??= { ok: [], errors: {} });
  if (ok) {
    a.ok.push(Math.round(ms));
  } else {
    a.errors[error] = (a.errors[error] ?? 0) + 1;
  }
}

async function timed(action, run) {
  const started = performance.now();
  try {
    const result = await run();
    record(action, performance.now() - started, true);
    return result;
  } catch (e) {
    const kind = e.name === 'TimeoutError' || e.name === 'AbortError' || /timeout/i.test(e.message) ? 'timeout' : (e.kind ?? 'failed');
    record(action, performance.now() - started, false, kind);
    if ((actions[action].errors[kind] ?? 0) <= 3) {
      console.error(`${new Date().toISOString()} ${action}: ${kind}: ${String(e.message).slice(0, 300)}`);
    }
    return undefined;
  }
}

class Failure extends Error {
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }
}

async function expectOk(response, what) {
  if (response.status < 200 || response.status >= 300) {
    const text = await response.text().catch(() => '');
    throw new Failure(`http ${response.status}`, `${what}: ${response.status} ${text.slice(0, 200)}`);
  }
}

// ---- officials over HTTP (cookies kept by hand; no routing cookie, so requests spread over both instances) ----

function cookieJar() {
  const jar = new Map();
  return {
    take(response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair.indexOf('=');
        const name = pair.slice(0, at).trim();
        if (name !== 'sg_route') {
          jar.set(name, pair.slice(at + 1));
        }
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}

async function signIn(base, email, password) {
  const jar = cookieJar();
  const page = await fetch(`${base}/account/login`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  jar.take(page);
  const token = /name="__RequestVerificationToken"[^>]*value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('the login page has no antiforgery token');
  const form = new URLSearchParams({ __RequestVerificationToken: token, email, password, returnUrl: '/' });
  const posted = await fetch(`${base}/account/login`, {
    method: 'POST', body: form, redirect: 'manual', headers: { cookie: jar.header() }, signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  jar.take(posted);
  if (!jar.header().includes('StrategyGov.Auth')) throw new Error(`sign-in of ${email} failed (${posted.status})`);
  return jar;
}

async function official(base, seed, deadline, number) {
  const jar = await signIn(base, env('OFFICIAL_EMAIL', 'official@strategygov.local'), process.env.OFFICIAL_PASSWORD);
  const think = Number(env('OFFICIAL_THINK_MS', 2000));
  const pdfEvery = Number(env('PDF_EVERY', 5));
  const get = async (path, check) => {
    const response = await fetch(base + path, { headers: { cookie: jar.header() }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
    await expectOk(response, path);
    const body = Buffer.from(await response.arrayBuffer());
    check?.(response, body);
  };
  const html = (response, body) => {
    if (!String(response.headers.get('content-type')).startsWith('text/html') || body.length < 1000) {
      throw new Failure('not the page', `${response.url}: ${response.headers.get('content-type')} ${body.length} bytes`);
    }
  };
  const pdf = (response, body) => {
    if (response.headers.get('content-type') !== 'application/pdf' || body.subarray(0, 5).toString() !== '%PDF-') {
      throw new Failure('not a PDF', `${response.headers.get('content-type')} ${body.length} bytes`);
    }
  };
  let pdfs = number;
  for (let round = 0; Date.now() < deadline; round++) {
    const institution = seed.allInstitutionIds[Math.floor(Math.random() * seed.allInstitutionIds.length)];
    await timed('official: home page', () => get('/', html));
    await sleep(jitter(think));
    if (Date.now() >= deadline) break;
    await timed('official: score page', () => get(`/institutions/${institution}/periods/${seed.periodId}`, html));
    await sleep(jitter(think));
    if ((round + number) % pdfEvery === pdfEvery - 1 && Date.now() < deadline) {
      // Every third PDF an official downloads is the national report (all institutions), the others an institution's.
      const national = ++pdfs % 3 === 0;
      await timed(national ? 'official: national PDF (ar)' : 'official: institution PDF (ar)', () => get(national
        ? `/reports/periods/${seed.periodId}/national.pdf?lang=ar`
        : `/reports/institutions/${institution}/periods/${seed.periodId}/report.pdf?lang=ar`, pdf));
      await sleep(jitter(think));
    }
  }
}

// ---- directors through the API -------------------------------------------------------------------------------

function ledger(director) {
  // answerChanges: answers the server said it changed (each raises the answer's version by one);
  // last: what each indicator must hold now; maybe: values sent by saves whose outcome is unknown (timeouts).
  return { institutionId: director.institutionId, code: director.code, via: 'api', saves: 0, answerChanges: 0, unknownSaves: 0, last: {}, maybe: {} };
}

async function apiDirector(base, seed, director, deadline, book) {
  const think = Number(env('DIRECTOR_THINK_MS', 3000));
  const codes = seed.indicators;
  let next = Math.floor(Math.random() * codes.length);
  await sleep(Math.random() * think);
  for (let save = 1; Date.now() < deadline; save++) {
    const count = 1 + Math.floor(Math.random() * 10);
    const answers = [];
    for (let j = 0; j < count; j++) {
      const code = codes[(next + j) % codes.length];
      answers.push({ indicator: code, value: (save * 7 + j) % 101, comment: `ملاحظة ${director.code} حفظ ${save} سطر ${j}` });
    }
    next = (next + count) % codes.length;
    let outcome = 'unknown';
    await timed('director: save answers (API)', async () => {
      const response = await fetch(`${base}/api/v1/institutions/${director.institutionId}/periods/${seed.periodId}/answers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${director.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status !== 200) {
        // A 5xx from nginx or the app may come after the commit: its outcome is unknown, not refused.
        outcome = response.status >= 500 ? 'unknown' : 'refused';
        await expectOk(response, 'answers');
      }
      const result = await response.json();
      if (result.changed !== count || !result.saved) {
        outcome = 'refused';
        throw new Failure('not saved', `changed ${result.changed} of ${count}: ${JSON.stringify(result.errors).slice(0, 200)}`);
      }
      outcome = 'saved';
    });
    if (outcome === 'saved') {
      book.saves++;
      book.answerChanges += count;
      for (const a of answers) {
        book.last[a.indicator] = { value: a.value, comment: a.comment };
        delete book.maybe[a.indicator];
      }
    } else if (outcome === 'unknown') {
      book.unknownSaves++;
      for (const a of answers) (book.maybe[a.indicator] ??= []).push({ value: a.value, comment: a.comment });
    }
    await sleep(jitter(think));
  }
}

// ---- directors in Chromium tabs --------------------------------------------------------------------------------

async function tabDirector(browser, base, seed, director, deadline, book) {
  const think = Number(env('TAB_THINK_MS', 3000));
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  try {
    await timed('director: sign in (Chromium)', async () => {
      await page.goto(base + '/account/login');
      await page.fill('[data-testid=email]', director.email);
      await page.fill('[data-testid=password]', process.env.DIRECTOR_PASSWORD);
      await Promise.all([page.waitForURL(url => !url.pathname.startsWith('/account/login')), page.click('[data-testid=sign-in]')]);
    });
    let answers = [];
    let j = 0;
    for (let save = 1; Date.now() < deadline; save++) {
      if (j >= answers.length) {
        // A fresh page (a new circuit): each answer's "saved" mark then shows this save only.
        const opened = await timed('director: open submission page (Chromium)', async () => {
          await page.goto(`${base}/submissions/${director.submissionId}`);
          await page.waitForSelector('[data-interactive=true]', { timeout: TIMEOUT_MS * 2 });
          await page.waitForSelector("[data-testid^='answer-'] [data-testid=comment]", { timeout: TIMEOUT_MS }).catch(async e => {
            const text = (await page.locator('main').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300);
            throw new Failure('no answer editors', `${page.url()}: ${text || e.message}`);
          });
          answers = await page.locator("[data-testid^='answer-']").evaluateAll(nodes => nodes.map(n => n.dataset.testid.slice('answer-'.length)));
          if (answers.length === 0) throw new Failure('no answers', 'the submission page shows no answer editors');
          return true;
        });
        j = 0;
        if (!opened) {
          await sleep(think);
          continue;
        }
      }
      const code = answers[j++];
      const comment = `ملاحظة من المتصفح ${director.code} حفظ ${save}`;
      let outcome = 'unknown';
      await timed('director: save a comment (Chromium, incl. 0.8 s debounce)', async () => {
        const answer = page.getByTestId(`answer-${code}`);
        await answer.getByTestId('comment').fill(comment);
        await answer.getByTestId('saved').waitFor({ timeout: TIMEOUT_MS });
        outcome = 'saved';
      });
      if (outcome === 'saved') {
        book.saves++;
        book.answerChanges++;
        const previous = book.last[code];
        book.last[code] = { value: previous?.value ?? null, comment };
        delete book.maybe[code];
      } else {
        book.unknownSaves++;
        (book.maybe[code] ??= []).push({ value: book.last[code]?.value ?? null, comment });
        j = answers.length; // reload before the next save
      }
      await sleep(jitter(think));
    }
  } finally {
    await context.close();
  }
}

// ---- run -------------------------------------------------------------------------------------------------------

async function run(base, seedFile, outFile) {
  const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8'));
  seed.allInstitutionIds = seed.institutionIds;
  const durationS = Number(env('DURATION_S', 600));
  const tabs = Math.min(Number(env('TABS', 2)), seed.directors.length);
  const officials = Number(env('OFFICIALS', 4));
  const started = Date.now();
  const deadline = started + durationS * 1000;
  const books = seed.directors.map(ledger);
  books.slice(0, tabs).forEach(b => { b.via = 'chromium'; });

  let browser;
  if (tabs > 0) {
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
        '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--renderer-process-limit=4'],
    });
  }
  const progress = setInterval(() => {
    const counts = Object.entries(actions).map(([name, a]) => `${name.split(' (')[0]} ${a.ok.length}/${Object.values(a.errors).reduce((x, y) => x + y, 0)}`).join(' · ');
    console.error(`${new Date().toISOString()} ${Math.round((Date.now() - started) / 1000)} s: ${counts}`);
  }, 30000);
  try {
    await Promise.all([
      ...seed.directors.map((d, i) => (i < tabs ? tabDirector(browser, base, seed, d, deadline, books[i]) : apiDirector(base, seed, d, deadline, books[i]))),
      ...Array.from({ length: officials }, (_, i) => official(base, seed, deadline, i).catch(e => record('official: sign in', 0, false, e.message))),
    ]);
  } finally {
    clearInterval(progress);
    await browser?.close();
  }
  const result = {
    base, startedAt: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000,
    settings: { durationS, tabs, apiDirectors: seed.directors.length - tabs, officials, directorThinkMs: Number(env('DIRECTOR_THINK_MS', 3000)), officialThinkMs: Number(env('OFFICIAL_THINK_MS', 2000)), pdfEvery: Number(env('PDF_EVERY', 5)) },
    actions, books,
  };
  fs.writeFileSync(outFile, JSON.stringify(result));
}

// ---- report ----------------------------------------------------------------------------------------------------

const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p / 100) - 1)]);
const fmt = n => (Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-US'));

function report(outFile, answersFile, memoryFile) {
  const result = JSON.parse(fs.readFileSync(outFile, 'utf8'));
  const stored = new Map(); // institution id -> Map(code -> {value, comment, version})
  for (const line of fs.readFileSync(answersFile, 'utf8').split('\n').filter(Boolean)) {
    const [institution, code, value, comment, version] = line.split('\t');
    if (!stored.has(Number(institution))) stored.set(Number(institution), new Map());
    stored.get(Number(institution)).set(code, { value: value === '' ? null : Number(value), comment: comment === '' ? null : comment, version: Number(version) });
  }

  let failed = false;
  console.log(`## Actions (${result.settings.apiDirectors} directors through the API, ${result.settings.tabs} in Chromium tabs, ${result.settings.officials} officials; ${Math.round(result.seconds)} s)`);
  console.log('| action | succeeded | per second | p50 | p95 | p99 | max | errors |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, a] of Object.entries(result.actions)) {
    const sorted = [...a.ok].sort((x, y) => x - y);
    const errors = Object.entries(a.errors);
    if (errors.length > 0) failed = true;
    console.log(`| ${name} | ${sorted.length} | ${(sorted.length / result.seconds).toFixed(2)} | ${fmt(percentile(sorted, 50))} ms | ${fmt(percentile(sorted, 95))} ms | ${fmt(percentile(sorted, 99))} ms | ${fmt(sorted.at(-1) ?? NaN)} ms | ${errors.length === 0 ? 0 : errors.map(([k, v]) => `${v} ${k}`).join(', ')} |`);
  }

  // Every save against the database: an answer's version grows by one with every change, so the versions of
  // a director's answers add up to the answer changes the server confirmed (plus any save whose outcome the
  // driver could not know); and every answer holds what its last confirmed save sent.
  let saves = 0, changes = 0, storedChanges = 0, lost = 0, unconfirmed = 0, wrong = 0;
  const problems = [];
  for (const book of result.books) {
    const answers = stored.get(book.institutionId) ?? new Map();
    const versions = [...answers.values()].reduce((sum, a) => sum + a.version, 0);
    saves += book.saves;
    changes += book.answerChanges;
    storedChanges += versions;
    const maybeCount = Object.values(book.maybe).reduce((sum, list) => sum + list.length, 0);
    if (versions < book.answerChanges) {
      lost += book.answerChanges - versions;
      problems.push(`${book.code}: ${book.answerChanges} answer changes confirmed, the database counts ${versions}`);
    } else if (versions > book.answerChanges + maybeCount) {
      problems.push(`${book.code}: the database counts ${versions} answer changes, more than the ${book.answerChanges} confirmed and ${maybeCount} unknown`);
      wrong++;
    } else {
      unconfirmed += versions - book.answerChanges;
    }
    for (const [code, expected] of Object.entries(book.last)) {
      const actual = answers.get(code);
      const candidates = [expected, ...(book.maybe[code] ?? [])];
      const matches = actual && candidates.some(c => c.comment === actual.comment && (book.via === 'chromium' || Number(c.value) === actual.value));
      if (!matches) {
        wrong++;
        if (problems.length < 20) problems.push(`${book.code} ${code}: stored ${JSON.stringify(actual ?? null)}, last confirmed save sent ${JSON.stringify(expected)}`);
      }
    }
  }
  if (lost > 0 || wrong > 0) failed = true;
  console.log();
  console.log('## Saves counted against the database');
  console.log('| directors | saves confirmed | answer changes confirmed | answer changes in the database | lost | saved but unconfirmed (timeouts) | answers not as last saved |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  console.log(`| ${result.books.length} | ${saves} | ${changes} | ${storedChanges} | **${lost}** | ${unconfirmed} | ${wrong} |`);
  for (const p of problems) console.log(`- ${p}`);

  if (memoryFile && fs.existsSync(memoryFile)) {
    const samples = fs.readFileSync(memoryFile, 'utf8').split('\n').filter(Boolean).map(l => l.split('\t'));
    const times = [...new Set(samples.map(s => s[0]))];
    const pick = [times[0], times[Math.floor((times.length - 1) / 2)], times.at(-1)];
    const labels = ['start', 'middle', 'end'];
    console.log();
    console.log(`## Memory of the instances (sampled every 30 s, ${times.length} samples; heap = live managed heap after a full collection)`);
    console.log('| when | seconds | RSS A | heap A | RSS B | heap B |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    pick.forEach((t, i) => {
      const row = name => samples.find(s => s[0] === t && s[1] === name) ?? [];
      const a = row('A'), b = row('B');
      console.log(`| ${labels[i]} | ${t} | ${a[2] ?? '—'} MB | ${a[3] || '—'} MB | ${b[2] ?? '—'} MB | ${b[3] || '—'} MB |`);
    });
    console.log();
    console.log(`Every sample (s: RSS/heap A, RSS/heap B): ${times.map(t => {
      const row = name => samples.find(s => s[0] === t && s[1] === name) ?? [];
      return `${t}: ${row('A')[2]}/${row('A')[3] || '—'}, ${row('B')[2]}/${row('B')[3] || '—'}`;
    }).join(' · ')}`);
  }
  console.log();
  console.log(failed ? '**Result: errors or lost saves (above).**' : '**Result: 0 errors, 0 lost saves.**');
  process.exitCode = failed ? 1 : 0;
}

(async () => {
  const [, , command, ...rest] = process.argv;
  if (command === 'run') await run(...rest);
  else if (command === 'report') report(...rest);
  else throw new Error('usage: node soak.js run BASE SEED.json OUT.json | report OUT.json ANSWERS.tsv MEMORY.tsv');
})().catch(e => { console.error(e.stack || e); process.exit(2); });
