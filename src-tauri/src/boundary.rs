//! The window never leaves Keel: navigation anywhere but Keel's own page is cancelled, no new
//! window is ever opened, and the web view's own context menu keeps only editing actions (no
//! Open Link, Back, Reload or Inspect).

/// Whether `url` is Keel's own page: the embedded UI (`tauri://localhost`, or
/// `http(s)://tauri.localhost` on Windows) or, in a build that loads the Vite dev server instead
/// (no `custom-protocol`), that server. Every other navigation of the window is cancelled, so a
/// link in a note can never take Keel's window (with the vault unlocked) to another page.
pub fn is_own_page(url: &tauri::Url) -> bool {
    let own = match url.scheme() {
        "tauri" => url.host_str() == Some("localhost"),
        "http" | "https" => url.host_str() == Some("tauri.localhost"),
        _ => false,
    };
    let dev = cfg!(not(feature = "custom-protocol"))
        && url.scheme() == "http"
        && url.host_str() == Some("127.0.0.1")
        && url.port() == Some(5173);
    own || dev
}

/// The web view's context-menu actions Keel keeps: editing text, nothing that navigates,
/// opens, downloads or inspects.
#[cfg(target_os = "linux")]
fn kept(action: webkit2gtk::ContextMenuAction) -> bool {
    use webkit2gtk::ContextMenuAction as A;
    matches!(
        action,
        A::Copy
            | A::Cut
            | A::Paste
            | A::Delete
            | A::SelectAll
            | A::SpellingGuess
            | A::NoGuessesFound
            | A::IgnoreSpelling
            | A::LearnSpelling
    )
}

/// Trims the web view's context menu to editing actions on every right click (or Menu key);
/// with nothing left, no menu shows at all.
#[cfg(target_os = "linux")]
pub fn trim_context_menu(window: &tauri::WebviewWindow) {
    use webkit2gtk::{ContextMenuExt, ContextMenuItemExt, WebViewExt};
    let _ = window.with_webview(|wv| {
        wv.inner().connect_context_menu(|_, menu, _, _| {
            for item in menu.items() {
                if !item.is_separator() && !kept(item.stock_action()) {
                    menu.remove(&item);
                }
            }
            // Separators left at either end or side by side.
            let mut last_was_separator = true;
            for item in menu.items() {
                if item.is_separator() && last_was_separator {
                    menu.remove(&item);
                }
                last_was_separator = item.is_separator();
            }
            if let Some(last) = menu.items().last().filter(|i| i.is_separator()) {
                menu.remove(last);
            }
            // true: handled, show nothing.
            menu.items().is_empty()
        });
    });
}

#[cfg(not(target_os = "linux"))]
pub fn trim_context_menu(_window: &tauri::WebviewWindow) {
    // The page itself refuses the menu outside text fields (ui/src/lib/contextMenu.ts).
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_keels_own_page_may_be_navigated_to() {
        let ok = |u: &str| super::is_own_page(&tauri::Url::parse(u).unwrap());
        assert!(ok("tauri://localhost/"));
        assert!(ok("tauri://localhost/index.html#x"));
        assert!(
            ok("https://tauri.localhost/"),
            "the embedded UI's origin on Windows"
        );
        for other in [
            "https://example.org/",
            "http://localhost/",
            "https://tauri.localhost.example.org/",
            "tauri://example.org/",
            "file:///etc/passwd",
            "javascript:alert(1)",
            "data:text/html,<p>x</p>",
            "about:blank",
        ] {
            assert!(!ok(other), "{other} is not Keel's page");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_context_menu_keeps_editing_and_drops_everything_that_leaves_the_page() {
        use webkit2gtk::ContextMenuAction as A;
        for a in [A::Copy, A::Cut, A::Paste, A::SelectAll, A::SpellingGuess] {
            assert!(super::kept(a), "{a:?} is kept");
        }
        for a in [
            A::OpenLink,
            A::OpenLinkInNewWindow,
            A::DownloadLinkToDisk,
            A::CopyLinkToClipboard,
            A::OpenImageInNewWindow,
            A::OpenFrameInNewWindow,
            A::GoBack,
            A::GoForward,
            A::Reload,
            A::Stop,
            A::InspectElement,
            A::OpenVideoInNewWindow,
            A::OpenAudioInNewWindow,
            A::NoAction,
        ] {
            assert!(!super::kept(a), "{a:?} is dropped");
        }
    }
}
