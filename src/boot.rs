//! Start-up: console logging, a panic hook that also tells the learner on
//! the page, and mounting the app in place of the loading placeholder.

use yew::BaseComponent;

/// The element the app renders into, from `index.html`.
const ROOT_ID: &str = "app";
/// The "loading" placeholder in `index.html`, removed once the app is up.
const PLACEHOLDER_ID: &str = "boot";
/// The banner a panic puts at the top of the page.
const FATAL_ID: &str = "fatal";

/// Sends `log` records to the browser console, and makes a panic both log
/// its message there and show a banner, so the page never just stops.
pub fn install_logging_and_panic_hook() {
    if console_log::init_with_level(log::Level::Info).is_err() {
        // A logger is already installed: keep it.
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal_banner(&info.to_string());
    }));
}

/// Renders `C` into `#app` (or the body when the page lacks it) and removes
/// the placeholder.
pub fn mount<C>()
where
    C: BaseComponent,
    C::Properties: Default,
{
    let document = web_sys::window().and_then(|window| window.document());
    let root = document.as_ref().and_then(|document| document.get_element_by_id(ROOT_ID));
    match root {
        Some(root) => yew::Renderer::<C>::with_root(root).render(),
        None => yew::Renderer::<C>::new().render(),
    };

    let placeholder = document.and_then(|document| document.get_element_by_id(PLACEHOLDER_ID));
    if let Some(placeholder) = placeholder {
        placeholder.remove();
    }
}

/// Puts a banner at the top of the page with the panic message. Built with
/// plain DOM calls, since the app itself can no longer run.
fn show_fatal_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    // The first panic is the one worth reading; what follows it (a timer
    // calling into the stopped app) only repeats that it stopped.
    if document.get_element_by_id(FATAL_ID).is_some() {
        return;
    }
    let (Some(body), Ok(banner)) = (document.body(), document.create_element("div")) else {
        return;
    };

    let text = format!(
        "The playground hit an internal error and stopped. Reload the page to start again. \
         Details: {message}"
    );
    banner.set_text_content(Some(&text));
    // The banner is best effort: a failure here has nowhere left to go.
    let _ = banner.set_attribute("id", FATAL_ID);
    let _ = banner.set_attribute("class", "fatal");
    let _ = banner.set_attribute("role", "alert");
    let _ = body.prepend_with_node_1(&banner);
}
