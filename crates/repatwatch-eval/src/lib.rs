//! Scores predicted incidents against gold annotations exactly as
//! `shared/eval/score.py` does.
//!
//! STUB: to be written.
