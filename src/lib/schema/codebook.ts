/**
 * The codebook format, defined once: a Frictionless Data Package v2
 * descriptor (YAML or JSON) whose standard properties carry the Indonesian
 * text and whose `paseban:*` properties add English, question wording,
 * units, disclosure roles and the synthetic origin (data/README.md is the
 * researcher's account of it). `codebook` validates a descriptor and gives
 * every problem a path; `toDatasetSpec` turns a valid one into the model
 * the data build uses. The types of both come from here: `CodebookInput` is
 * what a researcher writes, `DatasetSpec` what the build receives.
 *
 * Unknown properties are kept, not refused: the standard allows any, and
 * they are published with the descriptor. Problems are reported in the
 * order of the properties here (then each object's own rules, then the
 * cross-references), the order the check has always reported them in.
 */
import { z } from 'astro/zod';
import { DEFAULT_DISCLOSURE } from '../disclosure.ts';

export const NS = 'paseban:';

export const fieldTypes = ['string', 'integer', 'number', 'boolean', 'date', 'year'] as const;
export const roles = ['direct-identifier', 'quasi-identifier', 'sensitive', 'other'] as const;

export const fieldType = z.enum(fieldTypes, {
  error: (iss) => `unknown type "${String(iss.input)}"; use one of ${fieldTypes.join(', ')}`,
});
/** Disclosure role declared in the codebook (`paseban:role`). */
export const disclosureRole = z.enum(roles, {
  error: (iss) => `unknown disclosure role "${String(iss.input)}"; use one of ${roles.join(', ')}`,
});
export type FieldType = z.output<typeof fieldType>;
export type DisclosureRole = z.output<typeof disclosureRole>;

const bilingualMessage = 'must be { id: <Indonesian>, en: <English> }';
/** A text in Indonesian and English, given together (`paseban:question`, `paseban:unit`, changes). */
export const bilingual = z.object(
  { id: z.string({ error: bilingualMessage }), en: z.string({ error: bilingualMessage }) },
  { error: bilingualMessage },
);

/** Data Package `licenses`, `sources`, `contributors`: published as written, read by the site. */
export const license = z.looseObject({
  name: z.string().optional(),
  path: z.string().optional(),
  title: z.string().optional(),
});
export const source = z.looseObject({ title: z.string(), path: z.string().optional() });
export const contributor = z.looseObject({
  title: z.string(),
  roles: z.array(z.string()).optional(),
  path: z.string().optional(),
});

/** Hints travel with an issue in its `params`; the check prints them below the message. */
const withHint = (message: string, hint: string) => ({ message, params: { hint } });
/** An object's own rules run even where one of its properties already failed, so one run lists every problem. */
const always = { when: () => true };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * A text given in both languages: `key` in Indonesian beside `paseban:<key>En`
 * in English (`title` / `paseban:titleEn`). The standard has one `title`;
 * the English one is this project's addition, so the pair is checked
 * together and reported at the Indonesian key.
 */
const inBothLanguages = (key: string, required: boolean) => (o: unknown, ctx: z.RefinementCtx) => {
  if (!isObj(o)) return;
  const idText = o[key];
  const enText = o[`${NS}${key}En`];
  if (idText === undefined && enText === undefined) {
    if (required)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `"${key}" (Indonesian) and "${NS}${key}En" (English) are required`,
      });
  } else if (typeof idText !== 'string' || typeof enText !== 'string')
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `both "${key}" (Indonesian) and "${NS}${key}En" (English) must be given as text`,
    });
};
/**
 * One text of such a pair: any value passes here, so a wrong one is reported
 * once, by `inBothLanguages`, which reads both keys as written.
 */
const pairText = z.custom<string>().optional();

const code = z.union([z.string(), z.number()], { error: 'must be text or a number' });
/** A Table Schema list that may also be written as one name (`primaryKey: id`). */
const nameOrNames = z.union([z.string(), z.array(z.string())], {
  error: 'must be a field name or a list of them',
});

/** A category: its value alone (`L`), or `{ value, label, paseban:labelEn, paseban:unit }`. */
export const category = z.preprocess(
  (c) => (typeof c === 'string' || typeof c === 'number' ? { value: c } : c),
  z
    .looseObject(
      {
        value: z.union([z.string(), z.number(), z.boolean()], { error: 'each category needs a value' }),
        label: pairText,
        'paseban:labelEn': pairText,
        'paseban:unit': bilingual.optional(),
      },
      { error: 'each category needs a value' },
    )
    .superRefine(inBothLanguages('label', false), always),
);

export const constraints = z.looseObject({
  required: z.boolean().optional(),
  unique: z.boolean().optional(),
  enum: z.array(code).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.int().min(0).optional(),
  maxLength: z.int().min(0).optional(),
  pattern: z
    .string()
    .refine((p) => {
      try {
        new RegExp(p, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'is not a valid regular expression')
    .optional(),
});

export const field = z
  .looseObject(
    {
      name: z.string({ error: 'each field needs a name' }).min(1, 'each field needs a name'),
      type: fieldType.default('string'),
      format: z.string().optional(),
      title: pairText,
      'paseban:titleEn': pairText,
      description: pairText,
      'paseban:descriptionEn': pairText,
      'paseban:question': bilingual.optional(),
      'paseban:unit': bilingual.optional(),
      'paseban:role': disclosureRole.default('other'),
      /**
       * The field's column in the delivered file (1 = first), when the codebook
       * addresses it by position rather than by its header name.
       */
      'paseban:column': z
        .int({
          error: 'must be the position of the column in the file: 1 for the first, 2 for the second, …',
        })
        .min(1, 'must be the position of the column in the file: 1 for the first, 2 for the second, …')
        .optional(),
      categories: z.array(category, { error: 'must be a list' }).optional(),
      constraints: constraints.default({}),
      missingValues: z.array(code).optional(),
      decimalChar: z.string().default('.'),
      groupChar: z.string().optional(),
      bareNumber: z.boolean().default(true),
      trueValues: z.array(code).default(['true', 'True', 'TRUE', '1']),
      falseValues: z.array(code).default(['false', 'False', 'FALSE', '0']),
    },
    { error: 'each field needs a name' },
  )
  .superRefine(inBothLanguages('title', true), always)
  .superRefine(inBothLanguages('description', false), always);

const positionMessage = 'must list the rows of the header, counted from 1 and in order, e.g. [1, 2]';

/** Table Dialect v2: how the delivered file is written. */
export const dialect = z.looseObject({
  delimiter: z
    .string({ error: 'must be one character, e.g. ";" or ","' })
    .refine((s) => [...s].length === 1, 'must be one character, e.g. ";" or ","')
    .default(','),
  quoteChar: z.string().default('"'),
  header: z
    .boolean()
    .refine(
      (h) => h,
      withHint(
        'a file without a header row cannot be read: the header names the columns',
        'Add a header row to the file, or leave out "header" (a header row is the default).',
      ),
    )
    .optional(),
  /**
   * The rows of the file (1 = first) whose cells, joined per column with
   * `headerJoin`, make the header (a heading above its sub-headings); rows
   * above it (a title) are skipped. Absent: the first row that is not empty.
   */
  headerRows: z
    .array(z.unknown(), { error: positionMessage })
    .refine(
      (hr): hr is number[] =>
        hr.length > 0 &&
        hr.every(
          (n, i) =>
            Number.isInteger(n) && (n as number) >= 1 && (i === 0 || (n as number) > (hr[i - 1] as number)),
        ),
      withHint(
        positionMessage,
        'Row numbers are the line numbers a text editor shows (the first line is 1).',
      ),
    )
    .optional(),
  headerJoin: z.string({ error: 'must be text, e.g. " " (the default) or "_"' }).default(' '),
});

export const foreignKey = z.looseObject(
  {
    fields: nameOrNames,
    reference: z.looseObject(
      { resource: z.string().optional(), fields: nameOrNames },
      { error: 'needs fields and reference { resource, fields }' },
    ),
  },
  { error: 'needs fields and reference { resource, fields }' },
);

/** Table Schema v2. */
export const tableSchema = z.looseObject(
  {
    /**
     * `equal`: every column of the file is a field of the codebook (empty
     * columns without a name aside); `subset`: columns the codebook does not
     * describe are left out.
     */
    fieldsMatch: z
      .enum(['equal', 'subset'], {
        error: (iss) =>
          `"${String(iss.input)}" is not read here; use equal (every column is described, the default) or subset (columns not described are left out)`,
      })
      .default('equal'),
    missingValues: z.array(code).default(['']),
    fields: z.array(field, { error: "list the table's columns" }).min(1, "list the table's columns"),
    primaryKey: nameOrNames.optional(),
    foreignKeys: z.array(foreignKey).default([]),
  },
  { error: "list the table's columns" },
);

export const resource = z
  .looseObject(
    {
      name: z
        .string({ error: 'a table name is required: lower case letters, digits, "-", "_" or "."' })
        .regex(
          /^[a-z0-9][a-z0-9._-]*$/,
          'a table name is required: lower case letters, digits, "-", "_" or "."',
        ),
      /** File name of the delivered CSV, relative to the dataset folder. */
      path: z
        .string({ error: 'must be the file name of the CSV in the dataset folder' })
        .refine(
          (p) => !p.includes('/') && !p.startsWith('.'),
          'must be the file name of the CSV in the dataset folder',
        ),
      title: pairText,
      'paseban:titleEn': pairText,
      description: pairText,
      'paseban:descriptionEn': pairText,
      /** Declared encoding (`utf-8`, `utf-16`, `windows-1252`); UTF-8 when absent. */
      encoding: z.string().optional(),
      dialect: dialect.default({ delimiter: ',', quoteChar: '"', headerJoin: ' ' }),
      schema: tableSchema,
    },
    { error: 'must be a mapping' },
  )
  .superRefine(inBothLanguages('title', true), always)
  .superRefine(inBothLanguages('description', false), always);

const descriptionLength = (key: string) => (o: unknown, ctx: z.RefinementCtx) => {
  // The dataset page describes it to search engines as a schema.org Dataset,
  // whose description must be 50 to 5000 characters long (in each language).
  if (!isObj(o) || typeof o[key] !== 'string') return;
  const n = o[key].trim().replace(/\s+/g, ' ').length;
  if (n < 50 || n > 5000)
    ctx.addIssue({
      code: 'custom',
      path: [key],
      ...withHint(
        `has ${n} characters; a dataset description needs 50 to 5000`,
        'Say in a few sentences what the data is, who collected it, where and when.',
      ),
    });
};

const atLeastDefault = (key: 'k' | 'l') =>
  z
    .custom<number>(
      (v) => Number.isInteger(v) && (v as number) >= DEFAULT_DISCLOSURE[key],
      withHint(
        `${key} must be a whole number of at least ${DEFAULT_DISCLOSURE[key]}`,
        `A dataset may raise ${key}, not lower it.`,
      ),
    )
    .default(DEFAULT_DISCLOSURE[key]);

export const changelogEntry = z.looseObject(
  { version: z.string({ error: 'needs version and changes { id, en }' }), changes: bilingual },
  { error: 'needs version and changes { id, en }' },
);

/** The codebook as written, validated: every rule except those about the folder it sits in. */
export const codebook = z
  .looseObject(
    {
      name: z.string({ error: 'must be the dataset id, the folder name' }),
      version: z
        .string({ error: 'must be a version like "1.0.0" (in quotes is fine)' })
        .regex(/^\d+\.\d+\.\d+$/, 'must be a version like "1.0.0" (in quotes is fine)'),
      title: pairText,
      'paseban:titleEn': pairText,
      description: pairText,
      'paseban:descriptionEn': pairText,
      keywords: z.array(z.string()).default([]),
      licenses: z
        .array(license, { error: 'at least one licence is required' })
        .min(1, 'at least one licence is required'),
      sources: z
        .array(source, { error: 'at least one source is required' })
        .min(1, 'at least one source is required'),
      contributors: z.array(contributor).default([]),
      'paseban:synthetic': z.union(
        [z.literal(false), z.object({ generator: z.string(), seed: z.number() })],
        {
          error: (iss) =>
            iss.input === undefined
              ? 'say whether the data is synthetic: false, or { generator, seed }'
              : 'must be false or { generator: <script>, seed: <number> }',
        },
      ),
      'paseban:disclosure': z
        .looseObject(
          { k: atLeastDefault('k'), l: atLeastDefault('l') },
          {
            error: 'must be { k: <number>, l: <number> }',
          },
        )
        .default({ ...DEFAULT_DISCLOSURE }),
      'paseban:changelog': z
        .array(changelogEntry, {
          error: 'list at least the current version: - version: 1.0.0, changes: { id, en }',
        })
        .min(1, 'list at least the current version: - version: 1.0.0, changes: { id, en }'),
      resources: z.array(resource, { error: 'list at least one table' }).min(1, 'list at least one table'),
    },
    { error: 'the codebook must be a mapping (key: value)' },
  )
  .superRefine(inBothLanguages('title', true), always)
  .superRefine(inBothLanguages('description', true), always)
  .superRefine(descriptionLength('description'), always)
  .superRefine(descriptionLength(`${NS}descriptionEn`), always)
  .superRefine(crossReferences, always);

/** What a researcher writes. */
export type CodebookInput = z.input<typeof codebook>;
/** The validated descriptor, defaults filled in. */
export type Codebook = z.output<typeof codebook>;

const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const names = (x: unknown): string[] => (typeof x === 'string' ? [x] : list(x).map(String));

/**
 * The rules that relate one part of the codebook to another: names listed
 * once, keys naming existing fields and tables, the changelog covering the
 * current version. Run on whatever the document holds, so they read it
 * defensively.
 */
function crossReferences(d: unknown, ctx: z.RefinementCtx): void {
  if (!isObj(d)) return;
  const problem = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const changelog = list(d['paseban:changelog']);
  if (
    typeof d.version === 'string' &&
    changelog.length &&
    changelog.every((e) => isObj(e) && typeof e.version === 'string') &&
    !changelog.some((e) => isObj(e) && e.version === d.version)
  )
    problem(['paseban:changelog'], `has no entry for the current version ${d.version}`);

  const tables = list(d.resources).map((r) => (isObj(r) ? r : {}));
  const fieldsOf = (r: Obj) =>
    list(isObj(r.schema) ? r.schema.fields : undefined).map((f) => (isObj(f) ? f : {}));
  tables.forEach((r, ri) => {
    const schema = isObj(r.schema) ? r.schema : {};
    const sp = ['resources', ri, 'schema'];
    const seen = new Set<string>();
    const byPosition = new Map<number, string>();
    fieldsOf(r).forEach((f, fi) => {
      if (typeof f.name !== 'string' || f.name === '') return;
      if (seen.has(f.name)) problem([...sp, 'fields', fi, 'name'], `field "${f.name}" is listed twice`);
      seen.add(f.name);
      const column = f['paseban:column'];
      if (!Number.isInteger(column) || (column as number) < 1) return;
      const other = byPosition.get(column as number);
      if (other !== undefined)
        problem(
          [...sp, 'fields', fi, `${NS}column`],
          `column ${String(column)} is already the field "${other}"`,
        );
      byPosition.set(column as number, f.name);
    });
    for (const k of names(schema.primaryKey))
      if (!seen.has(k)) problem([...sp, 'primaryKey'], `names "${k}", which is not a field of this table`);
    list(schema.foreignKeys).forEach((fk, ki) => {
      const kp = [...sp, 'foreignKeys', ki];
      if (!isObj(fk) || !isObj(fk.reference)) return;
      const own = names(fk.fields);
      const ref = names(fk.reference.fields);
      for (const k of own)
        if (!seen.has(k)) problem([...kp, 'fields'], `names "${k}", which is not a field of this table`);
      if (own.length !== ref.length || own.length === 0)
        problem(kp, 'fields and reference.fields must list the same number of fields');
      // Foreign keys must point at a table and fields that exist.
      const resource = typeof fk.reference.resource === 'string' ? fk.reference.resource : r.name;
      const target = tables.find((t) => t.name === resource);
      if (!target)
        problem(
          [...kp, 'reference'],
          `points at table "${String(resource)}", which this codebook does not have`,
        );
      else
        for (const k of ref)
          if (!fieldsOf(target).some((f) => f.name === k))
            problem([...kp, 'reference'], `points at "${String(resource)}.${k}", which is not a field`);
    });
  });
  const tableNames = tables.map((t) => t.name);
  tableNames.forEach(
    (n, i) =>
      typeof n === 'string' &&
      tableNames.indexOf(n) !== i &&
      problem(['resources', i, 'name'], `table "${n}" is listed twice`),
  );
}

type Authored = Record<string, unknown>;
const both = (o: Obj, key: string) => {
  const id = o[key];
  const en = o[`${NS}${key}En`];
  return typeof id === 'string' && typeof en === 'string' ? { id: id.trim(), en: en.trim() } : undefined;
};
const strings = (xs: (string | number)[]) => xs.map(String);

/**
 * The same object without its undefined values, typed with those keys
 * optional (`description?:`), as the model's readers expect.
 */
function defined<T extends Obj>(
  o: T,
): { [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined> } & {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

function toField(
  f: Codebook['resources'][number]['schema']['fields'][number],
  table: Codebook['resources'][number]['schema'],
  authored: Authored,
) {
  return {
    name: f.name,
    type: f.type,
    label: both(f, 'title')!,
    role: f['paseban:role'],
    constraints: f.constraints,
    /** Codes that mean "missing" in the delivered file: the field's own, else the table's. */
    missingValues: strings(f.missingValues ?? table.missingValues),
    decimalChar: f.decimalChar,
    bareNumber: f.bareNumber,
    trueValues: strings(f.trueValues),
    falseValues: strings(f.falseValues),
    ...defined({
      format: f.format,
      description: both(f, 'description'),
      /** The question as asked, where the variable comes from a questionnaire. */
      question: f['paseban:question'],
      unit: f['paseban:unit'],
      categories: f.categories?.map((c) => ({
        value: String(c.value),
        label: both(c, 'label') ?? { id: String(c.value), en: String(c.value) },
        ...defined({ unit: c['paseban:unit'] }),
      })),
      groupChar: f.groupChar,
      /** The field's column in the delivered file, when the codebook gives it by position. */
      column: f['paseban:column'],
    }),
    /**
     * The field as written in the codebook, for the published descriptor.
     * How the delivered file is read is not published: the published CSV has its own columns.
     */
    raw: Object.fromEntries(Object.entries(authored).filter(([k]) => k !== 'paseban:column')),
  };
}

function toTable(r: Codebook['resources'][number], authored: Authored) {
  const authoredSchema = authored.schema as Authored;
  const fields = r.schema.fields.map((f, i) =>
    toField(f, r.schema, (authoredSchema.fields as Authored[])[i]!),
  );
  return {
    name: r.name,
    path: r.path,
    label: both(r, 'title')!,
    ...defined({
      description: both(r, 'description'),
      encoding: r.encoding,
      headerRows: r.dialect.headerRows,
    }),
    delimiter: r.dialect.delimiter,
    quoteChar: r.dialect.quoteChar,
    headerJoin: r.dialect.headerJoin,
    fieldsMatch: r.schema.fieldsMatch,
    fields,
    primaryKey: r.schema.primaryKey === undefined ? [] : names(r.schema.primaryKey),
    foreignKeys: r.schema.foreignKeys.map((fk) => ({
      fields: names(fk.fields),
      reference: { resource: fk.reference.resource ?? r.name, fields: names(fk.reference.fields) },
    })),
    raw: { ...authored, schema: { ...authoredSchema, fields: fields.map((f) => f.raw) } },
  };
}

/**
 * The build's model of a dataset from a valid codebook: bilingual texts
 * paired, defaults filled in, keys as lists. `authored` is the same
 * descriptor as written (before validation), kept for the published
 * `datapackage.json` so it keeps the author's order and properties.
 */
export function toDatasetSpec(d: Codebook, authored: Authored) {
  const resources = authored.resources as Authored[];
  return {
    /** The dataset id: the folder name, which `name` must equal. */
    id: d.name,
    version: d.version,
    label: both(d, 'title')!,
    description: both(d, 'description')!,
    keywords: d.keywords,
    licenses: d.licenses,
    sources: d.sources,
    contributors: d.contributors,
    synthetic: d['paseban:synthetic'],
    disclosure: { k: d['paseban:disclosure'].k, l: d['paseban:disclosure'].l },
    changelog: d['paseban:changelog'].map((e) => ({
      version: e.version,
      changes: e.changes,
    })),
    tables: d.resources.map((r, i) => toTable(r, resources[i]!)),
    /** The descriptor as written (for the published datapackage.json). */
    raw: authored,
  };
}

export type DatasetSpec = ReturnType<typeof toDatasetSpec>;
export type TableSpec = DatasetSpec['tables'][number];
export type FieldSpec = TableSpec['fields'][number];
export type CategorySpec = NonNullable<FieldSpec['categories']>[number];
export type Constraints = FieldSpec['constraints'];
export type ChangelogEntry = DatasetSpec['changelog'][number];
export type ForeignKey = TableSpec['foreignKeys'][number];
