'use strict';
// Drives the Sluice web UI in a real headless Chromium (Debian's, through playwright-core) and
// prints one JSON document of what it saw. Inputs come from the environment:
//   SLUICE_URL        http://127.0.0.1:<http port>
//   SLUICE_TOKEN      a valid personal access token
//   FINISHED_MARKER   text of a statement that already finished
//   RUNNING_MARKER    text of a statement that is running now (the test cancels it)
//   CHROMIUM          the browser executable (default /usr/bin/chromium)
//   SCREENSHOT_DIR    where to save screenshots
const { chromium } = require('playwright-core');
const path = require('path');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error('Missing environment variable ' + name);
  return value;
};

// What the script saw so far; printed on failure too.
const lastSeen = {};

async function main() {
  const url = env('SLUICE_URL');
  const screenshots = env('SCREENSHOT_DIR');
  const seen = lastSeen;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Waits until the list has rows and every row has the text or status: the list refreshes a
    // moment after a filter changes.
    const onlyRowsWhere = (expected) =>
      page.waitForFunction(({ text, status }) => {
        const rows = [...document.querySelectorAll('#history-rows tr')];
        return rows.length > 0 && rows.every((row) =>
          (text === undefined || row.textContent.includes(text)) &&
          (status === undefined || row.dataset.status === status));
      }, expected);
    const consoleErrors = [];
    seen.pageErrors = consoleErrors;
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    page.on('console', (message) => {
      // The browser logs the 401 of the deliberate wrong-token sign-in; nothing else may fail.
      const expected = /status of 401/.test(message.text()) && seen.badTokenMessage === undefined;
      if (message.type() === 'error' && !expected) consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => { consoleErrors.push('dialog: ' + dialog.message()); dialog.dismiss(); });

    // Sign in: a wrong token is refused, the right one opens the history.
    await page.goto(url + '/');
    await page.fill('#token', 'dapi-not-a-real-token-000000');
    await page.click('#sign-in');
    await page.waitForSelector('#sign-in-error:not([hidden])');
    seen.badTokenMessage = await page.textContent('#sign-in-error');
    await page.fill('#token', env('SLUICE_TOKEN'));
    await page.click('#sign-in');
    await page.waitForSelector('#history-view:not([hidden])');

    // The statement that just ran appears; text search narrows the list to it.
    await page.fill('#search', env('FINISHED_MARKER'));
    const finishedRow = page.locator('#history-rows tr', { hasText: env('FINISHED_MARKER') });
    await finishedRow.first().waitFor();
    await onlyRowsWhere({ text: env('FINISHED_MARKER') });
    seen.finishedRows = await page.locator('#history-rows tr').count();
    seen.finishedStatus = await finishedRow.first().getAttribute('data-status');
    await page.waitForSelector('#chart svg rect.bar');
    await page.screenshot({ path: path.join(screenshots, 'history.png'), fullPage: true });

    // Its page shows the SQL, the facts and the phase timeline.
    await finishedRow.first().click();
    await page.waitForSelector('#statement-view:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#statement-sql').textContent.length > 0);
    seen.statementSql = await page.textContent('#statement-sql');
    seen.statementStatus = await page.getAttribute('#statement-status', 'data-status');
    seen.timelinePhases = await page.locator('#timeline svg rect[class^="phase-"]').count();
    seen.rewrittenShown = await page.isVisible('#rewritten');
    await page.screenshot({ path: path.join(screenshots, 'statement.png'), fullPage: true });

    // A running statement can be canceled from the list.
    await page.click('a.back');
    await page.waitForSelector('#history-view:not([hidden])');
    await page.fill('#search', env('RUNNING_MARKER'));
    const runningRow = page.locator('#history-rows tr[data-status="RUNNING"]', { hasText: env('RUNNING_MARKER') });
    await runningRow.first().waitFor({ timeout: 120000 });
    await runningRow.first().locator('button', { hasText: 'Cancel' }).click();
    seen.cancelNotice = await page.textContent('#notice:not([hidden])');
    await page.locator('#history-rows tr[data-status="CANCELED"]', { hasText: env('RUNNING_MARKER') })
      .first().waitFor({ timeout: 60000 });
    seen.canceled = true;

    // Filters: the canceled statement is not among FAILED ones, and is among CANCELED ones.
    await page.selectOption('#status-filter', 'FAILED');
    await page.waitForSelector('#history-empty:not([hidden])');
    seen.failedFilterEmpty = true;
    await page.selectOption('#status-filter', 'CANCELED');
    await onlyRowsWhere({ status: 'CANCELED' });
    seen.canceledFilterRows = await page.locator('#history-rows tr').count();

    // The warehouses page shows the default warehouse with its engine.
    await page.click('[data-nav="warehouses"]');
    await page.waitForSelector('[data-warehouse="default"] .state');
    seen.warehouseState = await page.textContent('[data-warehouse="default"] .state');
    await page.screenshot({ path: path.join(screenshots, 'warehouses.png'), fullPage: true });

  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(seen) + '\n');
}

main().catch((error) => {
  process.stderr.write(JSON.stringify(lastSeen) + '\n');
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
