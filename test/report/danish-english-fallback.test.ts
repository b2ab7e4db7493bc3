/**
 * A Danish page marks `lang="en"` what it shows in English for want of Danish (WCAG 2.1 3.1.2):
 * a plan's label with no "da" (the texts `hta report` warns of: danish-gaps.ts) and the input's
 * citations, not only the catalogue's English names. Until 6 December 2026 "Disability (RMDQ
 * 0–24)" stood unmarked in a Danish heading, contents and table, read with Danish sounds.
 */
import { describe, expect, it } from 'vitest';
import { htmlPage, markEnglishPassages } from '../../src/report/html-page.js';
import { entryEnglishTexts } from '../../src/report/danish-gaps.js';

describe('English for want of Danish is marked lang="en" on a Danish page', () => {
  it("a plan label with no Danish, wherever it stands whole: heading, contents, table", () => {
    const page = {
      lang: 'da' as const, title: 'Rapport', provenance: 'p',
      english: ['Disability (RMDQ 0–24)'],
      sections: [{ id: 's', title: 'Følsomhedsanalyse for det primære effektmål: Disability (RMDQ 0–24), 3 måneder', tables: [{ caption: 'Tabel 1. Effekter', table: { header: ['Effektmål', 'n'], rows: [['Disability (RMDQ 0–24) (kritisk)', '3']] } }] }],
    };
    const html = htmlPage(page, new Map());
    // The h2, the contents link, the row header: each marked; the page's Danish around them not.
    expect(html.match(/<span lang="en">Disability \(RMDQ 0–24\)<\/span>/g)).toHaveLength(3);
    expect(html).toContain('<h2>Følsomhedsanalyse for det primære effektmål: <span lang="en">Disability (RMDQ 0–24)</span>, 3 måneder</h2>');
    // The <title> in the head is text only: never a tag in it.
    expect(html).toContain('<title>Rapport</title>');
    // An English page is left as it is.
    expect(htmlPage({ ...page, lang: 'en' as const }, new Map())).not.toContain('lang="en">Disability');
  });

  it('a citation from the input, whole; split at a Danish "m.fl.", its journal not marked twice', () => {
    const html = '<p>Jensen 2022: Jensen LB, Holm K. Effect of a smartphone app on disability in low back pain: a randomised trial. Journal of Medical Internet Research 2022;24(3):e1</p><p>Sandal 2021: Sandal m.fl., JAMA Intern Med 2021;181(10):1288-1296</p>';
    const marked = markEnglishPassages(html, ['Jensen LB, Holm K. Effect of a smartphone app on disability in low back pain: a randomised trial. Journal of Medical Internet Research 2022;24(3):e1', 'Sandal m.fl., JAMA Intern Med 2021;181(10):1288-1296']);
    expect(marked).toContain('<p>Jensen 2022: <span lang="en">Jensen LB, Holm K. Effect of a smartphone app on disability in low back pain: a randomised trial. Journal of Medical Internet Research 2022;24(3):e1</span></p>');
    expect(marked).toContain('Sandal m.fl., <span lang="en">JAMA Intern Med 2021;181(10):1288-1296</span></p>');
    expect(marked.match(/lang="en"/g)).toHaveLength(2);
    // Without the list, the catalogue's rule still marks a journal after "m.fl." (as before).
    expect(markEnglishPassages(html)).toContain('Sandal m.fl., <span lang="en">JAMA Intern Med</span> 2021');
  });

  it('a label is marked only as a whole word, never inside a longer one or in a chart', () => {
    const marked = markEnglishPassages('<p>Painful days; Pain self-efficacy</p><svg><text>Pain self-efficacy</text></svg>', ['Pain self-efficacy']);
    expect(marked).toBe('<p>Painful days; <span lang="en">Pain self-efficacy</span></p><svg><text>Pain self-efficacy</text></svg>');
  });

  it('the texts are those the Danish warnings name: the entry\'s and its plan\'s "en" with no "da"', () => {
    const plan = { outcomes: [{ label: { en: 'Disability (RMDQ 0–24)' } }, { label: { en: 'Pain', da: 'Smerte' } }], certainty: { reasons: [{ en: 'Open-label trial' }] } };
    expect(entryEnglishTexts({ plan: 'p.json', title: { en: 'A trial' } }, () => plan)).toEqual(['A trial', 'Disability (RMDQ 0–24)', 'Open-label trial']);
  });
});
