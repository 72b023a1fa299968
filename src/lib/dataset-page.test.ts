import { afterEach, describe, expect, it } from 'vitest';
import { formatCitation } from './citation.ts';
import { loadDataset } from './datasets.ts';
import { datasetCitation } from './dataset-page.ts';
import { restoreDataDir, useSurveyFixture } from './fixtures/survey-fixture.ts';

afterEach(restoreDataDir);

// The first formatting starts the CSL processor, which takes seconds on a busy machine.
describe('datasetCitation', { timeout: 30_000 }, () => {
  it('cites official data repackaged here with this site as publisher and its producer as the source', () => {
    useSurveyFixture({ synthetic: false });
    const meta = {
      ...loadDataset('survei-pokmas'),
      contributors: [{ title: 'Pemerintah Provinsi DKI Jakarta (data.jakarta.go.id)', roles: ['producer'] }],
    };
    const item = datasetCitation(meta, { version: '1.0.0', locale: 'id', url: 'https://example.org/d/' });
    // This site repackaged the data: it is the author (an organisation) and the publisher; the government is the source.
    expect(item.author).toEqual([{ literal: 'Pemberdayaan Ekonomi di Paseban' }]);
    expect(item.publisher).toBe('Pemberdayaan Ekonomi di Paseban');
    const out = formatCitation(item, 'id');
    for (const text of [out.apa, out.chicago]) {
      expect(text).toContain('Pemberdayaan Ekonomi di Paseban');
      expect(text).toContain('sumber data: Pemerintah Provinsi DKI Jakarta (data.jakarta.go.id)');
      expect(text).not.toMatch(/^Pemerintah Provinsi/);
    }
  });

  it('names a contributor as author only when the codebook says so, else this site', () => {
    useSurveyFixture();
    const meta = {
      ...loadDataset('survei-pokmas'),
      contributors: [{ title: 'Tim Survei', roles: ['author'] }],
    };
    const item = datasetCitation(meta, { version: '1.0.0', locale: 'en', url: 'https://example.org/d/' });
    expect(item.author).toEqual([{ literal: 'Tim Survei' }]);
    expect(item.medium).toBe('CSV, XLSX, JSON, SPSS');
  });
});
