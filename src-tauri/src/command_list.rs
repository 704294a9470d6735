// The one list of Keel's IPC commands: name, arguments (as the web view sends them, camelCased
// by Tauri) and reply. `build.rs` declares these in the AppManifest, `main.rs` registers their
// handlers, and a test writes the UI's typed calls (`ui/src/lib/backend/generated/commands.ts`)
// and checks that the capability grants exactly these. Included with `include!`, so it holds
// only this macro.

macro_rules! keel_commands {
    ($then:ident) => {
        $then! {
            vault_status() -> VaultStatus;
            create_vault(req: PassphraseRequest) -> CreatedVaultDto;
            confirm_recovery_key(req: ConfirmKeyRequest) -> VaultStatus;
            copy_recovery_key() -> u32;
            cancel_recovery_key() -> ();
            unlock(req: PassphraseRequest, epoch: u32) -> VaultStatus;
            lock() -> VaultStatus;
            quick_hide() -> ();
            recover(req: RecoverRequest, epoch: u32) -> VaultStatus;
            change_passphrase(req: ChangePassphraseRequest) -> ();
            new_recovery_key(req: PassphraseRequest) -> CreatedVaultDto;
            rekey(req: PassphraseRequest) -> CreatedVaultDto;
            vault_health() -> VaultHealthDto;
            verify_vault() -> VerifyReportDto;
            accept_current_set() -> ();
            activity() -> ();
            add_record(req: NewRecord) -> RecordDto;
            update_record(req: UpdateRecord) -> RecordDto;
            get_record(id: String) -> RecordDto;
            trash_record(id: String) -> RecordDto;
            restore_record(id: String) -> RecordDto;
            purge_record(id: String) -> ();
            list_records(req: ListQuery) -> ListPage;
            search_records(req: SearchQuery) -> ListPage;
            list_skills(include_hidden: bool) -> Vec<RecordDto>;
            list_trackers(include_archived: bool) -> Vec<RecordDto>;
            clock_status() -> Vec<ClockStatusDto>;
            programme_status() -> ProgrammeDto;
            assessment_trend(instrument: String) -> AssessmentTrendDto;
            diary_week(date: String) -> DiaryWeekDto;
            on_this_day() -> Vec<OnThisDayDto>;
            insights(req: InsightsQuery) -> InsightsDto;
            report_preview(req: ReportRequest) -> ReportDto;
            save_report(req: ReportRequest) -> Option<String>;
            import_preview(source: String, mood_map: String) -> Option<ImportSummaryDto>;
            import_confirm() -> ImportSummaryDto;
            import_cancel() -> ();
            export_to(format: String, one_file: bool) -> Option<String>;
            backup_status() -> BackupStatusDto;
            choose_backup_folder() -> Option<BackupStatusDto>;
            backup_now() -> BackupStatusDto;
            check_backup(file: String, req: PassphraseRequest) -> VerifyReportDto;
            restore_backup(file: String, req: PassphraseRequest) -> VaultStatus;
            lock_screen_plan() -> Option<CrisisPlanDto>;
            set_lock_screen_plan(plan: Option<CrisisPlanDto>) -> ();
            get_reminder_settings() -> ReminderSettings;
            set_reminder_settings(req: ReminderSettings) -> ReminderSettings;
            get_settings() -> Settings;
            set_settings(req: Settings) -> Settings;
        }
    };
}
