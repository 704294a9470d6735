// A session note's closed set in words. Typed by the generated union, so a session type the
// engine adds and the UI does not name fails `npm run check`.
import type { SessionType } from '../../backend';

/** The kind of IOP session, in the engine's order. */
export const SESSION_TYPE_LABEL: Record<SessionType, string> = {
  individual: 'Individual',
  group: 'Group',
  psychoeducation: 'Psychoeducation',
  skills: 'Skills group',
  family: 'Family',
  medication: 'Medication management',
  peer: 'Peer meeting',
  other: 'Other',
};
