/** The bibliography as CSL-JSON, served as `/referensi.json`. */
import type { APIRoute } from 'astro';
import { references } from '../lib/references.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(references, null, 2) + '\n', {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' },
  });
