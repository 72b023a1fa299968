/** Each figure variant as a standalone SVG file: `grafik/<figure>[-<variant>].<lang>.svg`. */
import type { APIRoute } from 'astro';
import { figureSvgFile, imageDownloads, type ImageDownload } from '../../charts/downloads.ts';

export function getStaticPaths() {
  return imageDownloads().map((d) => ({ params: { file: d.file }, props: d }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(figureSvgFile(props as ImageDownload), { headers: { 'Content-Type': 'image/svg+xml' } });
