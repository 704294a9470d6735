// How one of the person's own trackers is answered, in words. Typed by the generated union, so
// an answer type the engine adds and the UI does not name fails `npm run check`.
import type { Answer } from '../../backend';

export const ANSWER_LABEL: Record<Answer, string> = {
  'yes-no': 'Yes or no',
  scale: '0 to 10',
  number: 'A number',
};
