/** Each figure variant as a PNG file: `grafik/<figure>[-<variant>].<lang>.png`. */
import type { APIRoute } from 'astro';
import { figurePngFile, imageDownloads, type ImageDownload } from '../../charts/downloads.ts';

export function getStaticPaths() {
  return imageDownloads().map((d) => ({ params: { file: d.file }, props: d }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(Buffer.from(figurePngFile(props as ImageDownload)), {
    headers: { 'Content-Type': 'image/png' },
  });
