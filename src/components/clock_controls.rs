//! The virtual clock: the time it shows, its rate (paused, 1x, 10x, 60x)
//! and a step button that jumps to the next job completion, or 10 s on
//! when no job runs.

use element_emulator::Timestamp;
use yew::prelude::*;

use crate::state::Rate;

#[derive(Properties, PartialEq)]
pub struct ClockControlsProps {
    pub now: Timestamp,
    pub rate: Rate,
    /// Whether some job is running, which changes what "step" does.
    pub busy: bool,
    pub on_rate: Callback<Rate>,
    pub on_step: Callback<()>,
}

#[component]
pub fn ClockControls(props: &ClockControlsProps) -> Html {
    let on_step = {
        let on_step = props.on_step.clone();
        Callback::from(move |_: MouseEvent| on_step.emit(()))
    };

    let rates = Rate::ALL.into_iter().map(|rate| {
        let pressed = rate == props.rate;
        let onclick = {
            let on_rate = props.on_rate.clone();
            Callback::from(move |_: MouseEvent| on_rate.emit(rate))
        };
        html! {
            <button
                type="button"
                class={classes!("segment", pressed.then_some("is-pressed"))}
                data-testid={rate.test_id()}
                aria-pressed={pressed.to_string()}
                {onclick}
            >
                {rate.label()}
            </button>
        }
    });
    let iso = props.now.to_iso();
    let (date, time) = iso.split_once('T').unwrap_or((iso.as_str(), ""));
    // Tenths too, so that a step of less than a second still shows.
    let tenths = props.now.as_millis().rem_euclid(1000) / 100;
    let step_title = if props.busy {
        "Jump to the next job completion"
    } else {
        "No job is running: move the clock 10 s on"
    };

    html! {
        <div class="clock" role="group" aria-label="Virtual clock">
            <div class="clock-face" title="Virtual time on the emulated cluster (UTC)">
                <span class="clock-date">{date}</span>
                <time class="clock-now" data-testid="clock-now" datetime={iso.clone()}>
                    {time.trim_end_matches('Z')}
                    <span class="clock-tenths">{format!(".{tenths}")}</span>
                </time>
                <span class="clock-zone">{"UTC"}</span>
            </div>
            <div class="segmented" role="group" aria-label="Clock rate">{for rates}</div>
            <button
                type="button"
                class="button"
                data-testid="clock-step"
                title={step_title}
                onclick={on_step}
            >
                {"Step"}
            </button>
        </div>
    }
}
