//! The shared document every pipeline component annotates.

use crate::{actor, event, place, quantity, segment, time};
use chrono::NaiveDate;

/// A report's text with every component's annotations (byte offsets).
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub text: &'a str,
    /// The text with ASCII letters lowercased (same offsets), for the rules
    /// that ignore case.
    pub lower: String,
    pub published: Option<NaiveDate>,
    pub title: Option<&'a str>,
    pub sentences: Vec<segment::Sentence>,
    pub times: Vec<time::TimeMention>,
    pub people: Vec<quantity::PeopleMention>,
    pub places: Vec<place::PlaceMention>,
    /// The Chinese side of the border crossings the North Korean towns of
    /// `places` stand for (same spans).
    pub crossings: Vec<place::PlaceMention>,
    pub actors: Vec<actor::ActorMention>,
    pub events: Vec<event::EventMention>,
}

impl<'a> Doc<'a> {
    /// Runs every annotator over the text.
    pub fn annotate(text: &'a str, published: Option<NaiveDate>, title: Option<&'a str>) -> Self {
        let sentences = segment::sentences(text);
        let lower = crate::rx::lower(text);
        let (people, times) = quantity::find_people_and_times_in(text, &lower);
        let places = place::find_in(text, &lower);
        let events = event::find_in(text, &lower, &sentences, &places);
        // Assembly reads actors only in the clauses of acts: they are looked
        // for in the sentences that tell one.
        let mut told: Vec<(usize, usize)> = events
            .iter()
            .map(|e| (sentences[e.sentence].start, sentences[e.sentence].end))
            .collect();
        told.dedup();
        let actors = actor::find_in(text, &lower, &told);
        let crossings = place::crossing_twins(&places);
        Doc {
            text,
            lower,
            published,
            title,
            sentences,
            times,
            people,
            places,
            crossings,
            actors,
            events,
        }
    }
}
