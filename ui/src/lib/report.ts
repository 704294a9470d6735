// The counsellor report's sections, in the report's order, as the engine names them
// (`SECTIONS` in src/report/mod.rs) with the words the report page shows.

export const REPORT_SECTIONS = [
  'checkins',
  'skills',
  'sessions',
  'homework',
  'attendance',
  'questionnaires',
  'diary',
  'thoughts',
  'lapses',
  'entries',
] as const;

export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Each section's heading in the report (as the engine prints it). */
export const SECTION_HEADINGS: Record<ReportSection, string> = {
  checkins: 'Check-ins',
  skills: 'Coping skills that helped',
  sessions: 'Session notes',
  homework: 'Homework and what to bring',
  attendance: 'Attendance',
  questionnaires: 'Questionnaires',
  diary: 'Diary cards',
  thoughts: 'Thought records',
  lapses: 'Lapses',
  entries: 'Journal entries',
};
