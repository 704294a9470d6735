// Runs axe-core (bundled from node_modules, injected through WebDriver; nothing is fetched) on
// the screen as it is, and returns its violations by impact. The end-to-end suite asserts that
// no screen, in either theme, has a serious or critical one.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** `{ serious: [...], critical: [...], moderate: [...], minor: [...] }`, each `id: target (n)`. */
export async function axeCheck(app) {
  // Colour transitions settle first, so contrast is measured on the final colours.
  await new Promise((r) => setTimeout(r, 350));
  const loaded = await app.client.execute(`if (!window.axe) { ${AXE} } return typeof window.axe;`);
  if (loaded !== 'object') throw new Error(`axe-core did not load in the page (${loaded})`);
  const result = await app.client.executeAsync(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5), count: v.nodes.length }));
  });
  const by = { critical: [], serious: [], moderate: [], minor: [] };
  for (const v of result) (by[v.impact] ?? by.minor).push(`${v.id}: ${v.nodes.join(', ')} (${v.count})`);
  return by;
}
