// WCAG 2.x contrast of sRGB colours, and reading the theme tokens out of app.css. Used by the
// theme test; kept small and dependency-free.

/** `#rgb` or `#rrggbb` to 0–255 channels. */
export function parseHex(hex: string): [number, number, number] {
  let h = hex.trim().replace(/^#/, '');
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(h)) throw new Error(`not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance. */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** HSL saturation, 0 to 1. */
export function saturation(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return 0;
  return (max - min) / (1 - Math.abs(2 * l - 1));
}

export type Tokens = Record<string, string>;

/** The custom properties declared in the first rule whose selector is exactly `selector`
 * (searched inside `within`, e.g. a media block's body, when given). */
export function declarations(css: string, selector: string, within?: string): Tokens {
  let body = css.replace(/\/\*[\s\S]*?\*\//g, '');
  if (within) {
    const at = body.indexOf(within);
    if (at < 0) throw new Error(`no ${within} in the CSS`);
    body = body.slice(at + within.length);
  }
  const re = new RegExp(`(^|[}\\s])${selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\{([^}]*)\\}`);
  const m = re.exec(body);
  if (!m) throw new Error(`no rule for ${selector}`);
  const out: Tokens = {};
  for (const d of m[2].matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[d[1]] = d[2].trim();
  return out;
}

/** A token's value with `var(--x)` references resolved in the same theme. */
export function resolve(tokens: Tokens, name: string, depth = 0): string {
  const v = tokens[name];
  if (v === undefined) throw new Error(`no token ${name}`);
  const ref = /^var\((--[\w-]+)\)$/.exec(v);
  if (!ref) return v;
  if (depth > 8) throw new Error(`var() loop at ${name}`);
  return resolve(tokens, ref[1], depth + 1);
}
