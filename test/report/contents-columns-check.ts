/**
 * Issue #15: the two-column contents list of a report page (src/report/html-page.ts). Called from
 * the browser test with the page open. No item is split across the columns, and no item of the
 * first column runs into the second column's numbers: those markers sit outside their items, in
 * the gap between the columns, so the gap must hold a marker with room to spare.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function checkContentsColumns(page: Page, label: string): Promise<void> {
  const items = await page.$$eval('nav ol > li', (lis) =>
    lis.map((li, i) => {
      const boxes = [...li.getClientRects()];
      const range = document.createRange();
      range.selectNodeContents(li);
      const text = [...range.getClientRects()];
      // The marker's width, measured with the item's own font: "13." and its space.
      const probe = document.createElement('span');
      probe.textContent = `${i + 1}.\u00a0`;
      probe.style.font = getComputedStyle(li).font;
      probe.style.position = 'absolute';
      document.body.append(probe);
      const marker = probe.getBoundingClientRect().width;
      probe.remove();
      return { title: li.textContent ?? '', boxes: boxes.length, left: boxes[0]?.left ?? 0, right: Math.max(...text.map((r) => r.right)), marker };
    }));
  if (items.length < 2) return;
  for (const it of items) expect(it.boxes, `${label}: contents item "${it.title}" is split across columns`).toBe(1);
  const firstLeft = items[0]!.left;
  const second = items.filter((it) => it.left > firstLeft + 20);
  if (second.length === 0) return; // one column (a narrow window)
  const secondLeft = Math.min(...second.map((it) => it.left));
  const widestMarker = Math.max(...second.map((it) => it.marker));
  for (const it of items.filter((x) => x.left <= firstLeft + 20)) {
    expect(it.right + 8, `${label}: contents item "${it.title}" runs into the second column's numbers`).toBeLessThanOrEqual(secondLeft - widestMarker);
  }
}
