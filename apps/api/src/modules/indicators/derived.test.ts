import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../../testing/harness';
import { resolveSession } from '../../platform/session';
import { makeUnit } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { AppError } from '../../platform/errors';
import { inScope, type Scope } from '../../platform/tenancy';
import { aggregateValue } from './achievement';
import { providers, recordDerivedValues, refreshDerived, registerProvider, unregisterProvider, type DerivedRow } from './derived';
import { indicatorRollup, indicatorValue } from './indicators.table';

const KEY = 'test.coverage';

describe(`derived indicator values (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let scopeA: Scope;
  let village2: string;
  /** What the test provider answers next (a stand-in for the training module's coverage query). */
  let next: DerivedRow[] = [];

  const rollup = (code: string, year = 2026, period = 0) =>
    inScope(t.database.db, scopeA, async (tx) => {
      const [r] = await tx
        .select()
        .from(indicatorRollup)
        .where(
          and(
            eq(indicatorRollup.communeId, w.a.id),
            eq(indicatorRollup.indicatorCode, code),
            eq(indicatorRollup.year, year),
            eq(indicatorRollup.period, period),
          ),
        );
      return r;
    });
  /** The moment of the run, fixed: the figures carry it. */
  const NOW = new Date('2026-06-01T02:00:00.000Z');
  const refresh = (year = 2026, period = 0) => inScope(t.database.db, scopeA, (tx) => refreshDerived(tx, w.a.id, KEY, year, period, NOW));

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    village2 = (await makeUnit(t.database.db, w.a.id, { code: 'THON-2', name: 'Thôn Bắc', kind: 'village' })).id;
    scopeA = (await resolveSession(t.database.db, (await loginAs(t, 'a.admin', PASSWORD)).token, 60))!.scope;
    registerProvider({ key: KEY, indicatorCodes: ['XH.KNS_CO_BAN', 'XH.NGUOI_DAN_DUOC_HO_TRO'], compute: async () => next });
  });
  afterAll(async () => {
    unregisterProvider(KEY);
    await t?.close();
  });

  it("records a provider's figures and rolls them up at once, ratios as Σnumerator ÷ Σdenominator", async () => {
    expect(providers().map((p) => p.key)).toContain(KEY);
    next = [
      { unitId: w.aVillage.id, indicatorCode: 'XH.KNS_CO_BAN', numerator: 10, denominator: 20 },
      { unitId: village2, indicatorCode: 'XH.KNS_CO_BAN', numerator: 20, denominator: 100 },
      { unitId: w.aVillage.id, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 35 },
      { unitId: village2, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 15 },
    ];
    await refresh();
    const skills = await rollup('XH.KNS_CO_BAN');
    expect(skills).toMatchObject({ sumNumerator: 30, sumDenominator: 120, n: 2, provinceId: w.p1.id });
    expect(aggregateValue({ aggregation: 'ratio', measure: '%' }, skills!)).toBe(25);
    expect(await rollup('XH.NGUOI_DAN_DUOC_HO_TRO')).toMatchObject({ sumValue: 50, n: 2 });
    const rows = await inScope(t.database.db, scopeA, (tx) => tx.select().from(indicatorValue).where(eq(indicatorValue.communeId, w.a.id)));
    expect(rows.every((r) => r.sourceKey === `derived:${KEY}`)).toBe(true);
    expect(rows.map((r) => r.updatedAt.toISOString())).toEqual(rows.map(() => NOW.toISOString()));
    expect(rows.find((r) => r.unitId === w.aVillage.id && r.indicatorCode === 'XH.KNS_CO_BAN')?.value).toBe(50);
  });

  it('replaces its figures for the period on the next run (no duplicates, removed units drop out)', async () => {
    next = [{ unitId: w.aVillage.id, indicatorCode: 'XH.KNS_CO_BAN', numerator: 18, denominator: 20 }];
    await refresh();
    expect(await rollup('XH.KNS_CO_BAN')).toMatchObject({ sumNumerator: 18, sumDenominator: 20, n: 1 });
    expect(await rollup('XH.NGUOI_DAN_DUOC_HO_TRO')).toBeUndefined();
    // Another period is separate.
    next = [{ unitId: village2, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 7 }];
    await refresh(2026, 1);
    expect(await rollup('XH.NGUOI_DAN_DUOC_HO_TRO', 2026, 1)).toMatchObject({ sumValue: 7, n: 1 });
    expect(await rollup('XH.KNS_CO_BAN')).toMatchObject({ sumNumerator: 18, n: 1 });
  });

  it("refuses figures it does not own or that break the indicator's rules, writing nothing", async () => {
    const attempt = (rows: DerivedRow[]) =>
      inScope(t.database.db, scopeA, (tx) => recordDerivedValues(tx, w.a.id, KEY, 2026, 0, rows, NOW)).then(
        () => null,
        (e: unknown) => e,
      );
    const fieldsOf = async (rows: DerivedRow[]) => {
      const e = await attempt(rows);
      expect(e).toBeInstanceOf(AppError);
      return (e as AppError).details!.map((d) => d.field);
    };
    expect(await fieldsOf([{ unitId: w.aVillage.id, indicatorCode: 'XH.VNEID_MUC_2', numerator: 1, denominator: 2 }])).toEqual(['rows.0.indicatorCode']);
    expect(await fieldsOf([{ unitId: w.cOffice.id, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 1 }])).toEqual(['rows.0.unitId']);
    expect(await fieldsOf([{ unitId: w.aVillage.id, indicatorCode: 'XH.KNS_CO_BAN', numerator: 5 }])).toEqual(['rows.0.denominator']);
    expect(await fieldsOf([{ unitId: w.aVillage.id, indicatorCode: 'XH.KNS_CO_BAN', numerator: 30, denominator: 20 }])).toEqual(['rows.0.numerator']);
    expect(await fieldsOf([{ unitId: w.aVillage.id, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 2.5 }])).toEqual(['rows.0.value']);
    expect(await fieldsOf([{ unitId: w.aVillage.id, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO' }])).toEqual(['rows.0.value']);
    expect(
      await fieldsOf([
        { unitId: w.aVillage.id, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 1 },
        { unitId: w.aVillage.id, indicatorCode: 'XH.NGUOI_DAN_DUOC_HO_TRO', value: 2 },
      ]),
    ).toEqual(['rows.1.unitId']);
    await expect(inScope(t.database.db, scopeA, (tx) => recordDerivedValues(tx, w.a.id, 'khong.co', 2026, 0, [], NOW))).rejects.toThrow(/Unknown/u);
    expect(await rollup('XH.KNS_CO_BAN')).toMatchObject({ sumNumerator: 18, n: 1 });
  });

  it('keeps a zero denominator as no value rather than dividing by zero', async () => {
    next = [{ unitId: w.aVillage.id, indicatorCode: 'XH.KNS_CO_BAN', numerator: 0, denominator: 0 }];
    await refresh(2027);
    const r = await rollup('XH.KNS_CO_BAN', 2027);
    expect(r).toMatchObject({ sumNumerator: 0, sumDenominator: 0, n: 1 });
    expect(aggregateValue({ aggregation: 'ratio', measure: '%' }, r!)).toBeNull();
  });
});
