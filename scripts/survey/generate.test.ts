import { describe, expect, it } from 'vitest';
import { generateSurvey } from './generate.ts';
import { excelHeader, excelLine, formatIdNumber } from './excel-csv.ts';

const classesOf = (rows: ReturnType<typeof generateSurvey>['anggota']) => {
  const classes = new Map<string, Set<string>[]>();
  const sizes = new Map<string, number>();
  for (const m of rows) {
    const key = [m.kelompok, m.jenis_kelamin, m.kelompok_umur, m.pendidikan, m.jenis_usaha].join('|');
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
    if (!classes.has(key)) classes.set(key, [new Set()]);
    classes.get(key)![0]!.add(m.status_angsuran);
  }
  return { sizes: [...sizes.values()], diversity: [...classes.values()].map((c) => c[0]!.size) };
};

describe('synthetic survey generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateSurvey(7)).toEqual(generateSurvey(7));
    expect(generateSurvey(7).anggota).not.toEqual(generateSurvey(8).anggota);
  });
  it.each([undefined, 100, 1001])('keeps k >= 3 and l >= 2 by design (rows %s)', (rows) => {
    const s = generateSurvey(19940401, rows);
    if (rows) expect(s.anggota).toHaveLength(rows);
    const { sizes, diversity } = classesOf(s.anggota);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
    expect(Math.min(...diversity)).toBeGreaterThanOrEqual(2);
    const ids = new Set(s.anggota.map((m) => m.id_anggota));
    expect(ids.size).toBe(s.anggota.length);
    expect(s.kondisi.filter((k) => !ids.has(k.id_anggota))).toEqual([]);
    expect(s.wawancara.filter((w) => !ids.has(w.id_anggota))).toEqual([]);
  });
  it('gives the two groups contrasting outcomes, so charts have something to show', () => {
    const s = generateSurvey(19940401);
    const share = (g: 'A' | 'B') => {
      const m = s.anggota.filter((x) => x.kelompok === g);
      return m.filter((x) => x.status_angsuran === 'lancar').length / m.length;
    };
    expect(share('A')).toBeGreaterThan(share('B'));
    const gain = (g: 'A' | 'B') => {
      const ids = new Set(s.anggota.filter((x) => x.kelompok === g).map((x) => x.id_anggota));
      const sum = (p: string) =>
        s.kondisi
          .filter((k) => ids.has(k.id_anggota) && k.indikator === 'pendapatan' && k.periode === p)
          .reduce((a, k) => a + k.nilai, 0);
      return sum('sesudah') / sum('sebelum');
    };
    expect(gain('A')).toBeGreaterThan(gain('B'));
    expect(s.kegiatan.filter((k) => k.kelompok === 'B').at(-1)!.kehadiran_persen).toBeLessThan(
      s.kegiatan.filter((k) => k.kelompok === 'A').at(-1)!.kehadiran_persen,
    );
  });
});

describe('Indonesian Excel CSV', () => {
  it('writes BOM, semicolons, CRLF, dot thousands and decimal comma, quoting where needed', () => {
    expect(formatIdNumber(1500000)).toBe('1.500.000');
    expect(formatIdNumber(87.5)).toBe('87,5');
    expect(formatIdNumber(-1234.25)).toBe('-1.234,25');
    expect(excelHeader(['a', 'b'])).toBe('\uFEFFa;b\r\n');
    expect(excelLine(['a', 'b', 'c'], { a: 'x;y', b: 1234, c: null })).toBe('"x;y";1.234;\r\n');
  });
});
