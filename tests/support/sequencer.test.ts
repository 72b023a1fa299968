import path from 'node:path';
import type { TestSpecification, Vitest } from 'vitest/node';
import { describe, expect, test } from 'vitest';
import { LongestFirst, longestFiles } from './sequencer.ts';

const root = path.resolve(import.meta.dirname, '..', '..');
const project = { name: 'browser', config: { sequence: { groupOrder: 0 }, isolate: true } };
const spec = (file: string) => ({ moduleId: path.join(root, file), project }) as unknown as TestSpecification;
const sequencer = (timed: string[] = []) =>
  new LongestFirst({
    config: { root },
    cache: {
      getTestSpecificationResult: (s: TestSpecification) =>
        timed.includes(path.relative(root, s.moduleId)) ? { duration: 1, failed: false } : undefined,
    },
  } as unknown as Vitest);
const order = (specs: TestSpecification[]) => specs.map((s) => path.relative(root, s.moduleId));

describe('test file order', () => {
  const files = ['tests/shell.test.ts', 'tests/search.test.ts', ...longestFiles, 'tests/checker.test.ts'];

  test('without recorded times, the longest files start first, the crawl before all', async () => {
    const sorted = order(await sequencer().sort([...new Set(files)].map(spec)));
    expect(sorted.slice(0, longestFiles.length)).toEqual(longestFiles);
    expect(sorted).toHaveLength(new Set(files).size);
  });

  test('a file with a recorded time is left to vitest, which starts the longest last time first', async () => {
    const sorted = order(await sequencer(['tests/crawl.test.ts']).sort(longestFiles.map(spec)));
    expect(sorted.slice(0, longestFiles.length - 1)).toEqual(longestFiles.slice(1));
  });
});
