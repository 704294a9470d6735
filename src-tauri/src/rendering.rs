//! How WebKit draws Keel's page on Linux: without accelerated compositing, unless the person
//! asked for it. Measured with `bench/screens.sh` (50,000 records, release build): with
//! compositing off, History scrolls at 16 ms a frame with none over 33 ms (82 ms with it on),
//! opens in about 120 ms instead of 230, and search results draw sooner. Keel's pages are flat
//! and need nothing compositing accelerates; it is also a common cause of blank windows on
//! some graphics drivers.

/// Whether to turn compositing off, given WEBKIT_DISABLE_COMPOSITING_MODE: yes unless it is set
/// (then WebKit follows the person's own value; "0" keeps compositing on).
pub fn turn_compositing_off(variable: Option<&std::ffi::OsStr>) -> bool {
    variable.is_none()
}

/// Turns WebKit's compositing off (WEBKIT_DISABLE_COMPOSITING_MODE=1) unless the person set the
/// variable. Must be the first thing `main` does: the variable is read when the web view is
/// made, and setting it later (or switching the web view's acceleration policy once its page
/// is loading) is too late or restarts the page.
#[allow(unsafe_code)]
pub fn prefer_no_compositing() {
    if cfg!(target_os = "linux")
        && turn_compositing_off(std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").as_deref())
    {
        // SAFETY: called first in main, before any thread is started, so nothing reads or
        // writes the environment at the same time.
        unsafe { std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_goes_off_unless_the_person_set_the_variable() {
        assert!(turn_compositing_off(None));
        assert!(!turn_compositing_off(Some("0".as_ref())));
        assert!(!turn_compositing_off(Some("1".as_ref())));
    }
}
