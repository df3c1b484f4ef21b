//! Turns JSON text into escaped HTML with one `<span class="tok-…">` per
//! token. Building a string and letting the browser parse it once is far
//! cheaper than a virtual DOM node per token, which matters for big replies.

use super::tokens::{tokenize, Kind, Token};

/// How much of a text gets colours; the rest is shown as plain text, so a
/// 2 MB reply renders at once.
pub const HIGHLIGHT_LIMIT: usize = 64 * 1024;

/// Highlighted HTML for `text`.
///
/// Only the first `limit` bytes (rounded down to a whole token) are
/// coloured. `mark_at`, a byte offset, wraps the character there (or a space
/// at the very end) in `<mark class="tok-error">`, to show a parse error.
pub fn to_html(text: &str, limit: usize, mark_at: Option<usize>) -> String {
    // A mark inside a character moves to the character's end, so slicing
    // around it stays on boundaries.
    let mark_at = mark_at.map(|at| {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at += 1;
        }
        at
    });
    let mut cut = limit.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }

    // A token the cut runs through is left for the plain part.
    let mut tokens = tokenize(&text[..cut]);
    if cut < text.len() {
        tokens.pop();
    }
    let plain_from = tokens.last().map_or(0, |token| token.end);

    let mut out = String::with_capacity(text.len() + text.len() / 2);
    for token in tokens {
        push_token(&mut out, text, token, mark_at);
    }
    let rest = Token { kind: Kind::Space, start: plain_from, end: text.len() };
    push_token(&mut out, text, rest, mark_at);

    if mark_at.is_some_and(|at| at >= text.len()) {
        out.push_str("<mark class=\"tok-error\"> </mark>");
    }
    out
}

/// Appends one token, splitting it around the marked character if it holds it.
fn push_token(out: &mut String, text: &str, token: Token, mark_at: Option<usize>) {
    let class = token.kind.class();
    if let Some(class) = class {
        out.push_str("<span class=\"");
        out.push_str(class);
        out.push_str("\">");
    }

    match mark_at.filter(|&at| token.start <= at && at < token.end) {
        Some(at) => {
            let width = text[at..].chars().next().map_or(1, char::len_utf8);
            escape_into(out, &text[token.start..at]);
            out.push_str("<mark class=\"tok-error\">");
            escape_into(out, &text[at..at + width]);
            out.push_str("</mark>");
            escape_into(out, &text[at + width..token.end]);
        }
        None => escape_into(out, &text[token.start..token.end]),
    }

    if class.is_some() {
        out.push_str("</span>");
    }
}

/// Escapes the characters HTML text content gives meaning to.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            _ => "&gt;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_each_kind() {
        let html = to_html(r#"{"a": [1, "x", null, ?]}"#, HIGHLIGHT_LIMIT, None);
        let expected = concat!(
            r#"<span class="tok-punct">{</span><span class="tok-key">"a"</span>"#,
            r#"<span class="tok-punct">:</span> <span class="tok-punct">[</span>"#,
            r#"<span class="tok-num">1</span><span class="tok-punct">,</span> "#,
            r#"<span class="tok-str">"x"</span><span class="tok-punct">,</span> "#,
            r#"<span class="tok-lit">null</span><span class="tok-punct">,</span> "#,
            r#"<span class="tok-bad">?</span><span class="tok-punct">]</span>"#,
            r#"<span class="tok-punct">}</span>"#,
        );
        assert_eq!(html, expected);
    }

    #[test]
    fn escapes_markup() {
        let html = to_html("<p>&</p>", HIGHLIGHT_LIMIT, None);
        assert_eq!(html, r#"<span class="tok-bad">&lt;p&gt;&amp;&lt;/p&gt;</span>"#);
    }

    #[test]
    fn stops_colouring_at_the_limit_on_a_token_boundary() {
        let html = to_html(r#"["abc", "def"]"#, 10, None);
        let expected = concat!(
            r#"<span class="tok-punct">[</span><span class="tok-str">"abc"</span>"#,
            r#"<span class="tok-punct">,</span> "def"]"#,
        );
        assert_eq!(html, expected);
        // Past the limit the text stays, uncoloured: none of it is dropped.
        assert_eq!(to_html("ééé", 3, None), "ééé");
    }

    #[test]
    fn marks_the_error_position() {
        let html = to_html("[1,]", HIGHLIGHT_LIMIT, Some(3));
        assert!(
            html.ends_with(r#"<span class="tok-punct"><mark class="tok-error">]</mark></span>"#)
        );
        let html = to_html("[\"é", HIGHLIGHT_LIMIT, Some(3));
        assert_eq!(
            html,
            r#"<span class="tok-punct">[</span><span class="tok-str">"é</span><mark class="tok-error"> </mark>"#
        );
    }
}
