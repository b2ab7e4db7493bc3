import { chromium } from 'playwright-core';
import { it } from 'vitest';
import { checkPrintedCea, checkPrintedPage, PRINTED_PAGES } from '../report/report-print-check.js';
it.each(['selfback', 'selfback-da', 'cea'])('print %s', { timeout: 120_000 }, async (name) => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try { if (name === 'cea') await checkPrintedCea(b, process.env.DIR ?? 'reports'); else await checkPrintedPage(b, PRINTED_PAGES.find((p) => p.name === name)!, process.env.DIR ?? 'reports'); } finally { await b.close(); }
});
