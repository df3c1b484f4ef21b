//! The page's one timer: it measures real time between ticks with
//! `performance.now()` and reports it, so the reducer can move the virtual
//! clock by elapsed time times the rate.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use crate::browser;

/// How often the clock ticks, in real milliseconds.
pub const TICK_MS: u32 = 100;

/// Calls `on_tick` with the real milliseconds since its previous call, every
/// [`TICK_MS`], for as long as the calling component is mounted.
#[hook]
pub fn use_clock_timer(on_tick: Callback<f64>) {
    use_effect_with((), move |_| {
        let last = Rc::new(Cell::new(browser::now_ms()));
        let interval = Interval::new(TICK_MS, move || {
            let now = browser::now_ms();
            let elapsed = now - last.replace(now);
            on_tick.emit(elapsed);
        });
        move || drop(interval)
    });
}
