/**
 * The site's figures, drawn from the published datasets: labels, units and
 * categories come from the codebooks (`loadDataset`), rows from `loadTable`.
 * Call at build time only.
 */
import { fieldMeta, loadDataset, loadTable, type DatasetMeta, type FieldMeta } from '../lib/datasets.ts';
import { localeParams, localePath, pick, type Bilingual, type Locale } from '../lib/i18n.ts';
import { figureItem, type CslItem } from '../lib/citation.ts';
import { publicationRelease } from '../lib/changelog.ts';
import { figureUi } from '../lib/ui.ts';
import type { GroupInfo } from './common.ts';
import { DEFAULT_K, displayDigits, labelled } from '../lib/stats.ts';
import type { MeasureInfo } from './group-activity.ts';
import type { IndicatorInfo } from './household-change.ts';
import { buildFigures } from './registry.ts';
import type { CategoryLabels, FigureSpec } from './types.ts';

export type { FigureSpec } from './types.ts';

const survey = 'survei-pokmas';
const context = 'konteks-paseban';
/** The study's place (STUDY.md): Kelurahan Paseban in Kecamatan Senen. */
const studyArea = { kecamatan: 'Senen', kelurahan: 'Paseban' };

function labels<K extends string = string>(field: FieldMeta): CategoryLabels<K> {
  if (!field.categories) throw new Error(`codebook: variable ${field.name} has no categories`);
  return Object.fromEntries(field.categories.map((c) => [c.value, c.label])) as CategoryLabels<K>;
}

/** "Survei … versi 1.0.0, tabel anggota" in both languages. */
function sourceLine(meta: DatasetMeta, tables: string[]): Bilingual {
  const publisher = meta.synthetic === false ? meta.sources[0]?.title : undefined;
  const list = tables.join(', ');
  return {
    id: `${meta.title.id}, versi ${meta.version}, tabel ${list}${publisher ? `. Penerbit: ${publisher}` : ''}.`,
    en: `${meta.title.en}, version ${meta.version}, table${tables.length > 1 ? 's' : ''} ${list}${publisher ? `. Publisher: ${publisher}` : ''}.`,
  };
}

let figures: FigureSpec[] | undefined;

/** Every figure of the site, in number order. */
export function loadFigures(): FigureSpec[] {
  if (figures) return figures;
  const surveyMeta = loadDataset(survey);
  const contextMeta = loadDataset(context);

  const kodeLabels = labels(fieldMeta(survey, 'kelompok', 'kode'));
  const hasilLabels = labels(fieldMeta(survey, 'kelompok', 'hasil'));
  const groups: GroupInfo[] = loadTable(survey, 'kelompok')
    .map((k) => ({
      kode: k.kode,
      label: kodeLabels[k.kode] ?? { id: k.kode, en: k.kode },
      outcome: hasilLabels[k.hasil],
    }))
    .sort((a, b) => a.kode.localeCompare(b.kode));

  const indicators: IndicatorInfo[] = (fieldMeta(survey, 'kondisi', 'indikator').categories ?? []).map(
    (c) => ({
      key: c.value as IndicatorInfo['key'],
      label: c.label,
      unit: c.unit,
      digits: displayDigits(c.unit),
    }),
  );
  const measures: MeasureInfo[] = (
    ['pertemuan', 'kehadiran_persen', 'angsuran_terkumpul', 'kunjungan_pendamping'] as const
  ).map((key) => {
    const field = fieldMeta(survey, 'kegiatan', key);
    // A rate is summed up by its monthly mean, counts and money by their total.
    return {
      key,
      label: field.label,
      unit: field.unit,
      digits: displayDigits(field.unit),
      summary: field.unit?.en === 'percent' ? 'mean' : 'sum',
    };
  });

  const penduduk = loadTable(context, 'penduduk-2014').map((r) => ({
    tahun: r.tahun,
    nama_kecamatan: r.nama_kecamatan,
    nama_kelurahan: r.nama_kelurahan,
    // Residents of each sex: citizens and foreign nationals (an empty cell is none).
    laki_laki: r['laki-laki_wni'] + (r['laki-laki_wna'] ?? 0),
    perempuan: r.perempuan_wni + (r.perempuan_wna ?? 0),
  }));

  figures = buildFigures({
    survey: {
      id: survey,
      k: surveyMeta.disclosure?.thresholds?.k ?? DEFAULT_K,
      synthetic: surveyMeta.synthetic !== false,
      groups,
      anggota: loadTable(survey, 'anggota'),
      kondisi: loadTable(survey, 'kondisi'),
      kegiatan: loadTable(survey, 'kegiatan'),
      wawancara: loadTable(survey, 'wawancara'),
      indicators,
      measures,
      labels: {
        periode: labels(fieldMeta(survey, 'kondisi', 'periode')),
        status_angsuran: labels(fieldMeta(survey, 'anggota', 'status_angsuran')),
        jenis_usaha: labels(fieldMeta(survey, 'anggota', 'jenis_usaha')),
        tema: labels(fieldMeta(survey, 'wawancara', 'tema')),
        sikap: labels(fieldMeta(survey, 'wawancara', 'sikap')),
      },
      source: (tables) => sourceLine(surveyMeta, tables),
    },
    context: {
      id: context,
      synthetic: contextMeta.synthetic !== false,
      table: 'penduduk-2014',
      penduduk,
      year: Math.max(...penduduk.map((r) => r.tahun)),
      kecamatan: studyArea.kecamatan,
      kelurahan: studyArea.kelurahan,
      source: (tables) => sourceLine(contextMeta, tables),
    },
  });
  return figures;
}

/** One figure by id; an unknown id names the known ones. */
export function getFigure(id: string): FigureSpec {
  const figure = loadFigures().find((f) => f.id === id);
  if (!figure)
    throw new Error(
      `figure "${id}" does not exist; known: ${loadFigures()
        .map((f) => f.id)
        .join(', ')}`,
    );
  return figure;
}

/** The metadata of the dataset a figure is drawn from (its `synthetic` flag drives the notice). */
export function figureDataset(figure: FigureSpec): DatasetMeta {
  return loadDataset(figure.dataset as Parameters<typeof loadDataset>[0]);
}

/** `getStaticPaths` of the per-figure routes: every figure in every language. */
export function figurePaths() {
  return localeParams().flatMap(({ params, props }) =>
    loadFigures().map((f) => ({ params: { ...params, figure: f.id }, props: { ...props, id: f.id } })),
  );
}

/**
 * The citation of a figure: its Cite box (beside the figure, wherever it is
 * placed) and the head metadata of its own page describe this one item.
 */
export function figureCitation(figure: FigureSpec, locale: Locale, site: URL | undefined): CslItem {
  return figureItem({
    id: figure.id,
    title: `${pick(figureUi.figure, locale)} ${figure.number}. ${pick(figure.title, locale)}`,
    url: new URL(localePath(locale, `grafik/${figure.id}/`), site).href,
    locale,
    issued: publicationRelease(),
    note: pick(figure.source, locale),
    synthetic: figure.synthetic,
  });
}

/**
 * The description of a figure's page (meta, Open Graph and Twitter
 * descriptions, hence search snippets and shared links): its first takeaway,
 * carrying the synthetic label when the numbers are synthetic.
 */
export function figureDescription(spec: FigureSpec, locale: Locale): string {
  return labelled(pick(spec.variants[0]!.takeaway, locale), spec, locale);
}
