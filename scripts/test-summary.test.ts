import { describe, expect, it } from 'vitest';
import { summarizeVitest, type VitestJson } from './test-summary.ts';

const file = (
  name: string,
  status: string,
  tests: [string, string][],
  message = '',
): VitestJson['testResults'][number] => ({
  name: `/repo/${name}`,
  status,
  message,
  assertionResults: tests.map(([fullName, s]) => ({ fullName, status: s })),
});

describe('summarizeVitest', () => {
  it('counts passed tests and names each failed one', () => {
    const r = summarizeVitest(
      {
        numPassedTests: 2,
        testResults: [
          file('a.test.ts', 'passed', [
            ['a one', 'passed'],
            ['a two', 'passed'],
          ]),
          file('b.test.ts', 'failed', [['b one', 'failed']]),
        ],
      },
      '/repo',
      1,
    );
    expect(r).toEqual({ passed: 2, failures: ['b.test.ts > b one'] });
  });

  it('counts skipped and todo tests as failures', () => {
    const r = summarizeVitest(
      {
        numPassedTests: 0,
        testResults: [
          file('c.test.ts', 'passed', [
            ['c skipped', 'skipped'],
            ['c todo', 'todo'],
          ]),
        ],
      },
      '/repo',
      0,
    );
    expect(r.passed).toBe(0);
    expect(r.failures).toEqual([
      'c.test.ts > c skipped (skipped: skipped tests count as failures)',
      'c.test.ts > c todo (todo: skipped tests count as failures)',
    ]);
  });

  it('counts a file that failed outside its tests', () => {
    const r = summarizeVitest(
      { numPassedTests: 0, testResults: [file('d.test.ts', 'failed', [], 'Error: cannot import x\n  at …')] },
      '/repo',
      1,
    );
    expect(r.failures).toEqual(['d.test.ts: Error: cannot import x']);
  });

  it('counts a non-zero exit with no failed test as one failure', () => {
    const r = summarizeVitest(
      { numPassedTests: 1, testResults: [file('e.test.ts', 'passed', [['e', 'passed']])] },
      '/repo',
      1,
    );
    expect(r).toEqual({ passed: 1, failures: [expect.stringContaining('vitest exited with code 1')] });
  });
});
