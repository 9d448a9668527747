import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { commune, province, unit } from '../org/org.table';

/** One score band: values at or above `min` (higher-is-better) score `score`. */
export interface ScoreBand {
  min: number;
  score: number;
}

/** Columns shared by the national catalogue and a commune's own indicators. */
const indicatorColumns = {
  code: text('code').notNull(),
  /** gov | economy | society (digital government, digital economy, digital society). */
  pillar: text('pillar').notNull(),
  name: text('name').notNull(),
  /** Unit of measure shown to users: "%", "buổi", "người", "hộ" ... */
  measure: text('measure').notNull(),
  /** higher | lower: which way is better. */
  direction: text('direction').notNull(),
  /** sum | ratio | average | latest: how unit values combine (ratio: Σnumerator ÷ Σdenominator). */
  aggregation: text('aggregation').notNull(),
  /** For ratio indicators, the labels of the two parts asked for on the report form. */
  numeratorLabel: text('numerator_label'),
  denominatorLabel: text('denominator_label'),
  /** Allowed range of a reported value (ratio indicators: of the resulting percentage). */
  minValue: numeric('min_value', { mode: 'number' }),
  maxValue: numeric('max_value', { mode: 'number' }),
  /** Whole numbers only (counts). */
  integer: boolean('integer').notNull().default(false),
  scoreBands: jsonb('score_bands').$type<ScoreBand[]>(),
  evidence: text('evidence'),
  verifier: text('verifier'),
  /** report | derived: typed in unit reports, or fed by another module through the derived-value interface. */
  source: text('source').notNull().default('report'),
  /** For derived indicators, the provider key (e.g. "training.coverage"). */
  providerKey: text('provider_key'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
};

/** The national catalogue (three pillars), readable by everyone; no tenant column. */
export const indicator = pgTable(
  'indicator',
  {
    ...indicatorColumns,
    /** The unit kinds that report it unless the commune chooses otherwise (null: every kind). */
    unitKinds: text('unit_kinds').array(),
  },
  (t) => [primaryKey({ name: 'indicator_pk', columns: [t.code] })],
);

/** A commune's choice of the unit kinds that report an indicator (national or its own). */
export const indicatorUnitKinds = pgTable(
  'indicator_unit_kinds',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    indicatorCode: text('indicator_code').notNull(),
    unitKinds: text('unit_kinds').array().notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'indicator_unit_kinds_pk', columns: [t.communeId, t.indicatorCode] })],
);

/** A commune's own indicators, alongside the national ones. Codes never collide with national codes. */
export const communeIndicator = pgTable(
  'commune_indicator',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    ...indicatorColumns,
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'commune_indicator_pk', columns: [t.communeId, t.code] })],
);

/** A province-wide target per indicator and year (the top of the split). */
export const provinceTarget = pgTable(
  'province_target',
  {
    provinceId: uuid('province_id')
      .notNull()
      .references(() => province.id, { onDelete: 'restrict' }),
    indicatorCode: text('indicator_code').notNull(),
    year: integer('year').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'province_target_pk', columns: [t.provinceId, t.indicatorCode, t.year] })],
);

/** A commune's target (unit_id null) or a unit's/village's target, per indicator and year. */
export const target = pgTable(
  'target',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id'),
    indicatorCode: text('indicator_code').notNull(),
    year: integer('year').notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    /** manual | split | registration: who set it. */
    origin: text('origin').notNull().default('manual'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'target_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'target_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    uniqueIndex('target_node_uq').on(t.communeId, sql`coalesce(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.indicatorCode, t.year),
  ],
);

/**
 * Accepted figures, one per unit, indicator and period, and per source (a report, or a derived-value
 * provider). Only accepted reports write here, so everything that reads it is official.
 */
export const indicatorValue = pgTable(
  'indicator_value',
  {
    communeId: uuid('commune_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    year: integer('year').notNull(),
    /** 0 = the whole year; 1, 2 = first and second half. */
    period: integer('period').notNull().default(0),
    /** "report:<report id>" or "derived:<provider key>". */
    sourceKey: text('source_key').notNull(),
    value: numeric('value', { mode: 'number' }),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    reportId: uuid('report_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'indicator_value_pk', columns: [t.communeId, t.unitId, t.indicatorCode, t.year, t.period, t.sourceKey] }),
    foreignKey({ name: 'indicator_value_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    index('indicator_value_code_idx').on(t.communeId, t.indicatorCode, t.year),
  ],
);

/**
 * Commune totals per indicator and period, kept current in the same transaction that accepts or
 * reopens a report (live roll-up, no nightly batch). Province figures sum these rows.
 */
export const indicatorRollup = pgTable(
  'indicator_rollup',
  {
    communeId: uuid('commune_id').notNull(),
    provinceId: uuid('province_id').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    year: integer('year').notNull(),
    period: integer('period').notNull().default(0),
    sumValue: numeric('sum_value', { mode: 'number' }).notNull().default(0),
    sumNumerator: numeric('sum_numerator', { mode: 'number' }).notNull().default(0),
    sumDenominator: numeric('sum_denominator', { mode: 'number' }).notNull().default(0),
    /** How many unit values went in (for averages). */
    n: integer('n').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'indicator_rollup_pk', columns: [t.communeId, t.indicatorCode, t.year, t.period] }),
    index('indicator_rollup_province_idx').on(t.provinceId, t.indicatorCode, t.year, t.period),
  ],
);
export type IndicatorRow = typeof indicator.$inferSelect;
