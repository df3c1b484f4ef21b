//! How numbers read on the page: byte sizes, real and virtual durations,
//! HTTP status lines.

/// `512 B`, `1.5 KB`, `2.00 MB` (1 KB = 1024 bytes).
pub fn bytes(count: usize) -> String {
    const KB: u64 = 1024;
    let count = count as u64;
    if count < KB {
        format!("{count} B")
    } else if count < KB * KB {
        format!("{} KB", fixed(div_round(count * 10, KB), 1))
    } else {
        format!("{} MB", fixed(div_round(count * 100, KB * KB), 2))
    }
}

/// Real time in milliseconds: `0.42 ms`, `12.3 ms`, `1.20 s`.
pub fn real_ms(ms: f64) -> String {
    // Rounded to integers first: formatting floats would pull the float
    // printing code into the wasm, for three numbers on the page. The casts
    // saturate, and NaN becomes 0.
    let ms = if ms.is_finite() { ms.max(0.0) } else { 0.0 };
    if ms < 10.0 {
        format!("{} ms", fixed((ms * 100.0).round() as u64, 2))
    } else if ms < 1000.0 {
        format!("{} ms", fixed((ms * 10.0).round() as u64, 1))
    } else {
        format!("{} s", fixed((ms / 10.0).round() as u64, 2))
    }
}

/// `scaled` divided by 10^`places`, written with exactly `places` decimals.
pub fn fixed(scaled: u64, places: u32) -> String {
    let unit = 10u64.pow(places);
    let width = places as usize;
    format!("{}.{:0width$}", scaled / unit, scaled % unit)
}

/// `numerator / denominator`, rounded half up.
fn div_round(numerator: u64, denominator: u64) -> u64 {
    (numerator + denominator / 2) / denominator
}

/// Virtual time spans: `8 s`, `4 min 10 s`, `1 h 2 min`.
pub fn span(ms: i64) -> String {
    let secs = ms.max(0) / 1000;
    let (hours, mins, secs) = (secs / 3600, secs / 60 % 60, secs % 60);
    match (hours, mins, secs) {
        (0, 0, secs) => format!("{secs} s"),
        (0, mins, 0) => format!("{mins} min"),
        (0, mins, secs) => format!("{mins} min {secs} s"),
        (hours, 0, _) => format!("{hours} h"),
        (hours, mins, _) => format!("{hours} h {mins} min"),
    }
}

/// The time of day of an ISO instant (`2026-01-01T00:04:10Z` → `00:04:10`).
pub fn time_of_day(iso: &str) -> &str {
    iso.get(11..19).unwrap_or(iso)
}

/// When `at` happened, as seen from `now` (both ISO instants): the time of
/// day on the same date (`00:04:10`), else the month, day and minute
/// (`12-31 23:01`), short enough for the timeline's last column.
pub fn moment<'a>(at: &'a str, now: &str) -> std::borrow::Cow<'a, str> {
    let (date, now_date) = (at.get(..10), now.get(..10));
    match (at.get(5..10), at.get(11..16)) {
        (Some(day), Some(minute)) if date != now_date => format!("{day} {minute}").into(),
        _ => time_of_day(at).into(),
    }
}

/// `200 OK`, `404 Not Found`, or the bare code for others.
pub fn status_line(status: u16) -> String {
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        _ => "",
    };
    format!("{status} {reason}").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        let rows = [(0, "0 B"), (1023, "1023 B"), (1536, "1.5 KB"), (2 * 1024 * 1024, "2.00 MB")];
        for (count, text) in rows {
            assert_eq!(bytes(count), text);
        }
    }

    #[test]
    fn durations() {
        assert_eq!(real_ms(0.4234), "0.42 ms");
        assert_eq!(real_ms(12.34), "12.3 ms");
        assert_eq!(real_ms(1200.0), "1.20 s");
        assert_eq!(real_ms(f64::NAN), "0.00 ms");
        assert_eq!(fixed(7, 2), "0.07");
        let rows =
            [(8_400, "8 s"), (240_000, "4 min"), (250_000, "4 min 10 s"), (3_720_000, "1 h 2 min")];
        for (ms, text) in rows {
            assert_eq!(span(ms), text);
        }
        assert_eq!(span(-5), "0 s");
    }

    #[test]
    fn status_lines_and_times() {
        assert_eq!(status_line(200), "200 OK");
        assert_eq!(status_line(404), "404 Not Found");
        assert_eq!(status_line(418), "418");
        assert_eq!(time_of_day("2026-01-01T00:04:10Z"), "00:04:10");
        assert_eq!(time_of_day("short"), "short");
        let now = "2026-01-01T00:04:10Z";
        assert_eq!(moment("2026-01-01T00:01:30Z", now), "00:01:30");
        assert_eq!(moment("2025-12-31T23:01:30Z", now), "12-31 23:01");
        assert_eq!(moment("short", now), "short");
    }
}
