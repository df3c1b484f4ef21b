//! Small JSON tools the page needs beyond serde_json: a forgiving tokenizer,
//! and on top of it a highlighter, an order-keeping prettifier and a
//! top-level member scanner; plus parse errors that keep line and column.

pub mod highlight;
pub mod parse;
pub mod pretty;
pub mod scan;
pub mod tokens;

pub use parse::JsonError;
