//! The page's components, one per file. [`app::App`] owns the reducer and
//! hands each component the slice of state it draws plus `on_<verb>`
//! callbacks; the others keep no state of their own beyond form fields.
//!
//! Yew re-renders a child only when its props differ, so the props here are
//! cheap to compare: `Copy` values, and shared text compared by address with
//! [`Shared`], never a 2 MB body compared byte by byte on every clock tick.

pub mod app;
pub mod clock_controls;
pub mod code_block;
pub mod editor;
pub mod fault_injector;
pub mod history;
pub mod method_docs;
pub mod method_list;
pub mod notice;
pub mod prose;
pub mod response;
pub mod timeline;

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` that compares equal only to clones of itself.
///
/// The state replaces an `Rc` whenever its content changes, so "same
/// address" means "same content" here, and the check costs nothing.
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: ?Sized> From<Rc<T>> for Shared<T> {
    fn from(rc: Rc<T>) -> Self {
        Shared(rc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_compares_by_address() {
        let text: Rc<str> = Rc::from("same");
        let twin: Rc<str> = Rc::from("same");
        assert_eq!(Shared(text.clone()), Shared(text.clone()));
        assert_ne!(Shared(text), Shared(twin));
    }
}
