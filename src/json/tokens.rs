//! A forgiving JSON tokenizer: it splits any text, valid JSON or not, into
//! contiguous tokens, so the highlighter can colour half-typed requests and
//! the prettifier can re-indent valid ones without losing key order.

/// What a run of text is, for colouring and re-indenting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Spaces, tabs and line breaks between tokens.
    Space,
    /// One of `{ } [ ] : ,`.
    Punct,
    /// A string that names an object member (followed by `:`).
    Key,
    /// Any other string, quotes included. An unclosed one ends at the line end.
    Str,
    Number,
    /// `true`, `false` or `null`.
    Literal,
    /// Anything else: a run of characters JSON has no place for.
    Invalid,
}

impl Kind {
    /// The CSS class the highlighter gives this kind, if any.
    pub fn class(self) -> Option<&'static str> {
        match self {
            Kind::Space => None,
            Kind::Punct => Some("tok-punct"),
            Kind::Key => Some("tok-key"),
            Kind::Str => Some("tok-str"),
            Kind::Number => Some("tok-num"),
            Kind::Literal => Some("tok-lit"),
            Kind::Invalid => Some("tok-bad"),
        }
    }
}

/// A token: its kind and its byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits `text` into tokens that cover it end to end, in order.
///
/// Strings are marked [`Kind::Key`] when the next token that is not space is
/// a `:`, which is what a reader means by a key even in broken JSON.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Tokens::new(text).collect();

    // Look back from each colon to the string it follows.
    for index in 0..tokens.len() {
        if tokens[index].kind != Kind::Punct || text.as_bytes()[tokens[index].start] != b':' {
            continue;
        }
        let previous = tokens[..index].iter_mut().rev().find(|token| token.kind != Kind::Space);
        if let Some(token) = previous.filter(|token| token.kind == Kind::Str) {
            token.kind = Kind::Key;
        }
    }
    tokens
}

/// The tokens of a text, one at a time. Never yields an empty token, so it
/// always ends; strings stay [`Kind::Str`] (only [`tokenize`] finds keys).
pub struct Tokens<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens { bytes: text.as_bytes(), text, pos: 0 }
    }

    /// The end of a string that opens at `start`: after its closing quote, or
    /// at the line break or text end that cuts it short.
    fn string_end(&self, start: usize) -> usize {
        let mut pos = start + 1;
        while let Some(&byte) = self.bytes.get(pos) {
            match byte {
                b'"' => return pos + 1,
                b'\\' => pos += 2,
                b'\n' | b'\r' => return pos,
                _ => pos += 1,
            }
        }
        self.bytes.len()
    }

    /// The end of a run of bytes that `accept` takes, starting at `start`.
    fn run_end(&self, start: usize, accept: impl Fn(u8) -> bool) -> usize {
        let length = self.bytes[start..].iter().take_while(|&&byte| accept(byte)).count();
        start + length
    }

    /// The end of an invalid run: up to the next space, punctuation or quote,
    /// always past at least one whole character.
    fn invalid_end(&self, start: usize) -> usize {
        let first = self.text[start..].chars().next().map_or(1, char::len_utf8);
        self.run_end(start + first, |byte| !is_space(byte) && !is_punct(byte) && byte != b'"')
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let start = self.pos;
        let &byte = self.bytes.get(start)?;

        let (kind, end) = match byte {
            _ if is_space(byte) => (Kind::Space, self.run_end(start, is_space)),
            _ if is_punct(byte) => (Kind::Punct, start + 1),
            b'"' => (Kind::Str, self.string_end(start)),
            b'-' | b'0'..=b'9' => (Kind::Number, self.run_end(start, is_number_byte)),
            b'a'..=b'z' => {
                let end = self.run_end(start, |byte| byte.is_ascii_alphanumeric());
                let word = &self.text[start..end];
                let kind = if matches!(word, "true" | "false" | "null") {
                    Kind::Literal
                } else {
                    Kind::Invalid
                };
                (kind, end)
            }
            _ => (Kind::Invalid, self.invalid_end(start)),
        };

        // A backslash before the text's last byte can step past the end.
        let end = end.min(self.bytes.len());
        self.pos = end;
        Some(Token { kind, start, end })
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

fn is_punct(byte: u8) -> bool {
    matches!(byte, b'{' | b'}' | b'[' | b']' | b':' | b',')
}

fn is_number_byte(byte: u8) -> bool {
    matches!(byte, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders tokens as `kind:text` words, spaces dropped, to compare as text.
    fn show(text: &str) -> String {
        let words: Vec<String> = tokenize(text)
            .into_iter()
            .filter(|token| token.kind != Kind::Space)
            .map(|token| format!("{:?}:{}", token.kind, token.text(text)))
            .collect();
        words.join(" ")
    }

    #[test]
    fn splits_a_request() {
        let text = r#"{"method": "GetLimits", "params": {"a": [1, -2.5e3, true, null]}}"#;
        let expected = "Punct:{ Key:\"method\" Punct:: Str:\"GetLimits\" Punct:, \
             Key:\"params\" Punct:: Punct:{ Key:\"a\" Punct:: Punct:[ Number:1 Punct:, \
             Number:-2.5e3 Punct:, Literal:true Punct:, Literal:null Punct:] Punct:} Punct:}";
        assert_eq!(show(text), expected);
    }

    #[test]
    fn covers_the_text_end_to_end() {
        let rows = ["", "  ", "{\"a\\\"b\": 1}", "\"open", "é€ x", "{\"x\":\n\"y", "\"\\"];
        for text in rows {
            let tokens = tokenize(text);
            let rebuilt: String = tokens.iter().map(|token| token.text(text)).collect();
            assert_eq!(rebuilt, text, "tokens of {text:?}");
            assert!(tokens.iter().all(|token| token.start < token.end));
        }
    }

    #[test]
    fn forgives_broken_input() {
        assert_eq!(
            show("{method: GetLimits}"),
            "Punct:{ Invalid:method Punct:: Invalid:GetLimits Punct:}"
        );
        assert_eq!(show("\"cut\n: 1"), "Key:\"cut Punct:: Number:1");
        assert_eq!(show("'x' é"), "Invalid:'x' Invalid:é");
        assert_eq!(show("True"), "Invalid:True");
    }

    #[test]
    fn escaped_quotes_stay_inside_strings() {
        assert_eq!(show(r#"["a\"b", "c\\"]"#), r#"Punct:[ Str:"a\"b" Punct:, Str:"c\\" Punct:]"#);
    }
}
