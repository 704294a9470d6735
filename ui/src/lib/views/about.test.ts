// Settings › About Keel over the fake backend: the version and licence from what
// `scripts/licenses` generated, and the licences dialog: a crate and an npm package each listed
// under its own licence, each licence's full text folded away, a name for the dialog, focus in it
// and back, and Escape closing it.
import { beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/svelte';
import { openUnlocked } from '../../tests/unlocked';
import { groupByLicence, licenceTitle, type ThirdParty } from '../about';
import generated from '../about/third-party.json';

const data = generated as ThirdParty;

beforeAll(async () => {
  await import('./Shell.svelte');
}, 30_000);

async function openAbout() {
  const opened = await openUnlocked();
  await opened.user.click(screen.getByRole('button', { name: 'Settings' }));
  const card = (await screen.findByRole('heading', { name: 'About Keel' })).closest('section') as HTMLElement;
  return { ...opened, card };
}

/** The group in the dialog whose list holds `label` ("name version"), and its heading. */
function groupOf(dialog: HTMLElement, label: string) {
  const item = within(dialog).getByText(label, { selector: 'li' });
  const group = item.closest('section') as HTMLElement;
  return { group, heading: within(group).getByRole('heading', { level: 3 }) };
}

describe('Settings › About Keel', () => {
  it('shows the version and licence that were generated from Cargo.toml', async () => {
    const { card } = await openAbout();
    expect(data.keel.version, 'the generated file holds a version').toMatch(/^\d+\.\d+\.\d+/);
    expect(within(card).getByText(`Keel ${data.keel.version}`)).toBeInTheDocument();
    expect(card).toHaveTextContent(`Keel is free software under the ${data.keel.license} licence.`);
    expect(within(card).getByRole('button', { name: 'Open-source licences…' })).toBeInTheDocument();
  });

  it('lists crates and npm packages under their licences, with each text folded away; Escape closes it', async () => {
    const { user, card } = await openAbout();
    const button = within(card).getByRole('button', { name: 'Open-source licences…' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Open-source licences' });
    expect(dialog).toBeVisible();
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Open-source licences' }), 'focus goes into the dialog').toHaveFocus();

    const rusqlite = data.crates.find((c) => c.name === 'rusqlite');
    expect(rusqlite?.license, 'rusqlite is compiled into Keel and has a licence').toBeTruthy();
    const crate = await waitFor(() => groupOf(dialog, `rusqlite ${rusqlite!.version}`));
    expect(crate.heading).toHaveTextContent(licenceTitle(rusqlite!.license!, data.licenses));

    const marked = data.npm.find((p) => p.name === 'marked');
    expect(marked?.license, 'marked is in the UI bundle and has a licence').toBeTruthy();
    const npm = groupOf(dialog, `marked ${marked!.version}`);
    expect(npm.heading).toHaveTextContent(licenceTitle(marked!.license!, data.licenses));
    const held = groupByLicence(data).find((g) => g.expression === marked!.license)!.items.length;
    expect(npm.group, 'the group names its licence and says how many it holds').toHaveTextContent(`${marked!.license} · ${held} packages`);
    expect(within(npm.group).getByRole('list')).toBeInTheDocument();

    // The font the report uses is named with its copyright.
    const font = data.fonts[0];
    expect(groupOf(dialog, `${font.name} ${font.version}`).group).toHaveTextContent(font.copyright);

    // Each licence once, in full, inside a <details> that starts closed.
    const texts = within(dialog).getByRole('heading', { name: 'The licences in full' }).closest('section') as HTMLElement;
    const summaries = texts.querySelectorAll('details > summary');
    expect(summaries).toHaveLength(Object.keys(data.licenses).length);
    const mit = [...summaries].find((s) => s.textContent?.includes(data.licenses.MIT.name))!.parentElement as HTMLDetailsElement;
    expect(mit.open, 'texts are folded away until asked for').toBe(false);
    const words = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const shown = [...mit.querySelectorAll('.about-licence-text p')].map((p) => p.textContent).join(' ');
    expect(words(shown), 'the whole text, word for word').toBe(words(data.licenses.MIT.text));
    await user.click(mit.querySelector('summary')!);
    expect(mit.open).toBe(true);

    // Escape closes it, is used up, and focus goes back to the button that opened it.
    let alsoSeen = false;
    const behind = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) alsoSeen = true;
    };
    window.addEventListener('keydown', behind);
    await user.keyboard('{Escape}');
    window.removeEventListener('keydown', behind);
    expect(alsoSeen, 'the Escape that closed the dialog did nothing else').toBe(false);
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(button).toHaveFocus());

    // Opened again, the list is there at once (loaded once).
    await user.click(button);
    const again = await screen.findByRole('dialog', { name: 'Open-source licences' });
    expect(within(again).getByText(`rusqlite ${rusqlite!.version}`, { selector: 'li' })).toBeInTheDocument();
    await user.click(within(again).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(button).toHaveFocus());
  });
});
