// Browsers are never downloaded at install: the checks use a system Chromium
// (see src/checks/browser.ts), and this machine's network refuses the download.
module.exports = { skipDownload: true };
