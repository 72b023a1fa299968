/**
 * The synthetic demonstration survey, built to the study's design: two pokmas
 * (A did well, B did not), coarse quasi-identifiers, capital and repayment,
 * household conditions before/after, monthly group activity and coded
 * interview themes. Nothing here is a finding: every value is drawn from a
 * seeded generator so the same seed always gives the same tables.
 */

/** A small, fast, seeded PRNG (mulberry32): deterministic across platforms. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GroupCode = 'A' | 'B';

export interface Kelompok {
  kode: GroupCode;
  hasil: 'berhasil' | 'tidak_berhasil';
  jumlah_anggota: number;
}
export interface Anggota {
  id_anggota: string;
  kelompok: GroupCode;
  jenis_kelamin: 'L' | 'P';
  kelompok_umur: string;
  pendidikan: string;
  jenis_usaha: string;
  modal_diterima: number;
  status_angsuran: 'lancar' | 'tersendat' | 'macet';
}
export interface Kondisi {
  id_anggota: string;
  periode: 'sebelum' | 'sesudah';
  indikator: string;
  nilai: number;
}
export interface Kegiatan {
  kelompok: GroupCode;
  bulan: number;
  pertemuan: number;
  kehadiran_persen: number;
  angsuran_terkumpul: number;
  kunjungan_pendamping: number;
}
export interface Wawancara {
  id_anggota: string;
  tema: string;
  sikap: 'positif' | 'netral' | 'negatif';
}
export interface Survey {
  kelompok: Kelompok[];
  anggota: Anggota[];
  kondisi: Kondisi[];
  kegiatan: Kegiatan[];
  wawancara: Wawancara[];
}

type Profile = [sex: 'L' | 'P', age: string, education: string, business: string, size: number];

// Members are drawn from a few coarse profiles, each used at least three
// times within its group, so the quasi-identifiers (group, sex, age band,
// education, business) never single anyone out: k >= 3 by construction.
const profiles: Record<GroupCode, Profile[]> = {
  A: [
    ['P', '35-49', 'sd_ke_bawah', 'dagang_makanan', 4],
    ['P', '18-34', 'smp', 'warung', 3],
    ['L', '35-49', 'smp', 'jasa', 3],
    ['P', '50+', 'sd_ke_bawah', 'warung', 4],
    ['L', '18-34', 'sma_ke_atas', 'dagang_makanan', 3],
    ['L', '50+', 'smp', 'kerajinan', 3],
  ],
  B: [
    ['P', '35-49', 'sd_ke_bawah', 'dagang_makanan', 4],
    ['L', '18-34', 'smp', 'jasa', 3],
    ['P', '50+', 'sd_ke_bawah', 'warung', 3],
    ['L', '35-49', 'sma_ke_atas', 'kerajinan', 3],
    ['P', '18-34', 'smp', 'dagang_makanan', 3],
  ],
};

const indicators = [
  'pendapatan',
  'belanja_pangan',
  'tabungan',
  'kualitas_rumah',
  'jumlah_aset',
  'anak_bersekolah',
] as const;
const themes = ['kepercayaan', 'kerja_sama', 'pendampingan', 'kemandirian', 'hambatan'] as const;
const MONTHS = 24;

function pick<T>(random: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, w] of weighted) {
    r -= w;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const round = (x: number, step: number) => Math.round(x / step) * step;

/**
 * Generates the survey. `rows` (for benchmarks) sets the number of members;
 * the household, interview and activity tables then describe only as many
 * members as the default design has, so the large table is the member table.
 */
export function generateSurvey(seed: number, rows?: number): Survey {
  const random = rng(seed);
  const anggota: Anggota[] = [];
  const classes: Anggota[][] = [];
  for (const group of ['A', 'B'] as const) {
    const list = profiles[group];
    const defaultSize = list.reduce((s, p) => s + p[4], 0);
    const share = rows === undefined ? defaultSize : Math.round((rows * defaultSize) / 36);
    const size = group === 'B' && rows !== undefined ? rows - anggota.length : share;
    // Spread members over profiles in turn; with >= 3 members per profile
    // every equivalence class keeps k >= 3.
    const sizes =
      rows === undefined
        ? list.map((p) => p[4])
        : list.map((_, i) => Math.floor(size / list.length) + (i < size % list.length ? 1 : 0));
    let n = 0;
    list.forEach(([sex, age, education, business], i) => {
      const members: Anggota[] = [];
      for (let j = 0; j < sizes[i]!; j++) {
        n++;
        const width = Math.max(2, String(size).length);
        members.push({
          id_anggota: `${group}${String(n).padStart(width, '0')}`,
          kelompok: group,
          jenis_kelamin: sex,
          kelompok_umur: age,
          pendidikan: education,
          jenis_usaha: business,
          modal_diterima: round(250_000 + random() * 750_000, 50_000),
          status_angsuran:
            group === 'A'
              ? pick(random, [
                  ['lancar', 7],
                  ['tersendat', 2],
                  ['macet', 1],
                ])
              : pick(random, [
                  ['lancar', 2],
                  ['tersendat', 4],
                  ['macet', 4],
                ]),
        });
      }
      // l-diversity: a class whose members all share one repayment status
      // would disclose that status; give its last member the next status.
      if (members.length > 1 && members.every((m) => m.status_angsuran === members[0]!.status_angsuran)) {
        const order = ['lancar', 'tersendat', 'macet'] as const;
        const last = members[members.length - 1]!;
        last.status_angsuran = order[(order.indexOf(last.status_angsuran) + 1) % 3]!;
      }
      classes.push(members);
      // One by one: a large table's classes hold too many members to spread as arguments.
      for (const m of members) anggota.push(m);
    });
  }

  const kelompok: Kelompok[] = (['A', 'B'] as const).map((kode) => ({
    kode,
    hasil: kode === 'A' ? 'berhasil' : 'tidak_berhasil',
    jumlah_anggota: anggota.filter((m) => m.kelompok === kode).length,
  }));

  // With --rows, the other tables describe as many members as the default
  // design has (the first of each group), so only the member table grows.
  const design =
    rows === undefined
      ? anggota
      : (['A', 'B'] as const).flatMap((g) =>
          anggota
            .filter((m) => m.kelompok === g)
            .slice(
              0,
              profiles[g].reduce((s, p) => s + p[4], 0),
            ),
        );
  const kondisi: Kondisi[] = [];
  const wawancara: Wawancara[] = [];
  for (const m of design) {
    const good = m.kelompok === 'A';
    const growth = good ? 1.25 + random() * 0.35 : 0.95 + random() * 0.2;
    const income = round(300_000 + random() * 250_000, 5_000);
    const before: Record<(typeof indicators)[number], number> = {
      pendapatan: income,
      belanja_pangan: round(income * (0.55 + random() * 0.1), 5_000),
      tabungan: round(random() * 40_000, 5_000),
      kualitas_rumah: 1 + Math.floor(random() * 3),
      jumlah_aset: Math.floor(random() * 3),
      anak_bersekolah: Math.floor(random() * 3),
    };
    const after: typeof before = {
      pendapatan: round(income * growth, 5_000),
      belanja_pangan: round(before.belanja_pangan * (good ? 1.15 : 1.0) + random() * 20_000, 5_000),
      tabungan: round(good ? 50_000 + random() * 150_000 : random() * 40_000, 5_000),
      kualitas_rumah: Math.min(
        5,
        before.kualitas_rumah +
          (good
            ? pick(random, [
                [1, 3],
                [0, 1],
              ])
            : pick(random, [
                [0, 4],
                [1, 1],
              ])),
      ),
      jumlah_aset: before.jumlah_aset + (good ? 1 + Math.floor(random() * 2) : Math.floor(random() * 1.3)),
      anak_bersekolah: Math.min(
        4,
        before.anak_bersekolah +
          (good
            ? pick(random, [
                [1, 1],
                [0, 2],
              ])
            : 0),
      ),
    };
    for (const periode of ['sebelum', 'sesudah'] as const) {
      const values = periode === 'sebelum' ? before : after;
      for (const indikator of indicators)
        kondisi.push({ id_anggota: m.id_anggota, periode, indikator, nilai: values[indikator] });
    }
    for (const tema of themes) {
      const sikap =
        tema === 'hambatan'
          ? pick<Wawancara['sikap']>(
              random,
              good
                ? [
                    ['netral', 3],
                    ['negatif', 2],
                    ['positif', 1],
                  ]
                : [
                    ['negatif', 5],
                    ['netral', 2],
                  ],
            )
          : pick<Wawancara['sikap']>(
              random,
              good
                ? [
                    ['positif', 6],
                    ['netral', 2],
                    ['negatif', 1],
                  ]
                : [
                    ['positif', 1],
                    ['netral', 3],
                    ['negatif', 4],
                  ],
            );
      wawancara.push({ id_anggota: m.id_anggota, tema, sikap });
    }
  }

  const kegiatan: Kegiatan[] = [];
  for (const k of kelompok) {
    const good = k.kode === 'A';
    const members = design.filter((m) => m.kelompok === k.kode).length;
    for (let bulan = 1; bulan <= MONTHS; bulan++) {
      // Group B's activity fades after the first months; group A's holds.
      const fade = good ? 1 : Math.max(0.25, 1 - (bulan - 3) * 0.05);
      const attendance = Math.min(100, Math.max(10, (good ? 85 : 80) * fade + (random() - 0.5) * 12));
      kegiatan.push({
        kelompok: k.kode,
        bulan,
        pertemuan: Math.max(0, Math.round((good ? 4 : 3) * fade - random() * 0.8)),
        kehadiran_persen: Math.round(attendance * 10) / 10,
        angsuran_terkumpul: round(
          members * 25_000 * (good ? 0.9 + random() * 0.15 : fade * (0.5 + random() * 0.3)),
          5_000,
        ),
        kunjungan_pendamping: good
          ? 2 + Math.floor(random() * 2)
          : Math.max(0, Math.round(2 * fade - random())),
      });
    }
  }
  return { kelompok, anggota, kondisi, kegiatan, wawancara };
}
