// Passphrase strength with zxcvbn-ts, loaded on first use (its word lists are large).
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const MIN_PASSPHRASE = 8;

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  label: string;
  hint: string;
}

let factory: Promise<ZxcvbnFactory> | null = null;

async function load(): Promise<ZxcvbnFactory> {
  const [core, common, en] = await Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]);
  return new core.ZxcvbnFactory({
    translations: en.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...en.dictionary },
  });
}

const LABELS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/** A calm, plain-language reading of a passphrase's strength. */
export async function measure(passphrase: string, userInputs: string[] = []): Promise<Strength> {
  if (passphrase.length < MIN_PASSPHRASE) {
    return {
      score: 0,
      label: 'Too short',
      hint: `Use at least ${MIN_PASSPHRASE} characters. A few random words work well.`,
    };
  }
  factory ??= load();
  const result = (await factory).check(passphrase, userInputs);
  const score = result.score as Strength['score'];
  const hint =
    score >= 3
      ? 'Good. Make sure you can remember it: it is the only way in besides your recovery key.'
      : result.feedback.warning ||
        result.feedback.suggestions[0] ||
        'Add another uncommon word or two to make it harder to guess.';
  return { score, label: LABELS[score], hint };
}
