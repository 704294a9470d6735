// The real backend: Tauri commands over IPC. Arguments are named as the Rust commands take them.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';
import type {
  Backend,
  ChangePassphraseRequest,
  CreatedVaultDto,
  ListPage,
  ListQuery,
  NewRecord,
  PassphraseRequest,
  RecordDto,
  RecoverRequest,
  SearchQuery,
  Settings,
  UpdateRecord,
  VaultStatus,
} from './index';

export const LOCKED_EVENT = 'keel://locked';

export class TauriBackend implements Backend {
  vaultStatus() {
    return invoke<VaultStatus>('vault_status');
  }
  createVault(req: PassphraseRequest) {
    return invoke<CreatedVaultDto>('create_vault', { req });
  }
  async unlock(req: PassphraseRequest) {
    await invoke<null>('unlock', { req });
  }
  async lock() {
    await invoke<null>('lock');
  }
  async quickHide() {
    await invoke<null>('quick_hide');
  }
  async recover(req: RecoverRequest) {
    await invoke<null>('recover', { req });
  }
  async changePassphrase(req: ChangePassphraseRequest) {
    await invoke<null>('change_passphrase', { req });
  }
  newRecoveryKey(req: PassphraseRequest) {
    return invoke<CreatedVaultDto>('new_recovery_key', { req });
  }
  addRecord(req: NewRecord) {
    return invoke<RecordDto>('add_record', { req });
  }
  updateRecord(req: UpdateRecord) {
    return invoke<RecordDto>('update_record', { req });
  }
  getRecord(id: string) {
    return invoke<RecordDto>('get_record', { id });
  }
  deleteRecord(id: string) {
    return invoke<RecordDto>('delete_record', { id });
  }
  restoreRecord(id: string) {
    return invoke<RecordDto>('restore_record', { id });
  }
  async purgeRecord(id: string) {
    await invoke<null>('purge_record', { id });
  }
  listRecords(req: ListQuery) {
    return invoke<ListPage>('list_records', { req });
  }
  searchRecords(req: SearchQuery) {
    return invoke<ListPage>('search_records', { req });
  }
  listSkills(includeHidden: boolean) {
    return invoke<RecordDto[]>('list_skills', { includeHidden });
  }
  getSettings() {
    return invoke<Settings>('get_settings');
  }
  setSettings(req: Settings) {
    return invoke<Settings>('set_settings', { req });
  }
  async onLocked(handler: () => void) {
    return listen(LOCKED_EVENT, () => handler());
  }
}
