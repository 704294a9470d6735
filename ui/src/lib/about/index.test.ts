// The licences dialog's words: an SPDX expression in licence names, and a standard text broken
// into paragraphs that reflow in any width while headings and items keep their own lines.
import { describe, expect, it } from 'vitest';
import { groupByLicence, licenceTitle, paragraphs, type ThirdParty } from '.';

const licenses = {
  MIT: { name: 'MIT License', text: '' },
  'Apache-2.0': { name: 'Apache License 2.0', text: '' },
  'Unicode-3.0': { name: 'Unicode License v3', text: '' },
};

describe('the licences dialog', () => {
  it('says an expression with each licence by name', () => {
    expect(licenceTitle('Apache-2.0 OR MIT', licenses)).toBe('Apache License 2.0 or MIT License');
    expect(licenceTitle('(Apache-2.0 OR MIT) AND Unicode-3.0', licenses)).toBe('(Apache License 2.0 or MIT License) and Unicode License v3');
    expect(licenceTitle('Apache-2.0 WITH LLVM-exception', licenses), 'an exception has no name here: its identifier').toBe('Apache License 2.0 with LLVM-exception');
  });

  it('joins the lines of a wrapped paragraph, and keeps short lines apart', () => {
    const long = 'Permission is hereby granted, free of charge, to any person obtaining a copy';
    expect(paragraphs(`TITLE\nVersion 1\n\n${long}\nof this software.\n\n1. One\n2. Two\n`)).toEqual([
      'TITLE\nVersion 1',
      `${long} of this software.`,
      '1. One\n2. Two',
    ]);
    expect(paragraphs(`${long}\n(a) an item after a long line keeps its line`), 'an item starts its own line').toEqual([`${long}\n(a) an item after a long line keeps its line`]);
  });

  it('groups packages by licence, the largest group first, the font named with its copyright', () => {
    const pkg = (name: string, license: string) => ({ name, version: '1.0.0', license, repository: null });
    const data: ThirdParty = {
      keel: { name: 'Keel', version: '0.1.0', license: 'MIT' },
      crates: [pkg('zeta', 'MIT'), pkg('alpha', 'MIT'), pkg('beta', 'Apache-2.0 OR MIT')],
      npm: [pkg('marked', 'MIT')],
      fonts: [{ name: 'A Font', version: '1.0', license: 'OFL-1.1', copyright: 'Copyright 2020 Someone', files: [] }],
      licenses: { ...licenses, 'OFL-1.1': { name: 'SIL Open Font License 1.1', text: '' } },
    };
    const groups = groupByLicence(data);
    expect(groups.map((g) => [g.expression, g.items.map((i) => i.label)])).toEqual([
      ['MIT', ['alpha 1.0.0', 'marked 1.0.0', 'zeta 1.0.0']],
      ['Apache-2.0 OR MIT', ['beta 1.0.0']],
      ['OFL-1.1', ['A Font 1.0']],
    ]);
    expect(groups[2].items[0]).toMatchObject({ font: true, note: 'a font; Copyright 2020 Someone' });
  });
});
