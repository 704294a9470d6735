//! The window comes back where the user left it, and only where it fits. The saved place is
//! written privately and atomically beside the vault; on start it is read as untrusted input:
//! clamped to the monitors present, and ignored when it lies on none of them or does not parse.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Where the window was, in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
    #[serde(default)]
    pub maximized: bool,
}

/// A rectangle in physical pixels (a monitor's work area, or a window).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn overlap(&self, o: &Rect) -> u64 {
        let span = |a: i32, al: u32, b: i32, bl: u32| {
            let (a, b) = (i64::from(a), i64::from(b));
            let end = (a + i64::from(al)).min(b + i64::from(bl));
            (end - a.max(b)).max(0) as u64
        };
        span(self.x, self.width, o.x, o.width) * span(self.y, self.height, o.y, o.height)
    }
}

pub fn path(vault: &Path) -> PathBuf {
    vault.with_file_name("window.json")
}

/// The saved place, if the file is there and reads as one.
pub fn load(path: &Path) -> Option<Saved> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.len() > 4096 {
        return None;
    }
    serde_json::from_slice(&bytes).ok()
}

pub fn save(path: &Path, s: &Saved) -> keel::Result<()> {
    let json = serde_json::to_vec(s).map_err(|_| keel::Error::invalid("window", "not saved"))?;
    keel::fsx::write_private(path, &json, true, "window")
}

/// Where to put a window saved as `saved`, given the monitors' work areas: on the monitor it
/// overlaps most, no larger than that monitor (and no smaller than `min`), moved wholly onto
/// it. `None` (the default place) when it overlaps no monitor at all.
pub fn fit(saved: &Saved, monitors: &[Rect], min: (u32, u32)) -> Option<Rect> {
    let want = Rect {
        x: saved.x,
        y: saved.y,
        // A zero size still has a place to be judged by.
        width: saved.width.max(1),
        height: saved.height.max(1),
    };
    let mon = monitors
        .iter()
        .filter(|m| m.width > 0 && m.height > 0)
        .max_by_key(|m| m.overlap(&want))
        .filter(|m| m.overlap(&want) > 0)?;
    let width = saved.width.clamp(min.0.min(mon.width), mon.width);
    let height = saved.height.clamp(min.1.min(mon.height), mon.height);
    let clamp_pos = |p: i32, start: i32, len: u32, size: u32| {
        let (start, end) = (
            i64::from(start),
            i64::from(start) + i64::from(len) - i64::from(size),
        );
        i64::from(p).clamp(start, end.max(start)) as i32
    };
    Some(Rect {
        x: clamp_pos(saved.x, mon.x, mon.width, width),
        y: clamp_pos(saved.y, mon.y, mon.height, height),
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Rect = Rect {
        x: 0,
        y: 0,
        width: 1280,
        height: 800,
    };
    const MIN: (u32, u32) = (800, 600);

    fn saved(x: i32, y: i32, width: u32, height: u32) -> Saved {
        Saved {
            x,
            y,
            width,
            height,
            maximized: false,
        }
    }

    #[test]
    fn a_place_that_fits_is_kept_as_it_is() {
        let r = fit(&saved(40, 30, 900, 640), &[SCREEN], MIN).unwrap();
        assert_eq!(
            r,
            Rect {
                x: 40,
                y: 30,
                width: 900,
                height: 640
            }
        );
    }

    #[test]
    fn a_huge_size_is_clamped_to_the_monitor() {
        let r = fit(&saved(0, 0, u32::MAX, 32767), &[SCREEN], MIN).unwrap();
        assert_eq!((r.width, r.height), (1280, 800));
        assert_eq!((r.x, r.y), (0, 0));
    }

    #[test]
    fn a_window_left_one_pixel_on_screen_is_moved_wholly_onto_it() {
        let r = fit(&saved(1279, 799, 900, 640), &[SCREEN], MIN).unwrap();
        assert_eq!(
            r,
            Rect {
                x: 380,
                y: 160,
                width: 900,
                height: 640
            }
        );
        let r = fit(&saved(-899, -639, 900, 640), &[SCREEN], MIN).unwrap();
        assert_eq!((r.x, r.y), (0, 0));
    }

    #[test]
    fn a_place_on_no_monitor_is_ignored() {
        assert_eq!(fit(&saved(5000, 5000, 900, 640), &[SCREEN], MIN), None);
        assert_eq!(
            fit(&saved(i32::MAX, i32::MIN, u32::MAX, u32::MAX), &[], MIN),
            None
        );
        assert_eq!(fit(&saved(-2000, 0, 900, 640), &[SCREEN], MIN), None);
    }

    #[test]
    fn a_tiny_size_grows_to_the_minimum() {
        let r = fit(&saved(10, 10, 1, 0), &[SCREEN], MIN).unwrap();
        assert_eq!((r.width, r.height), MIN);
    }

    #[test]
    fn the_monitor_it_overlaps_most_is_chosen() {
        let right = Rect {
            x: 1280,
            y: 0,
            width: 1920,
            height: 1080,
        };
        let r = fit(&saved(1200, 100, 1000, 700), &[SCREEN, right], MIN).unwrap();
        assert_eq!(
            r,
            Rect {
                x: 1280,
                y: 100,
                width: 1000,
                height: 700
            }
        );
    }

    #[test]
    fn a_file_that_does_not_parse_or_is_too_big_is_ignored_and_a_saved_one_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let p = path(&dir.path().join("keel.db"));
        std::fs::write(&p, b"{\"x\": 1e99").unwrap();
        assert_eq!(load(&p), None);
        std::fs::write(&p, vec![b' '; 5000]).unwrap();
        assert_eq!(load(&p), None);
        let s = saved(1, 2, 900, 700);
        save(&p, &s).unwrap();
        assert_eq!(load(&p), Some(s));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
    }
}
