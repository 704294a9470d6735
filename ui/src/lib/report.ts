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

/** The sections ticked the first time the page opens: the everyday ones, no journal entries. */
export const DEFAULT_SECTIONS: ReportSection[] = ['checkins', 'skills', 'sessions', 'homework', 'attendance'];

/** A report's choices as the page holds them (the dates are not remembered). */
export interface ReportChoices {
  sections: ReportSection[];
  sessionNotes: 'titles' | 'full';
  paper: 'a4' | 'letter';
  name: string;
  entries: string[];
}

export function defaultChoices(): ReportChoices {
  return { sections: [...DEFAULT_SECTIONS], sessionNotes: 'titles', paper: 'a4', name: '', entries: [] };
}

/** The choices a `report-setup` record holds, anything unknown left at its default. */
export function choicesFrom(setup: { sections: string[]; sessionNotes: string; paper: string; name: string; entries: string[] }): ReportChoices {
  return {
    sections: REPORT_SECTIONS.filter((s) => setup.sections.includes(s)),
    sessionNotes: setup.sessionNotes === 'full' ? 'full' : 'titles',
    paper: setup.paper === 'letter' ? 'letter' : 'a4',
    name: setup.name,
    entries: [...setup.entries],
  };
}

/** The first words of a text, for an entry with no title. */
export function firstWords(text: string, n = 8): string {
  const words = text.replace(/[#*_>`[\]]/g, ' ').trim().split(/\s+/).filter(Boolean);
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : words.join(' ');
}
