//! How fast the virtual clock runs, and how real elapsed time becomes
//! virtual milliseconds. The timer hook measures; this only computes.

/// The clock's speed: stopped, or a multiple of real time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rate {
    Paused,
    #[default]
    X1,
    X10,
    X60,
}

/// The longest real gap one tick may account for. Browsers slow timers in
/// background tabs; a learner coming back should not find an hour gone.
pub const MAX_TICK_MS: f64 = 2_000.0;

/// How far the clock jumps on "step" when no job is running.
pub const IDLE_STEP_MS: i64 = 10_000;

impl Rate {
    pub const ALL: [Rate; 4] = [Rate::Paused, Rate::X1, Rate::X10, Rate::X60];

    /// Virtual milliseconds per real millisecond.
    pub fn factor(self) -> f64 {
        match self {
            Rate::Paused => 0.0,
            Rate::X1 => 1.0,
            Rate::X10 => 10.0,
            Rate::X60 => 60.0,
        }
    }

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            Rate::Paused => "Pause",
            Rate::X1 => "1×",
            Rate::X10 => "10×",
            Rate::X60 => "60×",
        }
    }

    /// The suffix of the button's `data-testid` (`clock-10x`).
    pub fn test_id(self) -> &'static str {
        match self {
            Rate::Paused => "clock-pause",
            Rate::X1 => "clock-1x",
            Rate::X10 => "clock-10x",
            Rate::X60 => "clock-60x",
        }
    }
}

/// Whole virtual milliseconds to advance after `elapsed_ms` of real time at
/// `rate`, and the fraction left over for the next tick.
pub fn advance(rate: Rate, elapsed_ms: f64, residue_ms: f64) -> (i64, f64) {
    let elapsed = if elapsed_ms.is_finite() { elapsed_ms.clamp(0.0, MAX_TICK_MS) } else { 0.0 };
    let total = elapsed * rate.factor() + residue_ms;
    let whole = total.floor();
    // `whole` is at most MAX_TICK_MS * 60 plus a fraction: it fits an i64.
    (whole as i64, total - whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_real_time_and_carries_fractions() {
        let rows = [
            (Rate::Paused, 100.0, 0.0, (0, 0.0)),
            (Rate::X1, 100.4, 0.0, (100, 0.4)),
            (Rate::X1, 100.4, 0.7, (101, 0.1)),
            (Rate::X10, 100.0, 0.0, (1_000, 0.0)),
            (Rate::X60, 100.0, 0.0, (6_000, 0.0)),
            (Rate::X60, 3_600_000.0, 0.0, (120_000, 0.0)),
            (Rate::X10, -5.0, 0.0, (0, 0.0)),
            (Rate::X10, f64::NAN, 0.5, (0, 0.5)),
        ];
        for (rate, elapsed, residue, (whole, left)) in rows {
            let (actual_whole, actual_left) = advance(rate, elapsed, residue);
            assert_eq!(actual_whole, whole, "{rate:?} {elapsed}");
            assert!((actual_left - left).abs() < 1e-6, "{rate:?} {elapsed}: {actual_left}");
        }
    }
}
