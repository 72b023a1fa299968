/**
 * The order vitest starts test files in. Vitest starts the files that took
 * longest last time first, and files it has no time for (a fresh clone) by
 * size, largest first: the crawls are short files that visit every page, so
 * a fresh clone started them last and waited for them at the end, the
 * second core idle. Files without a recorded time that are known to be the
 * longest go first here, in this order.
 */
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The longest browser test files, longest first (see README "Performance"). */
export const longestFiles = [
  'tests/crawl.test.ts',
  'tests/charts.test.ts',
  'tests/search.test.ts',
  'tests/crawl-subpath.test.ts',
];

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      if (this.ctx.cache.getTestSpecificationResult(spec)) return longestFiles.length;
      const i = longestFiles.indexOf(
        path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/'),
      );
      return i === -1 ? longestFiles.length : i;
    };
    // A stable sort: within each project, the known long files first, the rest in vitest's order.
    return sorted
      .map((spec, i) => ({ spec, i }))
      .sort((a, b) =>
        a.spec.project.name !== b.spec.project.name ? a.i - b.i : rank(a.spec) - rank(b.spec) || a.i - b.i,
      )
      .map(({ spec }) => spec);
  }
}
