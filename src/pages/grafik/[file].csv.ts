/** Each figure's table (all variants) as CSV: `grafik/<figure>.<lang>.csv`. */
import type { APIRoute } from 'astro';
import type { Locale } from '../../lib/i18n.ts';
import { figureCsv, tableDownloads } from '../../charts/downloads.ts';
import type { FigureSpec } from '../../charts/types.ts';

export function getStaticPaths() {
  return tableDownloads().map((d) => ({ params: { file: d.file }, props: d }));
}

export const GET: APIRoute = ({ props }) => {
  const { spec, locale } = props as { spec: FigureSpec; locale: Locale };
  return new Response(figureCsv(spec, locale), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
