//! Thin wrappers over the browser APIs the page uses outside the reducer:
//! the monotonic clock and the clipboard. Each degrades to a value or an
//! error message instead of throwing when the API is missing.

use wasm_bindgen::JsValue;
use yew::Callback;

/// Milliseconds from `performance.now()`, or 0 where there is no window.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|window| window.performance()).map_or(0.0, |perf| perf.now())
}

/// Writes `text` to the clipboard; `on_done` hears whether it worked.
pub fn copy_text(text: String, on_done: Callback<Result<(), String>>) {
    let Some(window) = web_sys::window() else {
        on_done.emit(Err("no window to copy from".to_string()));
        return;
    };

    // `navigator.clipboard` is undefined outside secure contexts; calling
    // into it would throw, so look before touching it.
    let navigator = window.navigator();
    let available = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|clipboard| !clipboard.is_undefined());
    if !available {
        on_done.emit(Err("the clipboard is not available on this page".to_string()));
        return;
    }

    let promise = navigator.clipboard().write_text(&text);
    yew::platform::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        on_done.emit(result.map(drop).map_err(|error| describe(&error)));
    });
}

/// A short text for a JS error value.
fn describe(error: &JsValue) -> String {
    let message = js_sys::Reflect::get(error, &JsValue::from_str("message"))
        .ok()
        .and_then(|message| message.as_string());
    message.or_else(|| error.as_string()).unwrap_or_else(|| "unknown error".to_string())
}
