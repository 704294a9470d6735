// Search-result highlighting as plain parts; the view renders each part as text (never HTML).

export interface Part {
  text: string;
  match: boolean;
}

function terms(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length,
  );
}

/** Split `text` into matching and non-matching parts for every word of `query` (any case). */
export function highlight(text: string, query: string): Part[] {
  const ts = terms(query);
  if (ts.length === 0 || !text) return text ? [{ text, match: false }] : [];
  const lower = text.toLowerCase();
  const parts: Part[] = [];
  let i = 0;
  let plainStart = 0;
  while (i < text.length) {
    const t = ts.find((term) => lower.startsWith(term, i));
    if (t) {
      if (i > plainStart) parts.push({ text: text.slice(plainStart, i), match: false });
      parts.push({ text: text.slice(i, i + t.length), match: true });
      i += t.length;
      plainStart = i;
    } else {
      i += 1;
    }
  }
  if (plainStart < text.length) parts.push({ text: text.slice(plainStart), match: false });
  return parts;
}

/** A window of `text` around the first match, at most about `width` characters. */
export function snippet(text: string, query: string, width = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const ts = terms(query);
  const lower = flat.toLowerCase();
  const hits = ts.map((t) => lower.indexOf(t)).filter((n) => n >= 0);
  const first = hits.length ? Math.min(...hits) : 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  return (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
}
