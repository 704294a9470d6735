//! Time is injected: domain code asks a `Clock`, tests give a fixed one.

use chrono::{DateTime, FixedOffset, Local};

pub trait Clock: Send + Sync {
    /// Now, in the local offset in force at this instant.
    fn now(&self) -> DateTime<FixedOffset>;
}

/// The machine's clock and time zone (honours `TZ`).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<FixedOffset> {
        Local::now().fixed_offset()
    }
}

/// A clock that always says the same instant; for tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<FixedOffset>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<FixedOffset> {
        self.0
    }
}
