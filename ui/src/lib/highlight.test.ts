import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import { highlight, snippet } from './highlight';
import Highlighted from './components/Highlighted.svelte';

describe('highlight', () => {
  it('marks every word of the query in any case', () => {
    expect(highlight('Felt Calm after the walk', 'calm WALK')).toEqual([
      { text: 'Felt ', match: false },
      { text: 'Calm', match: true },
      { text: ' after the ', match: false },
      { text: 'walk', match: true },
    ]);
  });

  it('returns the text unmarked for an empty query', () => {
    expect(highlight('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
  });

  it('renders HTML in the text as text, with only <mark> elements added', () => {
    const text = '<img src=x onerror=alert(1)> felt <script>alert(2)</script> calm';
    const { container } = render(Highlighted, { text, query: 'calm script' });
    expect(container.querySelector('img'), 'user text must not become elements').toBeNull();
    expect(container.querySelector('script')).toBeNull();
    const marks = [...container.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['script', 'script', 'calm']);
    expect(container.textContent).toBe(text);
    expect([...container.querySelectorAll('*')].every((e) => e.tagName === 'MARK')).toBe(true);
  });

  it('cuts a snippet around the first match', () => {
    const long = 'a '.repeat(200) + 'needle' + ' b'.repeat(200);
    const s = snippet(long, 'needle', 60);
    expect(s).toContain('needle');
    expect(s.length).toBeLessThanOrEqual(62);
  });
});
