//! The conformance harness: the case format, the `expect` matcher, step variables and
//! the runner that drives the emulator through one case.

pub mod case;
pub mod expect;
pub mod runner;
pub mod vars;
