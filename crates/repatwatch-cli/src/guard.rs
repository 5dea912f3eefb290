//! Runs the extractor so that a bug in it (a panic) fails one report, with a
//! message, instead of ending the whole run.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};

use std::borrow::Borrow;

use repatwatch_extract::{extract, extract_batch, Extraction, Options, Report};

thread_local! {
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs the panic hook: inside [`extract_guarded`] a panic's message is
/// kept for the failure; anywhere else it is printed as an internal error.
pub fn install_hook() {
    panic::set_hook(Box::new(|info| {
        let msg = match (
            info.payload().downcast_ref::<&str>(),
            info.payload().downcast_ref::<String>(),
        ) {
            (Some(s), _) => (*s).to_string(),
            (_, Some(s)) => s.clone(),
            _ => "unknown panic".to_string(),
        };
        let msg = match info.location() {
            Some(l) => format!("{msg} ({}:{})", l.file(), l.line()),
            None => msg,
        };
        if GUARDED.with(Cell::get) {
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
        } else {
            eprintln!("repatwatch: internal error: {msg}");
        }
    }));
}

/// `extract`, with a panic turned into an error message.
pub fn extract_guarded(report: &Report, options: &Options) -> Result<Extraction, String> {
    guarded(|| extract(report, options))
        .map_err(|detail| format!("internal error in the extractor (please report it): {detail}"))
}

/// `extract_batch` (each annotator over the whole batch: faster), with a
/// panic failing only the report that panics: when the batch panics, its
/// reports are extracted again one by one, each guarded (the output is the
/// same either way).
pub fn extract_batch_guarded<R: Borrow<Report>>(
    reports: &[R],
    options: &Options,
) -> Vec<Result<Extraction, String>> {
    match guarded(|| extract_batch(reports, options)) {
        Ok(exs) => exs.into_iter().map(Ok).collect(),
        Err(_) => reports
            .iter()
            .map(|r| extract_guarded(r.borrow(), options))
            .collect(),
    }
}

/// Runs `f`; a panic becomes its message (with [`install_hook`] installed).
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    GUARDED.with(|g| g.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(false));
    result.map_err(|_| {
        LAST_PANIC
            .with(|p| p.borrow_mut().take())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error() {
        install_hook();
        assert_eq!(guarded(|| 7), Ok(7));
        let e = guarded(|| -> u8 { panic!("boom {}", 42) }).unwrap_err();
        assert!(e.starts_with("boom 42 ("), "{e}");
        assert!(e.contains("guard.rs"), "{e}");
    }

    #[test]
    fn a_batch_equals_one_by_one() {
        install_hook();
        let reports: Vec<Report> = ["", crate::bench::SAMPLE, "14 women were arrested in Yanji."]
            .iter()
            .enumerate()
            .map(|(i, t)| Report {
                id: format!("r{i}"),
                text: t.to_string(),
                ..Default::default()
            })
            .collect();
        let opts = Options::default();
        let one: Vec<_> = reports.iter().map(|r| extract_guarded(r, &opts)).collect();
        assert_eq!(extract_batch_guarded(&reports, &opts), one);
    }
}
