/**
 * One committed SVG snapshot per chart module, rendered from the fixtures at
 * a fixed width; coordinates are rounded and ids renumbered by the renderer.
 * Review the diff when a snapshot changes (`npx vitest -u` rewrites them).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { PlotOptions } from '@observablehq/plot';
import * as f from './fixtures.ts';
import { businessTypes, businessTypesData, businessTypesTable } from './business-types.ts';
import { groupActivity, groupActivityData, groupActivityTable } from './group-activity.ts';
import { householdChange, householdChangeData, householdChangeTable } from './household-change.ts';
import { interviewThemes, interviewThemesData, interviewThemesTable } from './interview-themes.ts';
import { pasebanContext, pasebanContextData, pasebanContextTable } from './paseban-context.ts';
import { renderSvg } from './render.ts';
import { repaymentStatus, repaymentStatusData, repaymentStatusTable } from './repayment-status.ts';
import type { FigureTable } from './types.ts';

const width = 640;
const ctx = { locale: 'id' as const, width };

const household = householdChangeData(f.kondisi, f.anggota, f.groups, f.pendapatan, f.periodLabels, f.kNone);
const repayment = repaymentStatusData(f.anggota, f.groups, f.statusLabels, f.kNone);
const business = businessTypesData(f.anggota, f.groups, f.usahaLabels, f.kNone);
const activity = groupActivityData(f.kegiatan, f.groups, f.attendance);
const interview = interviewThemesData(f.wawancara, f.anggota, f.groups, f.temaLabels, f.sikapLabels, f.kNone);
const population = pasebanContextData(f.penduduk, 'Senen');

const cases: [string, PlotOptions, FigureTable][] = [
  [
    'household-change',
    householdChange(household, f.groups, f.pendapatan, f.periodLabels, ctx),
    householdChangeTable(household, f.pendapatan),
  ],
  [
    'repayment-status',
    repaymentStatus(repayment, f.groups, f.statusLabels, ctx),
    repaymentStatusTable(repayment),
  ],
  ['business-types', businessTypes(business, f.groups, ctx), businessTypesTable(business)],
  [
    'group-activity',
    groupActivity(activity, f.groups, f.attendance, ctx),
    groupActivityTable(activity, f.attendance),
  ],
  [
    'interview-themes',
    interviewThemes(interview, f.groups, f.sikapLabels, ctx),
    interviewThemesTable(interview),
  ],
  ['paseban-context', pasebanContext(population, 'Paseban', 2014, ctx), pasebanContextTable(population)],
];

/** One element per line, so a snapshot diff points at the mark that changed. */
function pretty(svg: string): string {
  return svg.replace(/></g, '>\n<') + '\n';
}

describe.each(cases)('%s', (name, options, table) => {
  const svg = renderSvg(options, { idPrefix: name, table, locale: 'id' });

  test(`matches its committed snapshot at ${width} px`, async () => {
    const file = `./__snapshots__/${name}.svg`;
    // Golden files are written on purpose, never silently by CI.
    if (process.env.CI && !existsSync(fileURLToPath(new URL(file, import.meta.url)))) {
      throw new Error(
        `src/charts/__snapshots__/${name}.svg is missing: run the tests locally and commit the snapshot`,
      );
    }
    await expect(pretty(svg)).toMatchFileSnapshot(file);
  });

  test('every plotted mark points at a row of its table, and every row is plotted', () => {
    const rows = [...svg.matchAll(/data-row="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows.length).toBe(table.rows.length);
    expect(new Set(rows)).toEqual(new Set(table.rows.map((_, i) => i)));
  });
});
