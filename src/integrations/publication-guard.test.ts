/** The publication guard, tried on small pages and files with one planted fault each. */
import { describe, expect, test } from 'vitest';
import { checkAgreement, checkFigureCsv, checkPage, shownStatistics } from './publication-guard.ts';

const datasets = { survei: { synthetic: true, k: 3 }, konteks: { synthetic: false, k: 3 } };

/** A page in the shape the layout and components build; `parts` replace its pieces. */
function page(parts: { description?: string; body?: string; lang?: string } = {}): string {
  const description = parts.description ?? 'Data sintetis, bukan temuan studi: Median 27.500.';
  return `<!doctype html>
<html lang="${parts.lang ?? 'id'}">
<head>
<meta name="description" content="${description}">
<meta property="og:description" content="${description}">
<meta name="twitter:description" content="${description}">
</head>
<body><main>
<aside class="notice synthetic-notice" data-synthetic-dataset="survei"><p>Data sintetis.</p></aside>
${
  parts.body ??
  `<p>Median <span class="bound-value synthetic" data-dataset="survei" data-stat="s/median/A">Rp 27.500<a class="synthetic-mark" href="#"><span aria-hidden="true">†</span></a></span>.</p>`
}
</main></body>
</html>`;
}

const figure = (count: string, notice = true) =>
  `<div class="fig" id="fig-x" data-figure data-dataset="survei">
<p class="notice fig-notice">${notice ? 'Data sintetis.' : ''}</p>
<table data-k="3"><thead><tr><th scope="col">Kelompok</th><th scope="col" data-count>Jumlah</th></tr></thead>
<tbody>
<tr data-row="0"><td>Kelompok A</td><td class="num">12</td></tr>
<tr data-row="1"><td>Kelompok B</td><td class="num">${count}</td></tr>
</tbody></table>
</div>`.replace(notice ? '' : '<p class="notice fig-notice"></p>\n', '');

describe('checkPage', () => {
  test('a labelled page passes', () => {
    expect(checkPage('a.html', page(), datasets)).toEqual([]);
    expect(checkPage('f.html', page({ body: figure('<\u00a03') }), datasets)).toEqual([]);
  });

  test('a description stating synthetic numbers without the label fails, naming file, line, column and rule', () => {
    const problems = checkPage(
      'grafik/x/index.html',
      page({ description: 'Median tabungan: Rp 27.500.' }),
      datasets,
    );
    expect(problems.map((p) => [p.file, p.line, p.column, p.rule])).toEqual([
      ['grafik/x/index.html', 4, 7, 'synthetic-unlabelled-description'],
      ['grafik/x/index.html', 5, 7, 'synthetic-unlabelled-description'],
      ['grafik/x/index.html', 6, 7, 'synthetic-unlabelled-description'],
    ]);
    // The same description on a page of real data is fine.
    const real = page({
      description: 'Median tabungan: Rp 27.500.',
      body: '<span class="bound-value" data-dataset="konteks">28.232</span>',
    });
    expect(checkPage('p.html', real, datasets)).toEqual([]);
  });

  test('a synthetic number without its mark fails', () => {
    const body = '<p><span class="bound-value synthetic" data-dataset="survei">Rp 27.500</span></p>';
    const [problem] = checkPage('a.html', page({ body }), datasets);
    expect(problem).toMatchObject({ file: 'a.html', line: 10, rule: 'synthetic-unlabelled-number' });
    expect(problem!.message).toMatch(/Rp 27\.500.*survei/);
  });

  test('a figure of synthetic data without its notice fails', () => {
    const problems = checkPage('a.html', page({ body: figure('4', false) }), datasets);
    expect(problems.map((p) => p.rule)).toEqual(['synthetic-unlabelled-figure']);
  });

  test('a figure table cell under k fails, a withheld or zero one passes', () => {
    const problems = checkPage('a.html', page({ body: figure('2') }), datasets);
    expect(problems.map((p) => [p.line, p.rule])).toEqual([[15, 'small-cell']]);
    expect(problems[0]!.message).toMatch(/"Jumlah" shows 2, under k = 3/);
    expect(checkPage('a.html', page({ body: figure('0') }), datasets)).toEqual([]);
  });
});

describe('checkFigureCsv', () => {
  const csv =
    '\ufeffKelompok,Jumlah,Persen dari kelompok,Data\r\nA,12,80,x\r\nB,2,20,x\r\nC,<\u00a03,—,x\r\n';
  test('a count under k in a count column fails at its line and column', () => {
    expect(checkFigureCsv('grafik/f.id.csv', csv, new Set(['Jumlah']), 3)).toEqual([
      {
        file: 'grafik/f.id.csv',
        line: 3,
        column: 2,
        rule: 'small-cell',
        message: '"Jumlah" is 2, under k = 3; the disclosure rule withholds it',
      },
    ]);
  });
  test('other columns are not counts of people', () => {
    expect(checkFigureCsv('f.csv', csv, new Set(['Kelompok']), 3)).toEqual([]);
  });
});

describe('checkAgreement', () => {
  const prose = page();
  test('one statistic with one value on every surface passes', () => {
    const table = page({ body: '<table><tr><td data-stat="s/median/A">27.500</td></tr></table>' });
    expect(
      checkAgreement([...shownStatistics('a.html', prose), ...shownStatistics('b.html', table)]),
    ).toEqual([]);
  });
  test('a median rounded differently on another surface fails', () => {
    const rounded = page({ body: '<table><tr><td data-stat="s/median/A">28.000</td></tr></table>' });
    const problems = checkAgreement([
      ...shownStatistics('a.html', prose),
      ...shownStatistics('b.html', rounded),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'b.html', line: 10, rule: 'statistic-disagrees' });
    expect(problems[0]!.message).toBe('s/median/A is shown as "28.000" here and as "27.500" in a.html:10:69');
  });
  test('the two languages are compared separately', () => {
    const en = page({ lang: 'en', body: '<table><tr><td data-stat="s/median/A">27,500</td></tr></table>' });
    expect(checkAgreement([...shownStatistics('a.html', prose), ...shownStatistics('en.html', en)])).toEqual(
      [],
    );
  });
});
