//! Catalog text on the page: the docs mark code with backticks
//! (`` `init` ``), which become `<code>` so names read as names.

use yew::prelude::*;

/// A run of catalog text: plain words, or a name that was in backticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Code(&'a str),
}

/// Splits `text` at backticks. An unpaired backtick stays as text.
pub fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else { break };
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        out.push(Piece::Code(&after[..close]));
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// Catalog text as nodes, with its backticked names in `<code>`.
pub fn prose(text: &str) -> Html {
    pieces(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(text) => html! { {text} },
            Piece::Code(code) => html! { <code>{code}</code> },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_paired_backticks() {
        let rows: [(&str, &[Piece]); 4] = [
            ("plain", &[Piece::Text("plain")]),
            (
                "turns `active` now",
                &[Piece::Text("turns "), Piece::Code("active"), Piece::Text(" now")],
            ),
            ("`a``b`", &[Piece::Code("a"), Piece::Code("b")]),
            ("odd ` tick", &[Piece::Text("odd ` tick")]),
        ];
        for (text, expected) in rows {
            assert_eq!(pieces(text), expected, "for {text}");
        }
    }
}
