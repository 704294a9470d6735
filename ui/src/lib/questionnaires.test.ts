// The words around a questionnaire result: the highest total from the data, a result, a change
// up or down said the same way, how long ago.
import { describe, expect, it } from 'vitest';
import { instrument } from './instruments';
import { agoWords, changeCell, changeSentence, changeWords, maxTotal, resultSentence, resultWords } from './questionnaires';

const PHQ9 = instrument('phq9')!;
const GAD7 = instrument('gad7')!;

describe('questionnaire words', () => {
  it('the highest total comes from the data: 27 for the PHQ-9, 21 for the GAD-7', () => {
    expect(maxTotal(PHQ9)).toBe(27);
    expect(maxTotal(GAD7)).toBe(21);
  });

  it('a result is its total and the name of its range, with the range\'s bounds in the sentence', () => {
    expect(resultWords(12, 'moderate')).toBe('12 — moderate');
    expect(resultSentence(PHQ9, 12)).toBe('A total of 12 out of 27, in the range called moderate (10 to 14).');
    expect(resultSentence(PHQ9, 15)).toBe('A total of 15 out of 27, in the range called moderately severe (15 to 19).');
    expect(resultSentence(GAD7, 0)).toBe('A total of 0 out of 21, in the range called minimal (0 to 4).');
    expect(resultSentence(GAD7, 21)).toBe('A total of 21 out of 21, in the range called severe (15 to 21).');
  });

  it('a change is said in points up or down, a meaningful one so named, a rise the same way as a fall', () => {
    expect(changeWords(-6, true)).toBe('down 6 points since the time before — a meaningful change');
    expect(changeWords(6, true)).toBe('up 6 points since the time before — a meaningful change');
    expect(changeWords(1, false)).toBe('up 1 point since the time before');
    expect(changeWords(0, false)).toBe('the same as the time before');
    expect(changeWords(0, false, 'since your first one')).toBe('no change since your first one');
    expect(changeSentence(-4, false, 'since your first one')).toBe('Down 4 points since your first one.');
    expect(changeCell(null)).toBe('—');
    expect(changeCell(0)).toBe('no change');
    expect(changeCell(-3)).toBe('down 3');
    expect(changeCell(5)).toBe('up 5');
  });

  it('how long ago, in days, then weeks, then months', () => {
    expect([0, 1, 3, 13, 14, 20, 59, 60, 95].map(agoWords)).toEqual([
      'today',
      'yesterday',
      '3 days ago',
      '13 days ago',
      '2 weeks ago',
      '2 weeks ago',
      '8 weeks ago',
      '2 months ago',
      '3 months ago',
    ]);
  });
});
