// Words Keel never shows. Its users are in treatment and often ashamed of it: on screen, a
// person is never labelled by a condition, a lapse is never a failure, and nothing sounds like a
// verdict. Every string a screen can show (template text, and quoted text in the UI's code that
// reads as words) is checked against this reviewed list.
import { describe, expect, it } from 'vitest';

/** Each word or phrase, and why Keel does not use it. */
const NEVER: [RegExp, string][] = [
  [/\bclean\b/i, '"clean" makes using "dirty": a moral label on a person or a test; say "days without", "not using"'],
  [/\bdirty\b/i, 'the same moral label, the other way'],
  [/\baddicts?\b/i, 'labels a person by a condition; person-first: "a person who uses…", or the name of what they track'],
  [/\balcoholics?\b/i, 'labels a person by a condition'],
  [/\bjunkies?\b/i, 'a slur'],
  [/\babusers?\b/i, 'labels a person by a condition, and blames'],
  [/\babuse\b/i, '"substance abuse" frames use as wrongdoing; say "substance use"'],
  [/\bfailures?\b/i, 'a lapse is part of recovery for many people, not a failure'],
  [/\bfailed\b/i, 'about a person, a verdict; about a machine, say what happened and what to do'],
  [/\brelapsed\b/i, 'a verdict on the person ("relapsed again"); say "a lapse" and what happened'],
  [/\bwillpower\b/i, 'implies a lapse is a lack of character'],
  [/\b(fell|falling|fall) off the wagon\b/i, 'an idiom of moral falling'],
  [/\bback to (zero|day one)\b/i, 'a counter slammed back to zero; the longest run and every day counted stay'],
  [/\bstreak\b/i, 'gamified pressure; Keel counts runs calmly'],
];

// Every screen and its code, as text (tests and generated types are not shown to anyone).
const SOURCES = Object.entries({
  ...import.meta.glob('./**/*.svelte', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./**/generated/**'], { query: '?raw', import: 'default', eager: true }),
}) as [string, string][];

/** What a file can put on screen: template text and quoted text that reads as words (has a
 * space, or starts with a capital), without comments. Identifiers such as a phase named
 * 'failed' or a `dirty()` check are code, not words shown. */
export function shownText(source: string, svelte: boolean): string[] {
  let s = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/<!--[\s\S]*?-->/g, ' ').replace(/(^|[\s;{}(])\/\/.*$/gm, '$1');
  const out: string[] = [];
  for (const m of s.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const t = m[1] ?? m[2] ?? m[3] ?? '';
    if (/\s/.test(t.trim()) || /^[A-Z]/.test(t)) out.push(t);
  }
  if (svelte) {
    s = s.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<style[\s\S]*?<\/style>/g, ' ');
    for (const m of s.matchAll(/>([^<>]+)</g)) {
      const t = m[1].replace(/\{[^}]*\}/g, ' ').trim();
      if (t) out.push(t);
    }
  }
  return out;
}

describe('words Keel never uses', () => {
  it('finds a listed word when it is on screen, and not in comments or identifiers', () => {
    const planted = shownText(`<script>const dirty = () => 1; // a failure here is fine\n</script>\n<p>You failed</p><b title="Stay clean">x</b>`, true);
    expect(planted).toEqual(['Stay clean', 'You failed', 'x']);
    const hits = planted.filter((t) => NEVER.some(([re]) => re.test(t)));
    expect(hits).toEqual(['Stay clean', 'You failed']);
  });

  it('appear nowhere in what the screens show', () => {
    const found: string[] = [];
    let checked = 0;
    for (const [f, source] of SOURCES) {
      for (const t of shownText(source, f.endsWith('.svelte'))) {
        checked += 1;
        for (const [re, why] of NEVER) if (re.test(t)) found.push(`${f}: "${t}" — ${why}`);
      }
    }
    expect(SOURCES.length, 'every screen and its code').toBeGreaterThan(50);
    expect(checked, 'the screens\' words were read').toBeGreaterThan(500);
    expect(found, found.join('\n')).toEqual([]);
  });
});
