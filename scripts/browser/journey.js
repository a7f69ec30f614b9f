// A user's journey through the multi-instance stack (scripts/multi-instance-test.sh), in headless Chromium:
//   node journey.js save  BASE STATE EMAIL PASSWORD  signs in, saves a comment on the first answer of the
//                                                     open submission, keeps the cookies in STATE
//   node journey.js check BASE STATE PATH COMMENT     opens PATH with those cookies, checks the comment is there
// Prints one JSON line; exits non-zero on any failure.
const { chromium } = require('playwright-core');

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function interactive(page) {
  await page.waitForSelector('[data-interactive=true]', { timeout: 30000 });
}

async function save(page, context, base, state, email, password) {
  const sockets = [];
  page.on('websocket', ws => sockets.push(ws.url()));
  await page.goto(base + '/account/login');
  await page.fill('[data-testid=email]', email);
  await page.fill('[data-testid=password]', password);
  await Promise.all([page.waitForURL(url => !url.pathname.startsWith('/account/login')), page.click('[data-testid=sign-in]')]);

  await page.goto(base + '/');
  await interactive(page);
  await Promise.all([page.waitForURL('**/submissions/*'), page.getByTestId('open-submission-2026-Q4').click()]);
  const document = await page.reload();
  await interactive(page);

  const comment = `multi-instance ${Date.now()}`;
  const answer = page.locator("[data-testid^='answer-']").first();
  await answer.getByTestId('comment').fill(comment);
  await answer.getByTestId('saved').waitFor({ timeout: 20000 });
  await context.storageState({ path: state });
  return {
    path: new URL(page.url()).pathname,
    upstream: document.headers()['x-served-by'] ?? null,
    comment,
    websocket: sockets.some(url => url.includes('/_blazor')),
  };
}

async function check(page, base, path, comment) {
  const response = await page.goto(base + path);
  if (new URL(page.url()).pathname !== path) {
    throw new Error(`${base}${path} went to ${page.url()} (not signed in there?)`);
  }
  await interactive(page);
  const value = await page.locator("[data-testid^='answer-']").first().getByTestId('comment').inputValue();
  if (value !== comment) {
    throw new Error(`the comment reads "${value}", expected "${comment}"`);
  }
  return { status: response.status(), upstream: response.headers()['x-served-by'] ?? null, comment: value };
}

(async () => {
  const [, , command, base, state, a, b] = process.argv;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: launchArgs });
  try {
    const context = await browser.newContext(command === 'check' ? { storageState: state } : {});
    const page = await context.newPage();
    const result = command === 'save' ? await save(page, context, base, state, a, b) : await check(page, base, a, b);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e.message || e); process.exit(1); });
