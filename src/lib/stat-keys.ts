/**
 * Keys naming a statistic the same way on every surface that shows it (a
 * page's data component, a figure's table cell), so a test of the built site
 * can find each statistic wherever it appears and compare the values shown.
 */

/**
 * A household indicator's statistic of one group: `sebelum` and `sesudah`
 * (the value in each period), `absolute` or `relative` (the change).
 */
export function changeKey(indicator: string, group: string, what: string, stat = 'median'): string {
  return `survei-pokmas/kondisi/${indicator}/kelompok=${group}/${what}/${stat}`;
}

/** `a=1&b=2|3`: a row filter in a key, names sorted. */
export function conditionKey(where: Record<string, unknown>): string {
  return Object.entries(where)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, v]) => `${name}=${Array.isArray(v) ? v.join('|') : String(v)}`)
    .join('&');
}

/** The share of a table's rows matching `of` among those matching `where`. */
export function shareKey(
  dataset: string,
  table: string,
  of: Record<string, unknown>,
  where: Record<string, unknown>,
): string {
  return `${dataset}/${table}/${conditionKey(of)}/${conditionKey(where)}/share`;
}
