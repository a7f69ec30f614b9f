// Opens Blazor circuits one page at a time on one app instance and reports the instance's memory as
// they accumulate (scripts/load-test.sh):
//   node circuits.js BASE STATE PATH PID STEPS     e.g. STEPS=0,25,50,100
// Every page is a real browser tab signed in with the cookies in STATE, waiting until its circuit is
// interactive; the tabs stay open (circuits connected) while memory is read from /proc/PID/status and,
// when GCDUMP names a command (`dotnet dotnet-gcdump`), as the live managed heap after a full collection:
// RSS keeps garbage the server GC has not returned, the heap after a collection is what circuits hold.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execSync } = require('child_process');
const { chromium } = require('playwright-core');

const rssMb = pid => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const heapMb = pid => {
  if (!process.env.GCDUMP) {
    return undefined;
  }
  const file = path.join(os.tmpdir(), `circuits-${pid}-${Date.now()}.gcdump`);
  try {
    execSync(`${process.env.GCDUMP} collect -p ${pid} -o ${file}`, { stdio: 'ignore' });
    const report = execSync(`${process.env.GCDUMP} report ${file}`, { maxBuffer: 256 * 1024 * 1024 }).toString();
    return Math.round(Number(/([\d,]+)\s+GC Heap bytes/.exec(report)[1].replace(/,/g, '')) / 1024 / 1024 * 10) / 10;
  } finally {
    fs.rmSync(file, { force: true });
  }
};
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

(async () => {
  const [, , base, state, path, pid, steps] = process.argv;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--renderer-process-limit=4', '--disable-background-timer-throttling', '--disable-renderer-backgrounding'],
  });
  const context = await browser.newContext({ storageState: state });
  const pages = [];
  try {
    for (const target of steps.split(',').map(Number)) {
      while (pages.length < target) {
        const page = await context.newPage();
        await page.goto(base + path);
        await page.waitForSelector('[data-interactive=true]', { timeout: 60000 });
        pages.push(page);
      }
      await sleep(5000);
      console.log(JSON.stringify({ circuits: pages.length, rssMb: Math.round(rssMb(pid)), heapMb: heapMb(pid) }));
    }
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e.message || e); process.exit(1); });
