/**
 * The downloads: every file of every published version at
 * `/data/<id>/<version>/<file>` (never changes once published), and the files
 * of the current version again at `/data/<id>/latest/<file>`. The bytes are
 * copied from the data build and checked against the SHA-256 its metadata
 * publishes, so a page never lists a hash that the file does not have.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  dataDir,
  listDatasets,
  loadDataset,
  type DatasetFile,
  type DatasetId,
} from '../../../../lib/datasets.ts';

export const getStaticPaths = (() =>
  listDatasets().flatMap(({ id }) => {
    const meta = loadDataset(id as DatasetId);
    const versioned = meta.versions.flatMap((v) =>
      v.files.map((file) => ({ params: { id, version: v.version, file: file.name }, props: { file } })),
    );
    const latest = meta.files.map((file) => ({
      params: { id, version: 'latest', file: file.name },
      props: { file },
    }));
    return [...versioned, ...latest];
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const file = props.file as DatasetFile;
  // `path` is the site path `data/<id>/<version>/<name>`; the build keeps the same tree under .build/data.
  const source = path.join(dataDir(), ...file.path.split('/').slice(1));
  const bytes = readFileSync(source);
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (hash !== file.sha256 || bytes.length !== file.bytes) {
    throw new Error(
      `${source}: ${bytes.length} bytes, SHA-256 ${hash}; the metadata says ${file.bytes} bytes, ${file.sha256}`,
    );
  }
  return new Response(bytes, { headers: { 'Content-Type': file.mediaType } });
};
