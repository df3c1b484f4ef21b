//! Highlighted JSON as page nodes. The highlighter escapes everything it
//! emits, so its output is handed to the browser as HTML in one piece:
//! one parse instead of one virtual node per token.

use yew::prelude::*;

use crate::json::highlight;

/// Markup that [`highlight`] produced (and so escaped) as nodes.
pub fn trusted(markup: impl Into<AttrValue>) -> Html {
    Html::from_html_unchecked(markup.into())
}

/// `text` coloured token by token, up to [`highlight::HIGHLIGHT_LIMIT`].
pub fn json(text: &str) -> Html {
    trusted(highlight::to_html(text, highlight::HIGHLIGHT_LIMIT, None))
}
