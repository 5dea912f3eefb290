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
    /// The time tokens cut with the people phrases' tokens, until the time
    /// grammar reads them (into `times`).
    pub(crate) times_pending: Option<time::parse::Pending>,
    /// The people phrases' tokens, until their grammar reads them (into
    /// `people`).
    pub(crate) people_pending: Option<quantity::PendingPeople<'a>>,
}

/// The pipeline's components in order: each reads what the earlier ones
/// wrote into the [`Doc`] and fills its own fields. [`Doc::annotate`] runs
/// them over one report, [`Doc::annotate_batch`] runs each over a whole
/// batch before the next; both read this one list.
const STAGES: [fn(&mut Doc); 9] = [
    |d| d.sentences = segment::sentences(d.text),
    |d| d.lower = crate::rx::lower(d.text),
    // One pass cuts the tokens of people phrases and of time expressions;
    // each grammar reads its tokens in a stage of its own.
    |d| {
        let (people, times) = quantity::tokens_in(d.text, &d.lower);
        (d.people_pending, d.times_pending) = (Some(people), Some(times));
    },
    |d| {
        if let Some(p) = d.people_pending.take() {
            d.people = p.find();
        }
    },
    |d| {
        if let Some(p) = d.times_pending.take() {
            d.times = p.find(d.text, &d.lower);
        }
    },
    |d| d.places = place::find_in(d.text, &d.lower),
    |d| d.events = event::find_in(d.text, &d.lower, &d.sentences, &d.places),
    // Assembly reads actors only in the clauses of acts: they are looked
    // for in the sentences that tell one.
    |d| {
        let mut told: Vec<(usize, usize)> = d
            .events
            .iter()
            .map(|e| (d.sentences[e.sentence].start, d.sentences[e.sentence].end))
            .collect();
        told.dedup();
        d.actors = actor::find_in(d.text, &d.lower, &told);
    },
    |d| d.crossings = place::crossing_twins(&d.places),
];

impl<'a> Doc<'a> {
    /// A document no component has annotated yet.
    fn empty(text: &'a str, published: Option<NaiveDate>, title: Option<&'a str>) -> Self {
        Doc {
            text,
            lower: String::new(),
            published,
            title,
            sentences: Vec::new(),
            times: Vec::new(),
            people: Vec::new(),
            places: Vec::new(),
            crossings: Vec::new(),
            actors: Vec::new(),
            events: Vec::new(),
            times_pending: None,
            people_pending: None,
        }
    }

    /// Runs every annotator over the text.
    pub fn annotate(text: &'a str, published: Option<NaiveDate>, title: Option<&'a str>) -> Self {
        let mut doc = Doc::empty(text, published, title);
        for stage in STAGES {
            stage(&mut doc);
        }
        doc
    }

    /// Annotates a batch of reports (text, publication date, title), running
    /// each annotator over the whole batch before the next (spaCy's
    /// `nlp.pipe`): one component's code and tables stay hot in the caches
    /// and branch predictor across reports, where one report at a time runs
    /// every component's large code once each. Equal to mapping
    /// [`Doc::annotate`].
    pub fn annotate_batch(reports: &[(&'a str, Option<NaiveDate>, Option<&'a str>)]) -> Vec<Self> {
        let mut docs: Vec<Doc> = reports
            .iter()
            .map(|&(text, published, title)| Doc::empty(text, published, title))
            .collect();
        for stage in STAGES {
            for doc in &mut docs {
                stage(doc);
            }
        }
        docs
    }
}
