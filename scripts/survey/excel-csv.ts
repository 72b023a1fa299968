/**
 * Writes tables the way an Excel export in the Indonesian locale looks:
 * UTF-8 with BOM, `;` between cells, CRLF line ends, dot thousands and
 * decimal comma. The synthetic survey is delivered in this shape on purpose,
 * so the data build is exercised on what researchers actually send.
 */

/** Formats a number as Indonesian Excel shows it: `1.500.000`, `87,5`. */
export function formatIdNumber(value: number): string {
  const negative = value < 0;
  const [int, frac] = Math.abs(value).toString().split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (frac ? ',' + frac : '');
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatIdNumber(value) : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with CRLF) for a record, cells in `columns` order. */
export function excelLine(columns: readonly string[], record: Record<string, unknown>): string {
  return columns.map((c) => cell(record[c])).join(';') + '\r\n';
}

/** The header line, preceded by the UTF-8 byte order mark Excel writes. */
export function excelHeader(columns: readonly string[]): string {
  return '\uFEFF' + columns.join(';') + '\r\n';
}
