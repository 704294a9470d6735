//! An empty Tauri 2 window: the yardstick for Keel's start-up time and memory.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("minimal window");
}
