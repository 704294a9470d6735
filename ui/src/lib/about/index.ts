// What Settings › About Keel shows, from the files `scripts/licenses` writes here (never edit
// them by hand; `scripts/licenses --check` fails when they are stale). `keel.json` is a few bytes
// and comes with the card; the full list, with every licence text, is loaded only when the
// person opens it.
import keel from './keel.json';

export interface Keel {
  name: string;
  version: string;
  license: string;
}

/** A crate or npm package: its licence as an SPDX expression in one written form (terms of an
 * OR or an AND in order), or `null` with `licenseFile` for a licence kept in its own file. */
export interface ThirdPartyPackage {
  name: string;
  version: string;
  license: string | null;
  licenseFile?: string;
  repository: string | null;
}

export interface ThirdPartyFont {
  name: string;
  version: string;
  license: string;
  copyright: string;
  files: string[];
}

export interface ThirdParty {
  keel: Keel;
  crates: ThirdPartyPackage[];
  npm: ThirdPartyPackage[];
  fonts: ThirdPartyFont[];
  /** Each SPDX licence that appears, with its name and standard text. */
  licenses: Record<string, { name: string; text: string }>;
}

export const KEEL: Keel = keel;

/** The whole list, as its own chunk: not part of any screen's bundle. */
export async function loadThirdParty(): Promise<ThirdParty> {
  return (await import('./third-party.json')).default as ThirdParty;
}

export interface LicenceGroup {
  /** The SPDX expression, or null for packages whose licence is in their own files. */
  expression: string | null;
  /** The expression in words: "Apache License 2.0 or MIT License". */
  title: string;
  /** "name version", and for a font its copyright. */
  items: { key: string; label: string; font?: boolean; note?: string }[];
}

/** The expression with each licence's name for its identifier, and the operators in words. */
export function licenceTitle(expression: string, licenses: ThirdParty['licenses']): string {
  return expression
    .split(/(\s+|[()])/)
    .map((t) => (t === 'OR' ? 'or' : t === 'AND' ? 'and' : t === 'WITH' ? 'with' : (licenses[t]?.name ?? t)))
    .join('');
}

/** Every package and the font, grouped by licence: the largest group first, each group's
 * packages by name. */
export function groupByLicence(data: ThirdParty): LicenceGroup[] {
  const groups = new Map<string | null, LicenceGroup>();
  const add = (expression: string | null, item: LicenceGroup['items'][number]) => {
    let g = groups.get(expression);
    if (!g) {
      const title = expression === null ? 'A licence of its own (in its files)' : licenceTitle(expression, data.licenses);
      g = { expression, title, items: [] };
      groups.set(expression, g);
    }
    g.items.push(item);
  };
  for (const [source, list] of [['crate', data.crates], ['npm', data.npm]] as const) {
    for (const p of list) add(p.license, { key: `${source}:${p.name}@${p.version}`, label: `${p.name} ${p.version}` });
  }
  for (const f of data.fonts) add(f.license, { key: `font:${f.name}`, label: `${f.name} ${f.version}`, font: true, note: `a font; ${f.copyright}` });
  const byLabel = (a: { label: string }, b: { label: string }) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  for (const g of groups.values()) g.items.sort(byLabel);
  return [...groups.values()].sort(
    (a, b) => b.items.length - a.items.length || ((a.expression ?? '~') < (b.expression ?? '~') ? -1 : 1),
  );
}

/** A licence text as paragraphs to show, in any width: its blank lines part the paragraphs, and
 * a long line (60 characters or more) carries on in the next, since the standard texts are broken
 * into lines at about 80 or 100 characters. A short line (a heading, an item) keeps its break. */
export function paragraphs(text: string): string[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((para) => {
      const lines = para.split('\n').map((l) => l.trimEnd());
      let out = lines[0];
      for (let k = 1; k < lines.length; k++) {
        const long = lines[k - 1].length >= 60 && !/^\s*(\d+\.|[a-z]\)|\(?[a-z0-9]\)|[-*•])\s/i.test(lines[k]);
        out += (long ? ' ' : '\n') + (long ? lines[k].trimStart() : lines[k]);
      }
      return out;
    });
}
