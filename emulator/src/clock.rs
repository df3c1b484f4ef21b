//! Virtual time. The emulator never reads a wall clock: callers pass a
//! [`Timestamp`] into every call, so the same steps always give the same bytes.

use std::fmt;

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// An instant on the virtual clock, in milliseconds since the Unix epoch (UTC).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// The instant a fresh emulator starts at, unless told otherwise.
pub const DEFAULT_START: Timestamp = Timestamp(1_767_225_600_000); // 2026-01-01T00:00:00Z

impl Timestamp {
    /// The earliest instant the clock shows: 0001-01-01T00:00:00Z.
    pub const MIN: Timestamp = Timestamp(-62_135_596_800_000);
    /// The latest instant the clock shows, 9999-12-31T23:59:59.999Z, the end
    /// of what a four-digit ISO-8601 year can say. The clock stops there.
    pub const MAX: Timestamp = Timestamp(253_402_300_799_999);

    /// The instant `millis` after the epoch, kept within [`Timestamp::MIN`]
    /// and [`Timestamp::MAX`].
    pub const fn from_millis(millis: i64) -> Timestamp {
        if millis < Timestamp::MIN.0 {
            Timestamp::MIN
        } else if millis > Timestamp::MAX.0 {
            Timestamp::MAX
        } else {
            Timestamp(millis)
        }
    }

    pub const fn from_secs(secs: i64) -> Timestamp {
        Timestamp::from_millis(secs.saturating_mul(1000))
    }

    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// This instant moved forward by `millis`: never backwards, and never
    /// past [`Timestamp::MAX`].
    pub const fn plus_millis(self, millis: i64) -> Timestamp {
        Timestamp::from_millis(self.0.saturating_add(if millis > 0 { millis } else { 0 }))
    }

    /// Milliseconds from `earlier` to `self`, zero if `earlier` is later.
    pub fn millis_since(self, earlier: Timestamp) -> i64 {
        self.0.saturating_sub(earlier.0).max(0)
    }

    /// Parses an RFC 3339 / ISO-8601 instant such as `2026-01-01T00:00:00Z`.
    pub fn parse_iso(text: &str) -> Result<Timestamp, String> {
        let parsed = OffsetDateTime::parse(text.trim(), &Rfc3339)
            .map_err(|err| format!("not an ISO-8601 UTC time: {err}"))?;
        let millis = parsed.unix_timestamp_nanos() / 1_000_000;
        // RFC 3339 years have four digits, so every parsed instant is in range.
        i64::try_from(millis).map(Timestamp::from_millis).map_err(|_| "time out of range".into())
    }

    /// Element's wire form: `YYYY-MM-DDTHH:MM:SSZ`, whole seconds, UTC.
    ///
    /// The calendar comes from `time`; the layout is a plain `format!`, which
    /// keeps `time`'s general formatter (several KB of wasm) out of the page.
    pub fn to_iso(self) -> String {
        // Every Timestamp is within MIN..=MAX, which `time` can always show.
        let Ok(instant) = OffsetDateTime::from_unix_timestamp(self.0.div_euclid(1000)) else {
            return "1970-01-01T00:00:00Z".to_string();
        };
        let (date, clock) = (instant.date(), instant.time());
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            date.year(),
            u8::from(date.month()),
            date.day(),
            clock.hour(),
            clock.minute(),
            clock.second()
        )
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_whole_seconds_in_utc() {
        assert_eq!(DEFAULT_START.to_iso(), "2026-01-01T00:00:00Z");
        assert_eq!(DEFAULT_START.plus_millis(61_999).to_iso(), "2026-01-01T00:01:01Z");
        assert_eq!(Timestamp::from_secs(0).to_iso(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp::from_secs(951_868_799).to_iso(), "2000-02-29T23:59:59Z");
        assert_eq!(Timestamp::from_millis(-1).to_iso(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn parses_what_it_formats_and_offsets() {
        assert_eq!(Timestamp::parse_iso("2026-01-01T00:00:00Z"), Ok(DEFAULT_START));
        let shifted = Timestamp::parse_iso("2026-01-01T01:00:00+01:00");
        assert_eq!(shifted, Ok(DEFAULT_START));
        assert!(Timestamp::parse_iso("yesterday").is_err());
    }

    #[test]
    fn never_moves_backwards() {
        assert_eq!(DEFAULT_START.plus_millis(-5), DEFAULT_START);
        assert_eq!(DEFAULT_START.millis_since(DEFAULT_START.plus_millis(10)), 0);
    }

    #[test]
    fn stops_at_the_last_instant_iso_8601_can_show() {
        assert_eq!(DEFAULT_START.plus_millis(i64::MAX), Timestamp::MAX);
        assert_eq!(Timestamp::from_millis(i64::MAX).to_iso(), "9999-12-31T23:59:59Z");
        assert_eq!(Timestamp::from_millis(i64::MIN).to_iso(), "0001-01-01T00:00:00Z");
        assert_eq!(Timestamp::from_secs(i64::MAX), Timestamp::MAX);
        let last = Timestamp::parse_iso("9999-12-31T23:59:59.999Z");
        assert_eq!(last, Ok(Timestamp::MAX));
    }
}
