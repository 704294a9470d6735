// A check-in's closed sets in words. Typed by the generated unions, so a value the engine adds
// and the UI does not name fails `npm run check`.
import type { Context, HaltDto } from '../../backend';

/** Where the person was, in the engine's order. */
export const CONTEXT_LABEL: Record<Context, string> = {
  work: 'Work',
  home: 'Home',
  commute: 'Commute',
  social: 'Social',
  other: 'Other',
};

/** Hungry, angry, lonely, tired. */
export const HALT_LABEL: Record<keyof HaltDto, string> = {
  hungry: 'Hungry',
  angry: 'Angry',
  lonely: 'Lonely',
  tired: 'Tired',
};

/** Feelings offered as chips; the person can add their own. */
export const COMMON_EMOTIONS = ['calm', 'anxious', 'sad', 'angry', 'lonely', 'hopeful', 'grateful', 'ashamed', 'restless', 'tired'] as const;

/** Common triggers offered as chips; the person can add their own. */
export const COMMON_TRIGGERS = ['work', 'conflict', 'being alone', 'boredom', 'money', 'social event', 'physical pain', 'poor sleep'] as const;
