// The one typed door between the UI and the Keel engine. Only files in this folder import
// @tauri-apps/*; the rest of the UI talks to a `Backend`.
import type { BackupStatusDto } from './generated/BackupStatusDto';
import type { ChangePassphraseRequest } from './generated/ChangePassphraseRequest';
import type { ConfirmKeyRequest } from './generated/ConfirmKeyRequest';
import type { ClockStatusDto } from './generated/ClockStatusDto';
import type { ProgrammeDto } from './generated/ProgrammeDto';
import type { AssessmentTrendDto } from './generated/AssessmentTrendDto';
import type { DiaryWeekDto } from './generated/DiaryWeekDto';
import type { OnThisDayDto } from './generated/OnThisDayDto';
import type { InsightsDto } from './generated/InsightsDto';
import type { InsightsQuery } from './generated/InsightsQuery';
import type { ReportDto } from './generated/ReportDto';
import type { ReportRequest } from './generated/ReportRequest';
import type { ReminderSettings } from './generated/ReminderSettings';
import type { CrisisPlanDto } from './generated/CrisisPlanDto';
import type { CreatedVaultDto } from './generated/CreatedVaultDto';
import type { ErrorDto } from './generated/ErrorDto';
import type { ImportSummaryDto } from './generated/ImportSummaryDto';
import type { ListPage } from './generated/ListPage';
import type { ListQuery } from './generated/ListQuery';
import type { NewRecord } from './generated/NewRecord';
import type { PassphraseRequest } from './generated/PassphraseRequest';
import type { RecordDto } from './generated/RecordDto';
import type { RecoverRequest } from './generated/RecoverRequest';
import type { SearchQuery } from './generated/SearchQuery';
import type { Settings } from './generated/Settings';
import type { UpdateRecord } from './generated/UpdateRecord';
import type { VaultHealthDto } from './generated/VaultHealthDto';
import type { VaultStatus } from './generated/VaultStatus';
import type { VerifyReportDto } from './generated/VerifyReportDto';
// Static, not lazy: the first screen needs it at once, and it is small.
import { TauriBackend } from './tauri';

export type { Answer } from './generated/Answer';
export type { BackupFileDto } from './generated/BackupFileDto';
export type { KindCountDto } from './generated/KindCountDto';
export type { PreviewEntryDto } from './generated/PreviewEntryDto';
export type { Attendance } from './generated/Attendance';
export type { Contact } from './generated/Contact';
export type { CrisisPlanDto } from './generated/CrisisPlanDto';
export type { EveningDto } from './generated/EveningDto';
export type { GoalDto } from './generated/GoalDto';
export type { MorningDto } from './generated/MorningDto';
export type { OccurrenceDto } from './generated/OccurrenceDto';
export type { PhaseDto } from './generated/PhaseDto';
export type { ScheduleSlotDto } from './generated/ScheduleSlotDto';
export type { StepDownPlanDto } from './generated/StepDownPlanDto';
export type { UrgeMark } from './generated/UrgeMark';
export type { BodyDto } from './generated/BodyDto';
export type { ClockStatusDto } from './generated/ClockStatusDto';
export type { AgendaItemDto } from './generated/AgendaItemDto';
export type { AttendanceDto } from './generated/AttendanceDto';
export type { ProgrammeDto } from './generated/ProgrammeDto';
export type { AssessmentDto } from './generated/AssessmentDto';
export type { AssessmentPointDto } from './generated/AssessmentPointDto';
export type { AssessmentTrendDto } from './generated/AssessmentTrendDto';
export type { DiaryCardDto } from './generated/DiaryCardDto';
export type { DiaryDayDto } from './generated/DiaryDayDto';
export type { DiarySetupDto } from './generated/DiarySetupDto';
export type { DiaryWeekDto } from './generated/DiaryWeekDto';
export type { OnThisDayDto } from './generated/OnThisDayDto';
export type { InsightsDto } from './generated/InsightsDto';
export type { InsightsQuery } from './generated/InsightsQuery';
export type { ReportDto } from './generated/ReportDto';
export type { ReportRequest } from './generated/ReportRequest';
export type { ReportSectionDto } from './generated/ReportSectionDto';
export type { BlockDto } from './generated/BlockDto';
export type { ChartLineDto } from './generated/ChartLineDto';
export type { ReportSetupDto } from './generated/ReportSetupDto';
export type { PointDto } from './generated/PointDto';
export type { SkillEffectDto } from './generated/SkillEffectDto';
export type { SleepBandDto } from './generated/SleepBandDto';
export type { HaltStressDto } from './generated/HaltStressDto';
export type { HighStressDto } from './generated/HighStressDto';
export type { CountDto } from './generated/CountDto';
export type { ClockRunsDto } from './generated/ClockRunsDto';
export type { RunDto } from './generated/RunDto';
export type { FeelingDto } from './generated/FeelingDto';
export type { Instrument } from './generated/Instrument';
export type { MoodDto } from './generated/MoodDto';
export type { ThoughtDto } from './generated/ThoughtDto';
export type { ThoughtRecordDto } from './generated/ThoughtRecordDto';
export type { UrgeDto } from './generated/UrgeDto';
export type { ReminderSettings } from './generated/ReminderSettings';
export type { LapseDto } from './generated/LapseDto';
export type { Milestone } from './generated/Milestone';
export type { SobrietyClockDto } from './generated/SobrietyClockDto';
export type { CheckinDto } from './generated/CheckinDto';
export type { Context } from './generated/Context';
export type { ErrorCode } from './generated/ErrorCode';
export type { HaltDto } from './generated/HaltDto';
export type { ItemDto } from './generated/ItemDto';
export type { JournalDto } from './generated/JournalDto';
export type { RecordKind } from './generated/RecordKind';
export type { SessionDto } from './generated/SessionDto';
export type { SessionType } from './generated/SessionType';
export type { SkillCategory } from './generated/SkillCategory';
export type { SkillDto } from './generated/SkillDto';
export type { SkillUseDto } from './generated/SkillUseDto';
export type { TrackerDto } from './generated/TrackerDto';
export type { TrackerValueDto } from './generated/TrackerValueDto';
export type { UnknownDto } from './generated/UnknownDto';
export type {
  BackupStatusDto,
  ChangePassphraseRequest,
  ConfirmKeyRequest,
  CreatedVaultDto,
  ErrorDto,
  ImportSummaryDto,
  ListPage,
  ListQuery,
  NewRecord,
  PassphraseRequest,
  RecordDto,
  RecoverRequest,
  SearchQuery,
  Settings,
  UpdateRecord,
  VaultHealthDto,
  VaultStatus,
  VerifyReportDto,
};

/** Where an import comes from (`import_preview`'s `source`). */
export type ImportSource = 'daylio' | 'dayone' | 'jrnl' | 'keel';
/** What an export writes (`export_to`'s `format`). */
export type ExportFormat = 'json' | 'csv' | 'markdown';

/** Every call rejects with an `ErrorDto`. Each method is one command of the shell's list
 * (`generated/commands.ts`), under its camelCase name. */
export interface Backend {
  /** Whether a journal exists and is open, with the shell's epoch (newest status wins). */
  vaultStatus(): Promise<VaultStatus>;
  /** Step one of a new journal: its recovery key, to show. Nothing is written until
   * `confirmRecoveryKey`. */
  createVault(req: PassphraseRequest): Promise<CreatedVaultDto>;
  /** Step two of every new recovery key: one group typed back; only now does it take effect
   * (the journal is written, or the new key replaces the old). */
  confirmRecoveryKey(req: ConfirmKeyRequest): Promise<VaultStatus>;
  /** Copies the recovery key on screen; resolves to the seconds until the shell clears it. */
  copyRecoveryKey(): Promise<number>;
  /** The key screen was left unconfirmed: the new key never takes effect. */
  cancelRecoveryKey(): Promise<void>;
  /** `epoch`: the status the page last showed; if the shell locked since, nothing opens. */
  unlock(req: PassphraseRequest, epoch: number): Promise<VaultStatus>;
  lock(): Promise<VaultStatus>;
  quickHide(): Promise<void>;
  recover(req: RecoverRequest, epoch: number): Promise<VaultStatus>;
  changePassphrase(req: ChangePassphraseRequest): Promise<void>;
  /** Step one of a new recovery key (checked against the passphrase); see `confirmRecoveryKey`. */
  newRecoveryKey(req: PassphraseRequest): Promise<CreatedVaultDto>;
  /** Step one of a new data key: once the shown recovery key is confirmed, every record is
   * sealed again under a new data key with that recovery key; the passphrase stays. Older
   * copies of the file open nothing written from then on. */
  rekey(req: PassphraseRequest): Promise<CreatedVaultDto>;
  /** What was found at unlock (from memory, cheap): records that did not open, malformed rows,
   * whether the set of entries is the one Keel saved. */
  vaultHealth(): Promise<VaultHealthDto>;
  /** Opens every record from disk and checks the file: slower, for the Check screen. */
  verifyVault(): Promise<VerifyReportDto>;
  /** The user keeps the set of entries as it is now; afterwards `vaultHealth().manifestOk`. */
  acceptCurrentSet(): Promise<void>;
  /** The user is typing or pointing: the shell's own idle lock starts counting again. */
  reportActivity(): Promise<void>;
  addRecord(req: NewRecord): Promise<RecordDto>;
  updateRecord(req: UpdateRecord): Promise<RecordDto>;
  getRecord(id: string): Promise<RecordDto>;
  /** Moves a record to the trash (it can be restored until it is purged). */
  trashRecord(id: string): Promise<RecordDto>;
  restoreRecord(id: string): Promise<RecordDto>;
  purgeRecord(id: string): Promise<void>;
  listRecords(req: ListQuery): Promise<ListPage>;
  searchRecords(req: SearchQuery): Promise<ListPage>;
  listSkills(includeHidden: boolean): Promise<RecordDto[]>;
  /** The person's own trackers by name (ignoring case); archived ones only if asked. */
  listTrackers(includeArchived: boolean): Promise<RecordDto[]>;
  /** Where each clock not archived stands now, the longest-running first. */
  clockStatus(): Promise<ClockStatusDto[]>;
  /** The programme at a glance: the next session, today and 13 days ahead (cancelled ones
   * included and flagged), sessions started in the last 28 days (newest first), attendance. */
  programme(): Promise<ProgrammeDto>;
  /** One questionnaire's results over time (`phq9`, `gad7`), oldest first, each with its
   * change from the one before. */
  assessmentTrend(instrument: string): Promise<AssessmentTrendDto>;
  /** The diary-card week (Monday to Sunday) holding `date`, with the set-up in use. */
  diaryWeek(date: string): Promise<DiaryWeekDto>;
  /** Entries written on today's date in earlier months (up to 11 back) and years, newest first. */
  onThisDay(): Promise<OnThisDayDto[]>;
  /** What the records say over a span ending today (`30d`, `90d`, `1y`, `all`), grouped by
   * `day`, `week` (from Monday) or `month`: every figure with the number of records behind it.
   * The year in pixels (`moodDays`, `stressDays`) is always the last 365 days. A span or grouping
   * it does not know is `InvalidInput` naming `range` or `bucket`. */
  insights(req: InsightsQuery): Promise<InsightsDto>;
  /** The counsellor report as it would be saved: the chosen sections over the dates, as blocks
   * the page draws. A bad request is `InvalidInput` naming its field (`from`, `to`, `sections`,
   * `sessionNotes`, `paper`, `name`, `entries`; "no journal entry {id}" for an id that is not
   * one). */
  reportPreview(req: ReportRequest): Promise<ReportDto>;
  /** Checks the request, then the shell asks where to save the PDF (its own dialog, a neutral
   * name suggested): the saved file's name, or null when the person cancelled. */
  saveReport(req: ReportRequest): Promise<string | null>;
  /** Reminders and running in the tray. Kept beside the journal, not in it (they work while
   * locked), so readable while locked. */
  reminderSettings(): Promise<ReminderSettings>;
  /** Saves them; resolves to what was saved (times sorted, a blank text back to its default). */
  setReminderSettings(req: ReminderSettings): Promise<ReminderSettings>;
  getSettings(): Promise<Settings>;
  setSettings(req: Settings): Promise<Settings>;
  /** The copy of the crisis plan kept for the lock screen, when the person chose to keep one
   * (null otherwise, or when the copy does not read as a plan). Works while locked: the copy is
   * outside the encrypted journal on purpose. */
  lockScreenPlan(): Promise<CrisisPlanDto | null>;
  /** Keeps this plan as the lock screen's copy (checked and tidied like the record), or deletes
   * the copy for null. Only while unlocked. */
  setLockScreenPlan(plan: CrisisPlanDto | null): Promise<void>;
  /** Backups: the folder chosen, the latest backup that checked out, why the last automatic one
   * failed (in words), whether one is due, and the backups in the folder, newest first. Kept
   * beside the journal, so readable while locked. */
  backupStatus(): Promise<BackupStatusDto>;
  /** The system's folder dialog; the status with the folder chosen, or null when the person
   * cancelled (nothing changes). */
  chooseBackupFolder(): Promise<BackupStatusDto | null>;
  /** Makes a backup now and checks it. `InvalidInput` naming `folder` when none is chosen. */
  backupNow(): Promise<BackupStatusDto>;
  /** A backup in the folder opened read-only with the passphrase it was made with (the
   * restore's preview): `WrongPassphrase` if it does not open it; `InvalidInput` naming `file`
   * for anything that is not one of the backups in the chosen folder. */
  checkBackup(file: string, req: PassphraseRequest): Promise<VerifyReportDto>;
  /** Locks Keel, keeps the journal as it stands as a backup in the folder, then puts this backup
   * in its place. The reply is the locked status: the backup's passphrase opens it. */
  restoreBackup(file: string, req: PassphraseRequest): Promise<VaultStatus>;
  /** Import, step one: the system's open dialog (null when the person cancelled), then the
   * file read whole and imported as a dry run: what it would add (`written: false`), nothing
   * written. `source` is `daylio`, `dayone`, `jrnl` or `keel`; `moodMap` (Daylio only) is
   * `label=N,…` on top of Daylio's five labels, "" for none. A file with a problem is
   * `InvalidInput` naming `file` or `records`, the line or entry and field in the words. */
  importPreview(source: ImportSource, moodMap: string): Promise<ImportSummaryDto | null>;
  /** Import, step two: adds what the preview showed (the file read again), after a backup when
   * a backups folder is chosen; `written: true`. */
  importConfirm(): Promise<ImportSummaryDto>;
  /** The preview was put aside: the shell forgets the file. */
  importCancel(): Promise<void>;
  /** An export, not encrypted, where the person chooses: the save dialog for JSON (and Markdown
   * in one file), else the folder dialog (a new folder "Keel export DATE" is made inside). The
   * name written, or null when the person cancelled. */
  exportTo(format: ExportFormat, oneFile: boolean): Promise<string | null>;
  /** A backup was made or restored by the shell on its own (the day's first unlock). Returns an
   * unsubscribe. */
  onBackup(handler: (s: BackupStatusDto) => void): Promise<() => void>;
  /** The shell's state changed by itself (idle lock, quick hide, a second launch). Returns an
   * unsubscribe. */
  onState(handler: (s: VaultStatus) => void): Promise<() => void>;
  /** The tray's "Quick check-in" was chosen (the shell has brought the window forward). Returns
   * an unsubscribe. */
  onQuickCheckin(handler: () => void): Promise<() => void>;
}

/** A complete ListQuery from a partial one. */
export function listQuery(q: Partial<ListQuery> = {}): ListQuery {
  return {
    kinds: [],
    since: null,
    until: null,
    tag: null,
    text: null,
    trash: false,
    offset: null,
    limit: null,
    ...q,
  };
}

export function isErrorDto(e: unknown): e is ErrorDto {
  return typeof e === 'object' && e !== null && typeof (e as ErrorDto).code === 'string';
}

/**
 * The backend for this build: Tauri in production, the in-memory fake under `vite --mode fake`
 * (for previewing the UI in a plain browser). The mode is replaced at build time, so the
 * production bundle holds no fake.
 */
export async function createBackend(): Promise<Backend> {
  if (import.meta.env.MODE === 'fake') {
    const { FakeBackend, seedDemo } = await import('./fake');
    const fake = new FakeBackend();
    const params = new URLSearchParams(location.search);
    const n = Number(params.get('records') ?? '300');
    await seedDemo(fake, Number.isFinite(n) ? n : 300);
    // `?changed`: preview the notice and the Check screen for a file changed outside Keel.
    if (params.has('changed')) fake.tamper({ damaged: [...fake.records.keys()].slice(-2), manifestOk: false });
    return fake;
  }
  return new TauriBackend();
}
