//! Start-up trace: with `KEEL_STARTUP_TRACE=1`, the shell prints to stderr how long after the
//! process started each step of its start-up ended (`bench/app.sh` reads it). Names of steps
//! only, never anything of the person's.

use std::sync::OnceLock;
use std::time::Instant;

static START: OnceLock<Option<Instant>> = OnceLock::new();

/// Called first in `main`: starts the clock if tracing is asked for.
pub fn begin() {
    START.get_or_init(|| std::env::var_os("KEEL_STARTUP_TRACE").map(|_| Instant::now()));
    mark("main");
}

/// Prints `keel-startup: STEP +MS` when tracing.
pub fn mark(step: &str) {
    if let Some(Some(t0)) = START.get() {
        eprintln!(
            "keel-startup: {step} +{:.1}",
            t0.elapsed().as_secs_f64() * 1e3
        );
    }
}
