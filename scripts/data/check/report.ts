/**
 * The disclosure report published with every dataset: which checks ran,
 * the k and l reached, what was scanned and what was suppressed.
 */
import type { DatasetSpec } from './codebook.ts';
import type { TableResult } from './validate.ts';
import type { DisclosureReport } from '../../../src/lib/schema/metadata.ts';

export type { DisclosureReport };

export const checksRun = [
  { id: 'direct-identifier', description: 'Columns marked direct-identifier are refused.' },
  {
    id: 'column-name',
    description: 'Column names announcing names, addresses, identity numbers or contacts are refused.',
  },
  {
    id: 'cell-scan',
    description:
      "Every cell that is not one of the codebook's declared categories is scanned for NIK/KK numbers (also Excel-mangled), phone numbers, NPWP, e-mail and street addresses.",
  },
  {
    id: 'codebook-scan',
    description:
      "The codebook's titles, descriptions, questions and category labels, published with the data, are scanned the same way.",
  },
  { id: 'k-anonymity', description: 'Every combination of quasi-identifiers is shared by at least k rows.' },
  {
    id: 'l-diversity',
    description: 'Within each such combination, each sensitive variable takes at least l values.',
  },
  { id: 'suppression', description: 'Published category counts of quasi-identifiers under k are withheld.' },
];

/** Builds the report from checked tables (called only when all checks passed or to describe them). */
export function disclosureReport(
  spec: DatasetSpec,
  tables: TableResult[],
  suppressedCells = 0,
): DisclosureReport {
  return {
    dataset: spec.id,
    version: spec.version,
    thresholds: spec.disclosure,
    checks: checksRun,
    tables: tables.map((r) => {
      const c = r.classes;
      const k = c && c.quasi.length ? c.kReached() : null;
      return {
        table: r.table.name,
        rows: r.rowCount,
        cellsScanned: r.cellsScanned,
        directIdentifierColumns: r.table.fields
          .filter((f) => f.role === 'direct-identifier')
          .map((f) => f.name),
        quasiIdentifiers: c?.quasi ?? [],
        sensitive: c?.sensitive ?? [],
        equivalenceClasses: c && c.quasi.length ? c.classes.size : null,
        kReached: k === Infinity ? null : k,
        lReached: c
          ? Object.fromEntries(Object.entries(c.lReached()).map(([s, l]) => [s, l === Infinity ? 0 : l]))
          : {},
      };
    }),
    suppressedCells,
  };
}
