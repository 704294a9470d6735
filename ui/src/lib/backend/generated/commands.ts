// Generated from src-tauri/src/command_list.rs by `cargo test -p keel-desktop`; do not edit.
import type { AssessmentTrendDto } from './AssessmentTrendDto';
import type { BackupStatusDto } from './BackupStatusDto';
import type { ChangePassphraseRequest } from './ChangePassphraseRequest';
import type { ClockStatusDto } from './ClockStatusDto';
import type { ConfirmKeyRequest } from './ConfirmKeyRequest';
import type { CreatedVaultDto } from './CreatedVaultDto';
import type { CrisisPlanDto } from './CrisisPlanDto';
import type { DiaryWeekDto } from './DiaryWeekDto';
import type { ImportSummaryDto } from './ImportSummaryDto';
import type { InsightsDto } from './InsightsDto';
import type { InsightsQuery } from './InsightsQuery';
import type { ListPage } from './ListPage';
import type { ListQuery } from './ListQuery';
import type { NewRecord } from './NewRecord';
import type { OnThisDayDto } from './OnThisDayDto';
import type { PassphraseRequest } from './PassphraseRequest';
import type { ProgrammeDto } from './ProgrammeDto';
import type { RecordDto } from './RecordDto';
import type { RecoverRequest } from './RecoverRequest';
import type { ReminderSettings } from './ReminderSettings';
import type { ReportDto } from './ReportDto';
import type { ReportRequest } from './ReportRequest';
import type { SearchQuery } from './SearchQuery';
import type { Settings } from './Settings';
import type { UpdateRecord } from './UpdateRecord';
import type { VaultHealthDto } from './VaultHealthDto';
import type { VaultStatus } from './VaultStatus';
import type { VerifyReportDto } from './VerifyReportDto';

/** Every IPC command the shell registers and the window may call. */
export interface Commands {
  vault_status: { args: Record<string, never>; reply: VaultStatus };
  create_vault: { args: { req: PassphraseRequest }; reply: CreatedVaultDto };
  confirm_recovery_key: { args: { req: ConfirmKeyRequest }; reply: VaultStatus };
  copy_recovery_key: { args: Record<string, never>; reply: number };
  cancel_recovery_key: { args: Record<string, never>; reply: null };
  unlock: { args: { req: PassphraseRequest; epoch: number }; reply: VaultStatus };
  lock: { args: Record<string, never>; reply: VaultStatus };
  quick_hide: { args: Record<string, never>; reply: null };
  recover: { args: { req: RecoverRequest; epoch: number }; reply: VaultStatus };
  change_passphrase: { args: { req: ChangePassphraseRequest }; reply: null };
  new_recovery_key: { args: { req: PassphraseRequest }; reply: CreatedVaultDto };
  rekey: { args: { req: PassphraseRequest }; reply: CreatedVaultDto };
  vault_health: { args: Record<string, never>; reply: VaultHealthDto };
  verify_vault: { args: Record<string, never>; reply: VerifyReportDto };
  accept_current_set: { args: Record<string, never>; reply: null };
  activity: { args: Record<string, never>; reply: null };
  add_record: { args: { req: NewRecord }; reply: RecordDto };
  update_record: { args: { req: UpdateRecord }; reply: RecordDto };
  get_record: { args: { id: string }; reply: RecordDto };
  trash_record: { args: { id: string }; reply: RecordDto };
  restore_record: { args: { id: string }; reply: RecordDto };
  purge_record: { args: { id: string }; reply: null };
  list_records: { args: { req: ListQuery }; reply: ListPage };
  search_records: { args: { req: SearchQuery }; reply: ListPage };
  list_skills: { args: { includeHidden: boolean }; reply: Array<RecordDto> };
  list_trackers: { args: { includeArchived: boolean }; reply: Array<RecordDto> };
  clock_status: { args: Record<string, never>; reply: Array<ClockStatusDto> };
  programme_status: { args: Record<string, never>; reply: ProgrammeDto };
  assessment_trend: { args: { instrument: string }; reply: AssessmentTrendDto };
  diary_week: { args: { date: string }; reply: DiaryWeekDto };
  on_this_day: { args: Record<string, never>; reply: Array<OnThisDayDto> };
  insights: { args: { req: InsightsQuery }; reply: InsightsDto };
  report_preview: { args: { req: ReportRequest }; reply: ReportDto };
  save_report: { args: { req: ReportRequest }; reply: string | null };
  import_preview: { args: { source: string; moodMap: string }; reply: ImportSummaryDto | null };
  import_confirm: { args: Record<string, never>; reply: ImportSummaryDto };
  import_cancel: { args: Record<string, never>; reply: null };
  export_to: { args: { format: string; oneFile: boolean }; reply: string | null };
  backup_status: { args: Record<string, never>; reply: BackupStatusDto };
  choose_backup_folder: { args: Record<string, never>; reply: BackupStatusDto | null };
  backup_now: { args: Record<string, never>; reply: BackupStatusDto };
  check_backup: { args: { file: string; req: PassphraseRequest }; reply: VerifyReportDto };
  restore_backup: { args: { file: string; req: PassphraseRequest }; reply: VaultStatus };
  lock_screen_plan: { args: Record<string, never>; reply: CrisisPlanDto | null };
  set_lock_screen_plan: { args: { plan: CrisisPlanDto | null }; reply: null };
  get_reminder_settings: { args: Record<string, never>; reply: ReminderSettings };
  set_reminder_settings: { args: { req: ReminderSettings }; reply: ReminderSettings };
  get_settings: { args: Record<string, never>; reply: Settings };
  set_settings: { args: { req: Settings }; reply: Settings };
}

export const COMMANDS = [
  'vault_status',
  'create_vault',
  'confirm_recovery_key',
  'copy_recovery_key',
  'cancel_recovery_key',
  'unlock',
  'lock',
  'quick_hide',
  'recover',
  'change_passphrase',
  'new_recovery_key',
  'rekey',
  'vault_health',
  'verify_vault',
  'accept_current_set',
  'activity',
  'add_record',
  'update_record',
  'get_record',
  'trash_record',
  'restore_record',
  'purge_record',
  'list_records',
  'search_records',
  'list_skills',
  'list_trackers',
  'clock_status',
  'programme_status',
  'assessment_trend',
  'diary_week',
  'on_this_day',
  'insights',
  'report_preview',
  'save_report',
  'import_preview',
  'import_confirm',
  'import_cancel',
  'export_to',
  'backup_status',
  'choose_backup_folder',
  'backup_now',
  'check_backup',
  'restore_backup',
  'lock_screen_plan',
  'set_lock_screen_plan',
  'get_reminder_settings',
  'set_reminder_settings',
  'get_settings',
  'set_settings',
] as const;
