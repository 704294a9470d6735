// The real backend: Tauri commands over IPC. Every call goes through `call`, typed by the
// shell's one list of commands (`generated/commands.ts`), so a command name or an argument shape
// the shell does not register fails the type check.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type { Commands } from './generated/commands';
import type {
  Backend,
  BackupStatusDto,
  ChangePassphraseRequest,
  ConfirmKeyRequest,
  CrisisPlanDto,
  ExportFormat,
  ImportSource,
  InsightsQuery,
  ListQuery,
  ReportRequest,
  VaultStatus,
  NewRecord,
  PassphraseRequest,
  ReminderSettings,
  RecoverRequest,
  SearchQuery,
  Settings,
  UpdateRecord,
} from './index';

export const STATE_EVENT = 'keel://state';
/** The tray's "Quick check-in" (src-tauri/src/tray.rs). */
export const QUICK_CHECKIN_EVENT = 'keel://quick-checkin';
/** A backup made (the day's first unlock) or restored by the shell (src-tauri/src/backups.rs). */
export const BACKUP_EVENT = 'keel://backup';

/** One IPC command, with the arguments (named as the shell takes them) and the reply it has. */
export function call<K extends keyof Commands>(
  cmd: K,
  args: Commands[K]['args'],
): Promise<Commands[K]['reply']> {
  return invoke<Commands[K]['reply']>(cmd, args);
}

export class TauriBackend implements Backend {
  vaultStatus() {
    return call('vault_status', {});
  }
  createVault(req: PassphraseRequest) {
    return call('create_vault', { req });
  }
  confirmRecoveryKey(req: ConfirmKeyRequest) {
    return call('confirm_recovery_key', { req });
  }
  copyRecoveryKey() {
    return call('copy_recovery_key', {});
  }
  async cancelRecoveryKey() {
    await call('cancel_recovery_key', {});
  }
  unlock(req: PassphraseRequest, epoch: number) {
    return call('unlock', { req, epoch });
  }
  lock() {
    return call('lock', {});
  }
  async quickHide() {
    await call('quick_hide', {});
  }
  recover(req: RecoverRequest, epoch: number) {
    return call('recover', { req, epoch });
  }
  async changePassphrase(req: ChangePassphraseRequest) {
    await call('change_passphrase', { req });
  }
  newRecoveryKey(req: PassphraseRequest) {
    return call('new_recovery_key', { req });
  }
  rekey(req: PassphraseRequest) {
    return call('rekey', { req });
  }
  vaultHealth() {
    return call('vault_health', {});
  }
  verifyVault() {
    return call('verify_vault', {});
  }
  async acceptCurrentSet() {
    await call('accept_current_set', {});
  }
  async reportActivity() {
    await call('activity', {});
  }
  addRecord(req: NewRecord) {
    return call('add_record', { req });
  }
  updateRecord(req: UpdateRecord) {
    return call('update_record', { req });
  }
  getRecord(id: string) {
    return call('get_record', { id });
  }
  trashRecord(id: string) {
    return call('trash_record', { id });
  }
  restoreRecord(id: string) {
    return call('restore_record', { id });
  }
  async purgeRecord(id: string) {
    await call('purge_record', { id });
  }
  listRecords(req: ListQuery) {
    return call('list_records', { req });
  }
  searchRecords(req: SearchQuery) {
    return call('search_records', { req });
  }
  listSkills(includeHidden: boolean) {
    return call('list_skills', { includeHidden });
  }
  listTrackers(includeArchived: boolean) {
    return call('list_trackers', { includeArchived });
  }
  clockStatus() {
    return call('clock_status', {});
  }
  programme() {
    return call('programme_status', {});
  }
  assessmentTrend(instrument: string) {
    return call('assessment_trend', { instrument });
  }
  diaryWeek(date: string) {
    return call('diary_week', { date });
  }
  onThisDay() {
    return call('on_this_day', {});
  }
  insights(req: InsightsQuery) {
    return call('insights', { req });
  }
  reportPreview(req: ReportRequest) {
    return call('report_preview', { req });
  }
  saveReport(req: ReportRequest) {
    return call('save_report', { req });
  }
  reminderSettings() {
    return call('get_reminder_settings', {});
  }
  setReminderSettings(req: ReminderSettings) {
    return call('set_reminder_settings', { req });
  }
  getSettings() {
    return call('get_settings', {});
  }
  setSettings(req: Settings) {
    return call('set_settings', { req });
  }
  lockScreenPlan() {
    return call('lock_screen_plan', {});
  }
  async setLockScreenPlan(plan: CrisisPlanDto | null) {
    await call('set_lock_screen_plan', { plan });
  }
  backupStatus() {
    return call('backup_status', {});
  }
  chooseBackupFolder() {
    return call('choose_backup_folder', {});
  }
  backupNow() {
    return call('backup_now', {});
  }
  checkBackup(file: string, req: PassphraseRequest) {
    return call('check_backup', { file, req });
  }
  restoreBackup(file: string, req: PassphraseRequest) {
    return call('restore_backup', { file, req });
  }
  importPreview(source: ImportSource, moodMap: string) {
    return call('import_preview', { source, moodMap });
  }
  importConfirm() {
    return call('import_confirm', {});
  }
  async importCancel() {
    await call('import_cancel', {});
  }
  exportTo(format: ExportFormat, oneFile: boolean) {
    return call('export_to', { format, oneFile });
  }
  async onBackup(handler: (s: BackupStatusDto) => void) {
    return listen<BackupStatusDto>(BACKUP_EVENT, (e) => handler(e.payload));
  }
  async onState(handler: (s: VaultStatus) => void) {
    return listen<VaultStatus>(STATE_EVENT, (e) => handler(e.payload));
  }
  async onQuickCheckin(handler: () => void) {
    return listen(QUICK_CHECKIN_EVENT, () => handler());
  }
}
