// The one place for pa11y's settings. The accessibility gate (npm run check:a11y) reads these
// defaults and runs the pa11y engine with them in its own tabs, on pages it has already loaded:
// it uses the test settings (standard, runners, warnings, ignored rules, timeout) and starts
// its one browser with chromeLaunchConfig.args; concurrency and incognito contexts are
// pa11y-ci's own scheduling, which the gate does itself.
// By hand: npx pa11y-ci --config .pa11yci.cjs http://127.0.0.1:8080/de/
//
// Never add `threshold`: with it pa11y-ci exits 0 even when a page failed to run, and the
// gate refuses to start.
const { availableParallelism } = require("node:os");

module.exports = {
  defaults: {
    // WCAG 2.1 AA. With the axe runner this selects the tags wcag2a, wcag21a, wcag2aa and
    // wcag21aa, plus axe's best practices.
    standard: "WCAG2AA",
    // axe alone: adding HTML_CodeSniffer reports most defects a second time under another name,
    // and costs time on every page.
    runners: ["axe"],
    // axe reports "moderate" findings as warnings, which pa11y drops unless asked to keep them.
    includeWarnings: true,
    // axe's rules beyond the tags of WCAG2AA: target-size is tagged WCAG 2.2 (wcag22aa), which
    // pa11y's standards do not select; the others are marked experimental in axe, so run only
    // when named, yet test criteria no other rule does: 2.5.3 label in name, 1.3.4
    // orientation, 1.3.1 header cells of larger tables and captions faked as a first row.
    rules: [
      "target-size",
      "label-content-name-mismatch",
      "css-orientation-lock",
      "td-has-header",
      "table-fake-caption",
    ],
    // No rule is ignored. Any rule added here needs a comment saying why it does not apply.
    ignore: [],
    // All pages share one browser profile: the site sets no cookies and runs no JavaScript, so
    // pages cannot influence each other, and a fresh context per page costs time.
    useIncognitoBrowserContext: false,
    // Per page, including the wait for the network to go quiet; generous for a local server
    // on a busy machine.
    timeout: 30000,
    chromeLaunchConfig: {
      // Over a pipe the browser ends with pa11y-ci's process, even if that is killed outright.
      pipe: true,
      executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      args: [
        // Chromium's sandbox cannot start as root, which is how CI containers run.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        // Pages share one renderer process per CPU core instead of each starting its own:
        // about a third less CPU time per page on a small static site. The gate leaves this
        // out and gives each tab a renderer (gateBrowserArguments in src/checks/a11y/pa11y.ts).
        `--renderer-process-limit=${availableParallelism()}`,
      ],
    },
  },
};
