//! Hooks that own the page's side effects and report them as callbacks.

mod use_clock_timer;

pub use use_clock_timer::use_clock_timer;
