//! A one-line progress display on standard error, for long jobs on a
//! terminal. It never writes to standard output.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    enabled: bool,
    total_inputs: usize,
    started: Instant,
    last_draw: Option<Instant>,
    shown: bool,
}

impl Progress {
    /// Shown only when standard error is a terminal and standard output is not
    /// (so a table on the terminal is never interleaved), for more than one
    /// input, and only once the job has run for half a second.
    pub fn new(total_inputs: usize, allowed: bool) -> Self {
        let enabled = allowed && io::stderr().is_terminal() && !io::stdout().is_terminal();
        Progress {
            enabled,
            total_inputs,
            started: Instant::now(),
            last_draw: None,
            shown: false,
        }
    }

    /// Shown when standard error is a terminal (commands whose standard
    /// output carries nothing, such as `ingest`).
    pub fn on_stderr(total_inputs: usize, allowed: bool) -> Self {
        Progress {
            enabled: allowed && io::stderr().is_terminal(),
            total_inputs,
            started: Instant::now(),
            last_draw: None,
            shown: false,
        }
    }

    pub fn tick(&mut self, inputs_done: usize, reports: u64, current: &str) {
        if !self.enabled || self.started.elapsed() < Duration::from_millis(500) {
            return;
        }
        if self
            .last_draw
            .is_some_and(|t| t.elapsed() < Duration::from_millis(100))
        {
            return;
        }
        self.last_draw = Some(Instant::now());
        let name: String = if current.chars().count() > 50 {
            let tail: Vec<char> = current.chars().rev().take(49).collect();
            std::iter::once('…').chain(tail.into_iter().rev()).collect()
        } else {
            current.to_string()
        };
        let mut e = io::stderr().lock();
        let _ = write!(
            e,
            "\r\x1b[2K[{}/{} inputs, {} reports] {}",
            inputs_done, self.total_inputs, reports, name
        );
        let _ = e.flush();
        self.shown = true;
    }

    /// Clears the line (before printing a message, and at the end).
    pub fn clear(&mut self) {
        if self.shown {
            let mut e = io::stderr().lock();
            let _ = write!(e, "\r\x1b[2K");
            let _ = e.flush();
            self.shown = false;
        }
    }
}
