// @vitest-environment node
// The contract table (tests/contract/cases.json) against the fake backend, with the same
// semantics as the engine's runner (tests/engine/contract.rs), so the fake the UI tests use
// cannot drift from the engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeBackend } from './fake';
import { isErrorDto, listQuery, type Backend, type InsightsQuery, type ListQuery, type ReportRequest, type NewRecord, type SearchQuery, type UpdateRecord } from './index';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Step {
  call: string;
  args: Json;
  save?: string;
  expect?: { [key: string]: Json };
}

interface Case {
  name: string;
  steps: Step[];
}

const table = JSON.parse(
  readFileSync(new URL('../../../../tests/contract/cases.json', import.meta.url), 'utf8'),
) as { about: string; cases: Case[] };

/** Calls the Backend method a step names, with its args as the UI passes them. */
const CALLS = {
  addRecord: (b, a) => b.addRecord(a as unknown as NewRecord),
  updateRecord: (b, a) => b.updateRecord(a as unknown as UpdateRecord),
  getRecord: (b, a) => b.getRecord(a as string),
  trashRecord: (b, a) => b.trashRecord(a as string),
  restoreRecord: (b, a) => b.restoreRecord(a as string),
  purgeRecord: async (b, a) => {
    await b.purgeRecord(a as string);
    return null;
  },
  listRecords: (b, a) => b.listRecords(listQuery(a as Partial<ListQuery>)),
  searchRecords: (b, a) => b.searchRecords(a as unknown as SearchQuery),
  listSkills: (b, a) => b.listSkills(a as boolean),
  listTrackers: (b, a) => b.listTrackers(a as boolean),
  assessmentTrend: (b, a) => b.assessmentTrend(a as string),
  diaryWeek: (b, a) => b.diaryWeek(a as string),
  insights: (b, a) => b.insights(a as unknown as InsightsQuery),
  reportPreview: (b, a) => b.reportPreview(a as unknown as ReportRequest),
} satisfies Partial<Record<keyof Backend, (b: Backend, args: Json) => Promise<unknown>>>;

/** "$name" (or "$name[:N]", its first N characters) in any string becomes the saved id. */
function substitute(v: Json, saved: Map<string, string>): Json {
  if (typeof v === 'string' && v.startsWith('$')) {
    const [name, rest] = v.slice(1).split('[:');
    const id = saved.get(name);
    if (id === undefined) throw new Error(`${name} is saved by an earlier step`);
    return rest === undefined ? id : id.slice(0, Number(rest.replace(/\]$/, '')));
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, saved));
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, saved)]));
  }
  return v;
}

const show = (v: unknown) => JSON.stringify(v);

/** Every key of `want` matches in `got`, recursively; arrays element by element. */
function matches(got: unknown, want: Json, path: string): string | null {
  if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return `${path} is ${show(got)}, want ${show(want)}`;
    for (const [k, w] of Object.entries(want)) {
      if (!Object.hasOwn(got, k)) return `${path}.${k} is missing`;
      const why = matches((got as Record<string, unknown>)[k], w, `${path}.${k}`);
      if (why) return why;
    }
    return null;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return `${path} is ${show(got)}, want ${show(want)}`;
    if (got.length !== want.length) return `${path} has ${got.length} items, want ${want.length}`;
    for (let i = 0; i < want.length; i++) {
      const why = matches(got[i], want[i], `${path}[${i}]`);
      if (why) return why;
    }
    return null;
  }
  return got === want ? null : `${path} is ${show(got)}, want ${show(want)}`;
}

const skillNames = (got: unknown) => (got as { body: { name: string } }[]).map((r) => r.body.name);

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function check(got: Outcome, expect: { [key: string]: Json }): string | null {
  if ('error' in expect) {
    if (got.ok) return `succeeded with ${show(got.value)}, want error ${show(expect.error)}`;
    if (!isErrorDto(got.error)) return `threw ${String(got.error)}, not an ErrorDto`;
    return matches(got.error, expect.error, 'error');
  }
  if (!got.ok) return `failed with ${show(got.error)}`;
  const value = got.value;
  if ('ok' in expect) {
    const why = matches(value, expect.ok, 'result');
    if (why) return why;
  }
  if ('ids' in expect) {
    const ids = (value as { records: { id: string }[] }).records.map((r) => r.id);
    const why = matches(ids, expect.ids, 'ids');
    if (why) return why;
  }
  if ('order' in expect) {
    const names = skillNames(value);
    const positions = (expect.order as string[]).map((n) => names.indexOf(n));
    if (positions.some((p) => p < 0) || positions.some((p, i) => i > 0 && positions[i - 1] >= p)) {
      return `skills are in the order ${show(names)}, want ${show(expect.order)} in that order`;
    }
  }
  if ('first' in expect) {
    const why = matches(skillNames(value)[0] ?? null, expect.first, 'first skill');
    if (why) return why;
  }
  if ('absent' in expect) {
    const names = skillNames(value);
    for (const n of expect.absent as string[]) if (names.includes(n)) return `${n} is listed, want it absent`;
  }
  return null;
}

describe('the contract table holds for the fake backend', () => {
  it('has its cases', () => {
    expect(table.cases.length).toBeGreaterThanOrEqual(5);
  });

  for (const c of table.cases) {
    it(c.name, async () => {
      const fake = new FakeBackend();
      await fake.createOpen('contract table passphrase');
      const saved = new Map<string, string>();
      const failures: string[] = [];
      for (const [i, step] of c.steps.entries()) {
        const run = CALLS[step.call as keyof typeof CALLS] as ((b: Backend, a: Json) => Promise<unknown>) | undefined;
        if (!run) throw new Error(`the contract calls ${step.call}, which this runner does not know`);
        const args = substitute(step.args, saved);
        let got: Outcome;
        try {
          got = { ok: true, value: await run(fake, args) };
        } catch (error) {
          got = { ok: false, error };
        }
        if (step.save && got.ok) saved.set(step.save, (got.value as { id: string }).id);
        const where = `step ${i + 1} (${step.call})`;
        if (step.expect) {
          const why = check(got, substitute(step.expect, saved) as { [key: string]: Json });
          if (why) failures.push(`${where}: ${why}`);
        } else if (!got.ok) {
          failures.push(`${where} failed: ${show(got.error)}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
    });
  }
});
