/**
 * The figures of the site: id, number, title, caption, source, dataset and
 * the variants each one is drawn in, assembled from the dataset tables and
 * their codebook labels. Pure: `index.ts` loads the data and calls it.
 */
import type { Bilingual } from '../lib/i18n.ts';
import { lab, listText, type GroupInfo } from './common.ts';
import {
  businessTypes,
  businessTypesData,
  businessTypesTable,
  businessTypesTakeaway,
} from './business-types.ts';
import {
  groupActivity,
  groupActivityData,
  groupActivityTable,
  groupActivityTakeaway,
  type MeasureInfo,
} from './group-activity.ts';
import {
  householdChange,
  householdChangeData,
  householdChangeTable,
  householdChangeTakeaway,
  type IndicatorInfo,
} from './household-change.ts';
import {
  interviewThemes,
  interviewThemesData,
  interviewThemesTable,
  interviewThemesTakeaway,
} from './interview-themes.ts';
import {
  pasebanContext,
  pasebanContextData,
  pasebanContextTable,
  pasebanContextTakeaway,
  titleCase,
} from './paseban-context.ts';
import {
  repaymentStatus,
  repaymentStatusData,
  repaymentStatusTable,
  repaymentStatusTakeaway,
} from './repayment-status.ts';
import type {
  AnggotaRow,
  KegiatanRow,
  KondisiRow,
  PendudukRow,
  Periode,
  Sikap,
  StatusAngsuran,
  Tema,
  WawancaraRow,
} from './rows.ts';
import type { CategoryLabels, FigureSpec, FigureTable, FigureVariant } from './types.ts';

/** Everything the figures are drawn from. */
export interface FigureData {
  survey: {
    /** Dataset id, e.g. `survei-pokmas`. */
    id: string;
    /** The dataset's disclosure threshold: counts of people under it are withheld. */
    k: number;
    /** From the dataset's metadata. */
    synthetic: boolean;
    groups: GroupInfo[];
    anggota: readonly AnggotaRow[];
    kondisi: readonly KondisiRow[];
    kegiatan: readonly KegiatanRow[];
    wawancara: readonly WawancaraRow[];
    indicators: IndicatorInfo[];
    measures: MeasureInfo[];
    labels: {
      periode: CategoryLabels<Periode>;
      status_angsuran: CategoryLabels<StatusAngsuran>;
      jenis_usaha: CategoryLabels;
      tema: CategoryLabels<Tema>;
      sikap: CategoryLabels<Sikap>;
    };
    /** "Survei … (data sintetis), tabel …" line naming the dataset and its version. */
    source: (tables: string[]) => Bilingual;
  };
  context: {
    id: string;
    synthetic: boolean;
    table: string;
    penduduk: readonly PendudukRow[];
    year: number;
    kecamatan: string;
    kelurahan: string;
    source: (tables: string[]) => Bilingual;
  };
}

/** Both languages of a locale-dependent text. */
function both(text: (locale: 'id' | 'en') => string): Bilingual {
  return { id: text('id'), en: text('en') };
}

/** Where a figure's data come from: its dataset, its tables and the source line naming both. */
function from(
  dataset: { id: string; synthetic: boolean; source: (tables: string[]) => Bilingual },
  tables: string[],
) {
  return { source: dataset.source(tables), dataset: dataset.id, synthetic: dataset.synthetic, tables };
}

/** The one variant of a figure drawn in a single view. */
function only(takeaway: Bilingual, table: FigureTable, plot: FigureVariant['plot']): FigureVariant {
  return { key: '', label: { id: '', en: '' }, takeaway, table, plot };
}

/** Every figure of the site, numbered in reading order. */
export function buildFigures(data: FigureData): FigureSpec[] {
  const s = data.survey;
  const c = data.context;
  const highlight = s.groups.map((g, i) => ({ key: String(i + 1), label: g.label }));
  // Which group did well, said once under every survey figure (from the `kelompok` table).
  const outcomes = s.groups.filter((g) => g.outcome);
  const groupNote = both((l) =>
    outcomes.length
      ? ` ${l === 'id' ? 'Hasil program' : 'Programme outcome'}: ${listText(
          outcomes.map((g) => `${lab(g.label, l)} ${lab(g.outcome!, l).toLowerCase()}`),
          l,
        )}.`
      : '',
  );
  const surveyCaption = (text: Bilingual): Bilingual => ({
    id: text.id + groupNote.id,
    en: text.en + groupNote.en,
  });

  const population = pasebanContextData(c.penduduk, c.kecamatan);
  const business = businessTypesData(s.anggota, s.groups, s.labels.jenis_usaha, s.k);
  const repayment = repaymentStatusData(s.anggota, s.groups, s.labels.status_angsuran, s.k);
  const interview = interviewThemesData(s.wawancara, s.anggota, s.groups, s.labels.tema, s.labels.sikap, s.k);

  const figures: Omit<FigureSpec, 'number'>[] = [
    {
      id: 'fig-penduduk-senen',
      shortTitle: { id: 'Penduduk Senen', en: 'Population of Senen' },
      title: {
        id: `Penduduk kelurahan di Kecamatan ${titleCase(c.kecamatan)} menurut jenis kelamin, ${c.year}`,
        en: `Population of the kelurahan of Kecamatan ${titleCase(c.kecamatan)} by sex, ${c.year}`,
      },
      caption: {
        id: `Jumlah penduduk (WNI dan WNA) tiap kelurahan; ${titleCase(c.kelurahan)}, tempat studi, ditandai warna dan tanda ▸.`,
        en: `Residents (citizens and foreign nationals) of each kelurahan; ${titleCase(c.kelurahan)}, where the study took place, is marked by colour and by ▸.`,
      },
      ...from(c, [c.table]),
      variants: [
        only(
          both((l) => pasebanContextTakeaway(population, c.kelurahan, c.year, l)),
          pasebanContextTable(population),
          (ctx) => pasebanContext(population, c.kelurahan, c.year, ctx),
        ),
      ],
    },
    {
      id: 'fig-jenis-usaha',
      shortTitle: { id: 'Jenis usaha', en: 'Types of business' },
      title: { id: 'Jenis usaha anggota menurut kelompok', en: "Members' types of business by group" },
      caption: surveyCaption({
        id: 'Jumlah anggota tiap pokmas menurut jenis usaha yang dijalankan dengan modal IDT, dan persentasenya dalam kelompok.',
        en: 'Members of each pokmas by the type of business run with the IDT capital, and their share of the group.',
      }),
      ...from(s, ['anggota']),
      highlight,
      variants: [
        only(
          both((l) => businessTypesTakeaway(business, s.groups, l)),
          businessTypesTable(business),
          (ctx) => businessTypes(business, s.groups, ctx),
        ),
      ],
    },
    {
      id: 'fig-kondisi-rumah-tangga',
      shortTitle: { id: 'Kondisi rumah tangga', en: 'Household conditions' },
      title: {
        id: 'Kondisi rumah tangga sebelum dan sesudah program, menurut kelompok',
        en: 'Household conditions before and after the programme, by group',
      },
      caption: surveyCaption({
        id: 'Median tiap indikator di antara anggota pokmas, sebelum dan sesudah menerima modal; anggota tanpa nilai tidak dihitung (n menunjukkan jumlah yang dihitung).',
        en: "Median of each indicator among the pokmas' members, before and after receiving the capital; members without a value are left out (n gives the number counted).",
      }),
      ...from(s, ['kondisi', 'anggota']),
      variantLabel: { id: 'Indikator', en: 'Indicator' },
      highlight,
      variants: s.indicators.map((indicator) => {
        const points = householdChangeData(s.kondisi, s.anggota, s.groups, indicator, s.labels.periode, s.k);
        return {
          key: indicator.key.replaceAll('_', '-'),
          label: indicator.label,
          takeaway: both((l) => householdChangeTakeaway(points, s.groups, indicator, l)),
          table: householdChangeTable(points, indicator),
          plot: (ctx) => householdChange(points, s.groups, indicator, s.labels.periode, ctx),
        };
      }),
    },
    {
      id: 'fig-status-angsuran',
      shortTitle: { id: 'Status angsuran', en: 'Repayment status' },
      title: { id: 'Status angsuran modal menurut kelompok', en: 'Repayment status of the capital by group' },
      caption: surveyCaption({
        id: 'Jumlah anggota tiap pokmas menurut status angsuran modal usahanya, dan persentasenya dalam kelompok.',
        en: 'Members of each pokmas by the repayment status of their business capital, and their share of the group.',
      }),
      ...from(s, ['anggota']),
      highlight,
      variants: [
        only(
          both((l) => repaymentStatusTakeaway(repayment, s.groups, s.labels.status_angsuran, l)),
          repaymentStatusTable(repayment),
          (ctx) => repaymentStatus(repayment, s.groups, s.labels.status_angsuran, ctx),
        ),
      ],
    },
    {
      id: 'fig-kegiatan-kelompok',
      shortTitle: { id: 'Kegiatan kelompok', en: 'Group activity' },
      title: { id: 'Kegiatan kelompok dari bulan ke bulan', en: 'Group activity month by month' },
      caption: surveyCaption({
        id: 'Pertemuan, kehadiran, angsuran yang terkumpul dan kunjungan pendamping tiap pokmas, per bulan sejak modal diterima.',
        en: 'Meetings, attendance, instalments collected and facilitator visits of each pokmas, per month since the capital was received.',
      }),
      ...from(s, ['kegiatan']),
      variantLabel: { id: 'Ukuran', en: 'Measure' },
      highlight,
      variants: s.measures.map((measure) => {
        const points = groupActivityData(s.kegiatan, s.groups, measure);
        return {
          key: measure.key.replaceAll('_', '-'),
          label: measure.label,
          takeaway: both((l) => groupActivityTakeaway(points, s.groups, measure, l)),
          table: groupActivityTable(points, measure),
          plot: (ctx) => groupActivity(points, s.groups, measure, ctx),
        };
      }),
    },
    {
      id: 'fig-tema-wawancara',
      shortTitle: { id: 'Tema wawancara', en: 'Interview themes' },
      title: { id: 'Tema wawancara menurut kelompok dan sikap', en: 'Interview themes by group and stance' },
      caption: surveyCaption({
        id: 'Jumlah pernyataan wawancara yang dikodekan per tema, menurut sikap (positif, netral, negatif), dan persentasenya dari semua pernyataan kelompok.',
        en: "Coded interview statements per theme, by stance (positive, neutral, negative), and their share of all of the group's statements.",
      }),
      ...from(s, ['wawancara', 'anggota']),
      highlight,
      variants: [
        only(
          both((l) => interviewThemesTakeaway(interview, s.groups, s.labels.sikap, l)),
          interviewThemesTable(interview),
          (ctx) => interviewThemes(interview, s.groups, s.labels.sikap, ctx),
        ),
      ],
    },
  ];
  return figures.map((f, i) => ({ ...f, number: i + 1 }));
}
