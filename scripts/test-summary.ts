/**
 * Counts a vitest JSON report for `npm test`: every passed test is a pass;
 * every other test (failed, skipped, todo) is a failure, and so is a test
 * file that failed outside its tests (an import error, a failing hook), and a
 * non-zero exit of vitest with nothing else to show for it.
 */
import path from 'node:path';

export interface VitestJson {
  numPassedTests: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string; fullName: string }[];
  }[];
}

export function summarizeVitest(
  results: VitestJson,
  root: string,
  exitCode: number,
): { passed: number; failures: string[] } {
  const failures: string[] = [];
  let passed = 0;
  for (const file of results.testResults) {
    const rel = path.relative(root, file.name);
    for (const t of file.assertionResults) {
      if (t.status === 'passed') {
        passed += 1;
        continue;
      }
      const why = t.status === 'failed' ? '' : ` (${t.status}: skipped tests count as failures)`;
      failures.push(`${rel} > ${t.fullName}${why}`);
    }
    if (file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')) {
      failures.push(`${rel}: ${(file.message || 'failed to run').split('\n')[0]}`);
    }
  }
  if (exitCode !== 0 && failures.length === 0) {
    failures.push(`vitest exited with code ${exitCode} (errors outside the tests, see above)`);
  }
  return { passed, failures };
}
