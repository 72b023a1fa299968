/**
 * Content collections: the chapters of the study and the case pages, each
 * written once per language under `content/<collection>/<locale>/<slug>.mdx`.
 * The same slug in both languages makes the two versions of a page.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { datasetIds } from './lib/datasets.ts';

const page = z.object({
  title: z.string().min(1),
  /** One or two sentences for the page head and the index lists. */
  description: z.string().min(1),
  /** Position in the sequence (1, 2, …). */
  order: z.number().int().positive(),
  /** Datasets whose numbers the page shows: a synthetic one gets its notice at the top. */
  datasets: z.array(z.enum(datasetIds)).default([]),
});

const studi = defineCollection({
  loader: glob({ base: './content/studi', pattern: '{id,en}/*.mdx' }),
  schema: page,
});

const kasus = defineCollection({
  loader: glob({ base: './content/kasus', pattern: '{id,en}/*.mdx' }),
  schema: page.extend({
    /** The group a case page is about; absent on the comparison page. */
    kelompok: z.enum(['A', 'B']).optional(),
  }),
});

export const collections = { studi, kasus };
