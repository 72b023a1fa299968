import { describe, expect, it } from 'vitest';
import { makeCaster, numberReader } from './cast.ts';
import type { FieldSpec } from './codebook.ts';
import {
  isSuspiciousColumnName,
  mayHoldIdentifier,
  numberWithoutIdentifierCharacters,
  scanCell,
} from './disclosure.ts';
import { detectEncoding, firstInvalidUtf8 } from './decode.ts';
import { mask } from '../errors.ts';
import { suppressSmallCounts } from '../../../src/lib/disclosure.ts';

describe('numbers are read by the codebook, never guessed', () => {
  const id = numberReader({ type: 'number', decimalChar: ',', groupChar: '.', bareNumber: true });
  const intDot = numberReader({ type: 'integer', decimalChar: '.', bareNumber: true });
  it.each([
    ['1.234,5', 1234.5],
    ['1.500.000', 1500000],
    ['-2,25', -2.25],
    ['1500', 1500],
    ['0,5', 0.5],
  ])('Indonesian %s -> %d', (text, value) => expect(id(text)).toBe(value));
  it.each(['1,234.5', '1.50', '12.34.567', 'abc', '1 500'])(
    'refuses %s with decimal comma and dot groups',
    (text) => expect(id(text)).toBeUndefined(),
  );
  it('reads counts written as floats (14360.0) as integers, but not real fractions', () => {
    expect(intDot('14360.0')).toBe(14360);
    expect(intDot('2014')).toBe(2014);
    expect(intDot('14360.5')).toBeUndefined();
  });
  it('strips text around a number only with bareNumber: false', () => {
    const loose = numberReader({ type: 'integer', decimalChar: ',', groupChar: '.', bareNumber: false });
    expect(loose('Rp 1.500')).toBe(1500);
    expect(id('Rp 1.500')).toBeUndefined();
  });
  it('says in the hint what to change in the codebook for the number forms exports take', () => {
    const field = (o: Partial<FieldSpec>): FieldSpec => ({
      name: 'x',
      type: 'integer',
      label: { id: 'x', en: 'x' },
      role: 'other',
      constraints: {},
      missingValues: [''],
      decimalChar: '.',
      bareNumber: true,
      trueValues: [],
      falseValues: [],
      raw: {},
      ...o,
    });
    const hint = (o: Partial<FieldSpec>, text: string) => makeCaster(field(o)).explain(text).hint;
    expect(hint({}, '2.013')).toContain("decimalChar: ',' and groupChar: '.'");
    expect(hint({ groupChar: '.' }, '750.000,50')).toContain('also has a fraction');
    expect(hint({ decimalChar: ',', groupChar: '.' }, '750.000,50')).toContain('has a fraction');
    expect(hint({}, '85,783')).toContain("groupChar: ','");
    expect(hint({ type: 'number', decimalChar: ',' }, '87,5%')).toContain('bareNumber: false');
    expect(hint({}, '-')).toContain("missingValues: ['', '-']");
    expect(hint({}, '#N/A')).toContain('Excel error value');
    expect(hint({ groupChar: '.' }, '(1.500)')).toContain('negative numbers');
    expect(hint({ groupChar: ' ' }, '85\u202f783')).toContain('groupChar: "\\u202f"');
    expect(hint({ type: 'date' }, '01/06/2013')).toContain("format: '%d/%m/%Y'");
    // Whole numbers are described by their thousands; a number given one character for both is told to split them.
    expect(hint({ groupChar: '.' }, 'NA')).toContain('write whole numbers with "." between thousands');
    expect(hint({ type: 'number', groupChar: '.' }, 'NA')).toContain(
      "both before decimals and between thousands: set decimalChar: ','",
    );
  });
});

describe('identifier scan', () => {
  it.each([
    ['3171044501900001', 'nik'],
    ['31 71 04 450190 0001', 'nik'],
    ['3,17104E+15', 'nik'],
    ['3.17104E+15', 'nik'],
    ['081234567890', 'phone'],
    ['+62 812-3456-7890', 'phone'],
    ['81234567890', 'phone'],
    ['(021) 390-1234', 'phone'],
    ['telp 021-3904567', 'phone'],
    ['NIK 3171 0445 0190 0001', 'nik'],
    ['09.254.294.3-407.000', 'npwp'],
    ['ani@contoh.id', 'email'],
    ['Jl. Paseban Raya No. 71', 'address'],
    ['Gg. Mawar', 'address'],
    ['RT.3/RW.7', 'address'],
  ])('%s is a %s', (text, kind) => expect(scanCell(text)?.kind).toBe(kind));
  it.each([
    'pindah ke gang sebelah',
    'P. PANGGANG',
    'KEP. SERIBU UTR',
    '14360.0',
    '1.250.000,5',
    'Jagakarsa ',
    'A01',
    '2014',
    'tahun 2013 2014 2015 2016',
    '1995 1996 1997 1998',
  ])('%s is not an identifier', (text) => expect(scanCell(text)).toBeUndefined());
  it('skips the scan only on numbers in which it cannot find anything', () => {
    // Every field the number shortcut applies to, by type and marks.
    const fields = (
      [
        ['integer', '.', undefined],
        ['integer', ',', '.'],
        ['integer', '.', ','],
        ['integer', '.', ' '],
        ['number', '.', undefined],
        ['number', ',', '.'],
        ['number', '.', ','],
        ['year', '.', undefined],
        ['year', ',', undefined],
      ] as const
    ).map(
      ([type, decimalChar, groupChar]) =>
        ({
          name: 'x',
          type,
          decimalChar,
          groupChar,
          bareNumber: true,
          missingValues: ['', '-'],
          trueValues: [],
          falseValues: [],
          constraints: {},
        }) as unknown as FieldSpec,
    );
    expect(fields.every(numberWithoutIdentifierCharacters)).toBe(true);
    expect(numberWithoutIdentifierCharacters({ type: 'integer', decimalChar: ',', bareNumber: false })).toBe(
      false,
    );
    expect(numberWithoutIdentifierCharacters({ type: 'number', decimalChar: 'd', bareNumber: true })).toBe(
      false,
    );
    expect(numberWithoutIdentifierCharacters({ type: 'string', decimalChar: '.', bareNumber: true })).toBe(
      false,
    );
    expect(numberWithoutIdentifierCharacters({ type: 'year', decimalChar: 'x', bareNumber: true })).toBe(
      false,
    );
    // The identifiers of the scan's own tests and fixtures, then numbers of
    // every shape drawn from the characters a number may hold.
    const texts = [
      '3171044501900001',
      '31 71 04 450190 0001',
      '3,17104E+15',
      '3.17104E+15',
      '3,5E+15',
      '3171044501900000',
      '081234567890',
      '81234567890',
      '6281234567890',
      '+6281234567890',
      '09.254.294.3-407.000',
      '2014',
      '2014.0',
      '2014,00',
      ' 12.345.678 ',
      '1.250.000,5',
    ];
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = '0123456789012345678901234567890123456789.,+-eE ';
    for (let i = 0; i < 20_000; i++) {
      const n = 5 + Math.floor(random() * 14);
      let t = '';
      for (let j = 0; j < n; j++) t += alphabet[Math.floor(random() * alphabet.length)];
      texts.push(t);
    }
    let skipped = 0;
    let found = 0;
    for (const f of fields) {
      const caster = makeCaster(f);
      for (const text of texts) {
        if (typeof caster.read(text) !== 'number') continue;
        if (mayHoldIdentifier(text, f.type === 'number')) {
          if (scanCell(text)) found++;
          continue;
        }
        skipped++;
        expect(scanCell(text), `${f.type} ${f.decimalChar}${f.groupChar ?? ''} "${text}"`).toBeUndefined();
      }
    }
    // Both sides are exercised: numbers that are skipped, and numbers that
    // are identifiers and still scanned.
    expect(skipped).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(10);
  });
  it('flags identifying column names, not place names or counts', () => {
    for (const n of [
      'nama',
      'Nama Lengkap',
      'alamat_rumah',
      'NIK',
      'no_kk',
      'no_hp',
      'email',
      'npwp',
      'tgl_lahir',
      'no_telp_hp',
      'no_wa',
      'whatsapp',
      'nama_lengkap_responden',
      'nama_ketua_kelompok',
      'tanggal_lahir_responden',
      'email_responden',
      'no_rekening',
      'nomor_kk',
    ])
      expect(isSuspiciousColumnName(n), n).toBe(true);
    for (const n of [
      'nama_kelurahan',
      'nama_kecamatan',
      'nama_kabupaten/kota',
      'nama_kabupaten_atau_kota_administrasi',
      'nama_usaha',
      'jumlah_kk',
      'kelompok',
      'id_anggota',
      'laki-laki_wni',
    ])
      expect(isSuspiciousColumnName(n), n).toBe(false);
  });
  it('masks what it reports', () => {
    expect(mask('3171044501900001')).toBe('31••••••••••••01');
    expect(mask('0812')).toBe('••••');
  });
});

describe('encodings', () => {
  it('lets the byte order mark decide, then the declaration', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'windows-1252')).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({
      encoding: 'utf-16le',
      bomLength: 2,
    });
    expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({
      encoding: 'utf-16be',
      bomLength: 2,
    });
    expect(detectEncoding(new Uint8Array([0x61]), 'cp1252')).toEqual({
      encoding: 'windows-1252',
      bomLength: 0,
    });
    expect(detectEncoding(new Uint8Array([0x61]), 'ebcdic')).toMatchObject({
      error: expect.stringContaining('ebcdic'),
    });
  });
  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(Buffer.from('aé€😀'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xe9, 0x63]))).toBe(2);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
  });
});

describe('suppression of small aggregates', () => {
  it('withholds counts under k but keeps zeros and larger counts', () => {
    const cells = [
      { group: 'a', count: 0 },
      { group: 'b', count: 2 },
      { group: 'c', count: 3 },
    ];
    expect(suppressSmallCounts(cells)).toEqual([
      { group: 'a', count: 0, suppressed: false },
      { group: 'b', count: null, suppressed: true },
      { group: 'c', count: 3, suppressed: false },
    ]);
    expect(suppressSmallCounts(cells, 5).map((c) => c.suppressed)).toEqual([false, true, true]);
  });
});

describe('StringSet', { timeout: 30_000 }, () => {
  it('behaves as a Set of strings through growth, collisions and unicode', async () => {
    const { StringSet } = await import('../string-set.ts');
    const s = new StringSet();
    const ref = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const v = i % 7 === 0 ? `é${i % 1000}` : `A${(i * 7919) % 30_000}`;
      expect(s.add(v)).toBe(!ref.has(v));
      ref.add(v);
    }
    expect(s.size).toBe(ref.size);
    expect(s.has('A1')).toBe(ref.has('A1'));
    expect(s.has('nope')).toBe(false);
    expect(s.add('')).toBe(true);
    expect(s.add('')).toBe(false);
  });
  it('keeps consecutive codes as ranges and agrees with a Set through gaps, new prefixes, repeats and disorder', async () => {
    const { StringSet } = await import('../string-set.ts');
    let seed = 5;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 40; round++) {
      const s = new StringSet();
      const ref = new Set<string>();
      const prefixes = ['A', 'B', 'RT', '', 'x-', '31710'];
      let prefix = prefixes[round % prefixes.length]!;
      let width = 1 + (round % 16);
      let n = Math.floor(random() * 50);
      const keys: string[] = [];
      for (let i = 0; i < 3000; i++) {
        const r = random();
        // Mostly the next code; now and then a gap, a new prefix or width,
        // and in the later rounds a repeat of an earlier key or a key that
        // sorts after codes still to come.
        const disorder = round < 20 ? 0 : round - 19;
        if (r < 0.0015 * disorder) keys.push(keys[Math.floor(random() * keys.length)] ?? 'z');
        else if (r < 0.002 * disorder) keys.push(`${prefix}${'9'.repeat(width)}z`);
        else {
          if (r > 0.995) n += 2 + Math.floor(random() * 5);
          else if (r > 0.993) [prefix, width, n] = [`${prefix}B`, 1 + Math.floor(random() * 16), 0];
          else n++;
          keys.push(prefix + String(n).padStart(width, '0'));
        }
      }
      for (const k of keys) {
        expect(s.add(k), k).toBe(!ref.has(k));
        ref.add(k);
      }
      expect(s.size).toBe(ref.size);
      const probes = [...keys, '', 'A', 'A1', 'A01', 'A001x', 'B0', 'RT10', '319'];
      for (const k of keys.slice(0, 200))
        probes.push(k + '0', k.slice(1), k.slice(0, -1), k.replace(/\d$/, '٣'));
      for (const k of probes) expect(s.has(k), k).toBe(ref.has(k));
    }
  });
  it('keeps a million consecutive codes without storing them', { timeout: 30_000 }, async () => {
    const { StringSet } = await import('../string-set.ts');
    const s = new StringSet();
    // One assertion over the million adds: a million expect() calls would cost more than the set.
    let refused = 0;
    for (let i = 1; i <= 1_000_000; i++) if (!s.add(`A${String(i).padStart(7, '0')}`)) refused++;
    expect(refused).toBe(0);
    expect(s.add('A0000001')).toBe(false);
    expect(s.size).toBe(1_000_000);
    expect([
      s.has('A0500000'),
      s.has('A1000000'),
      s.has('A1000001'),
      s.has('A500000'),
      s.has('B0000001'),
    ]).toEqual([true, true, false, false, false]);
  });
  it('keeps ascending keys as a sorted run, then moves them into the hash table on the first key out of order', async () => {
    const { StringSet } = await import('../string-set.ts');
    const s = new StringSet();
    const ref = new Set<string>();
    const keys = Array.from({ length: 5000 }, (_, i) => `B${String(i * 3).padStart(5, '0')}`);
    for (const k of keys) {
      expect(s.add(k)).toBe(true);
      ref.add(k);
    }
    expect(s.add(keys.at(-1)!)).toBe(false);
    for (const k of ['B00003', 'B00004', 'B1', 'A', '', 'B', 'B00000x', keys[0]!, keys.at(-1)!])
      expect(s.has(k)).toBe(ref.has(k));
    // Out of order: a duplicate from the middle, then new keys before and after.
    expect(s.add('B00300')).toBe(false);
    for (const k of ['B00301', 'A0', 'C', 'B00300', 'é', '']) {
      expect(s.add(k)).toBe(!ref.has(k));
      ref.add(k);
    }
    expect(s.size).toBe(ref.size);
    for (const k of [...keys, 'B00301', 'A0', 'é', '', 'B00302', 'zz']) expect(s.has(k)).toBe(ref.has(k));
  });
});
