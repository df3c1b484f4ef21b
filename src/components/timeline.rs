//! The job timeline: one row per async job, its bar drawn from start to
//! completion on a shared time axis, coloured by status and filled as far
//! as the job has progressed. A row is a button: it puts a GetAsyncResult
//! for that job's handle in the editor.

use element_emulator::{JobStatus, JobView, Timestamp};
use yew::prelude::*;

use crate::format;

/// The axis never spans less than this, so a 5 s job is not a full bar.
const MIN_SPAN_MS: i64 = 60_000;
/// Jobs that ended this long before the axis ends fall off its left edge.
const RECENT_MS: i64 = 15 * 60_000;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub jobs: Vec<JobView>,
    pub now: Timestamp,
    pub on_inspect: Callback<u64>,
}

/// The stretch of virtual time the axis shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    pub start: Timestamp,
    pub end: Timestamp,
}

impl Window {
    /// From the start of the earliest recent job to the later of now and
    /// the last completion.
    pub fn fit(jobs: &[JobView], now: Timestamp) -> Window {
        let end = jobs.iter().map(|job| job.completes).fold(now, Timestamp::max);
        let recent = jobs.iter().filter(|job| end.millis_since(job.completes) <= RECENT_MS);
        let earliest = recent.map(|job| job.created).min().unwrap_or(now);
        let widest = Timestamp::from_millis(end.as_millis() - MIN_SPAN_MS);
        Window { start: earliest.min(widest), end }
    }

    /// Where `at` falls, in percent of the axis, clamped to 0..=100.
    pub fn percent(self, at: Timestamp) -> f64 {
        let span = self.end.millis_since(self.start).max(1) as f64;
        let offset = at.as_millis() - self.start.as_millis();
        (offset as f64 * 100.0 / span).clamp(0.0, 100.0)
    }
}

/// A job's progress as the integer percent `data-progress` carries.
pub fn percent_done(job: &JobView) -> u8 {
    let value = if job.progress.is_finite() { job.progress } else { 0.0 };
    // Clamped to 0..=100 first, so the cast cannot wrap.
    (value * 100.0).round().clamp(0.0, 100.0) as u8
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let window = Window::fit(&props.jobs, props.now);
    let now_at = window.percent(props.now);
    let rows = props.jobs.iter().map(|job| job_row(job, window, now_at, props));

    html! {
        <div class="timeline-wrap">
            <div class="timeline-axis" aria-hidden="true">
                <span>{format::time_of_day(&window.start.to_iso()).to_string()}</span>
                <span class="muted">{format::span(window.end.millis_since(window.start))}</span>
                <span>{format::time_of_day(&window.end.to_iso()).to_string()}</span>
            </div>
            <ol class="timeline" data-testid="timeline" aria-label="Async jobs">
                {for rows}
            </ol>
            if props.jobs.is_empty() {
                <p class="muted">{"No jobs yet: CloneVolume, AddDrives and friends start one."}</p>
            }
        </div>
    }
}

fn job_row(job: &JobView, window: Window, now_at: f64, props: &TimelineProps) -> Html {
    let handle = job.handle;
    let onclick = {
        let on_inspect = props.on_inspect.clone();
        Callback::from(move |_: MouseEvent| on_inspect.emit(handle))
    };

    let percent = percent_done(job);
    let status = job.status.as_str();
    // A job that ended before the axis begins gets a marker at its edge, not a bar.
    let earlier = job.completes < window.start;
    let left = window.percent(job.created);
    let width = (window.percent(job.completes) - left).max(0.6);
    let bar_style = format!("left:{};width:{}", css_percent(left), css_percent(width));
    let fill_style = format!("width:{percent}%");
    let state = state_text(job, props.now);
    let title = format!(
        "{} (handle {handle}), {status}: press to put a GetAsyncResult for it in the editor",
        job.method
    );

    html! {
        <li>
            <button
                type="button"
                class={classes!("job", format!("is-{status}"), job.purged.then_some("is-purged"))}
                data-testid={format!("job-{handle}")}
                data-status={status}
                data-progress={percent.to_string()}
                {title}
                {onclick}
            >
                <span class="job-id">{format!("#{handle}")}</span>
                <span class="job-text">
                    <span class="job-method">{job.method}</span>
                    <span class="job-label">{&job.label}</span>
                </span>
                <span class="job-track" aria-hidden="true">
                    if earlier {
                        <span class="job-earlier">{"◂ before this window"}</span>
                    } else {
                        <span class="job-bar" style={bar_style}>
                            <span class="job-fill" style={fill_style}></span>
                        </span>
                    }
                    <span class="job-now" style={format!("left:{}", css_percent(now_at))}></span>
                </span>
                <span class="job-state">{state}</span>
            </button>
        </li>
    }
}

/// A CSS percentage with two decimals, written without float formatting
/// (which would cost the wasm its float printing code).
fn css_percent(value: f64) -> String {
    let hundredths = (value.clamp(0.0, 100.0) * 100.0).round() as u64;
    format!("{}%", format::fixed(hundredths, 2))
}

/// The short text at a row's end: how far along, or how it ended.
fn state_text(job: &JobView, now: Timestamp) -> String {
    let ended = format::moment(&job.completes.to_iso(), &now.to_iso()).into_owned();
    let purged = if job.purged { ", read" } else { "" };
    match job.status {
        JobStatus::Running => {
            let left = format::span(job.completes.millis_since(now));
            format!("{}% · {left} left", percent_done(job))
        }
        JobStatus::Succeeded => format!("done {ended}{purged}"),
        JobStatus::Failed => format!("failed {ended}{purged}"),
        JobStatus::Cancelled => format!("cancelled {ended}"),
    }
}

#[cfg(test)]
mod tests {
    use element_emulator::ResultType;

    use super::*;

    fn job(created: i64, completes: i64, progress: f64) -> JobView {
        JobView {
            handle: 2,
            result_type: ResultType::Clone,
            method: "CloneVolume",
            label: String::new(),
            created: Timestamp::from_millis(created),
            completes: Timestamp::from_millis(completes),
            status: JobStatus::Running,
            progress,
            purged: false,
        }
    }

    #[test]
    fn the_axis_covers_recent_jobs_and_at_least_a_minute() {
        let now = Timestamp::from_millis(10_000_000);
        let old = job(0, 90_000, 1.0);
        let clone = job(9_990_000, 10_020_000, 0.3);

        let window = Window::fit(&[old.clone(), clone.clone()], now);
        let expected_start = Timestamp::from_millis(10_020_000 - MIN_SPAN_MS);
        assert_eq!(window, Window { start: expected_start, end: clone.completes });
        assert_eq!(window.percent(old.completes), 0.0);
        assert_eq!(window.percent(clone.completes), 100.0);

        let long = job(9_000_000, 10_020_000, 0.9);
        assert_eq!(Window::fit(std::slice::from_ref(&long), now).start, long.created);
        assert_eq!(
            Window::fit(&[], now),
            Window { start: Timestamp::from_millis(10_000_000 - MIN_SPAN_MS), end: now }
        );
    }

    #[test]
    fn css_percentages_keep_two_decimals() {
        assert_eq!(css_percent(12.3456), "12.35%");
        assert_eq!(css_percent(0.6), "0.60%");
        assert_eq!(css_percent(250.0), "100.00%");
    }

    #[test]
    fn progress_is_a_whole_percent() {
        let rows = [(0.0, 0), (0.454, 45), (0.999, 100), (1.0, 100), (1.7, 100), (f64::NAN, 0)];
        for (progress, percent) in rows {
            assert_eq!(percent_done(&job(0, 1, progress)), percent, "{progress}");
        }
    }
}
