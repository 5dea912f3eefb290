//! Example table of the event dimension: sentence → the acts it opens
//! (type, status, hedged), in order. Subordinate, negated and generic
//! mentions are not listed.

use super::find;
use crate::model::{EventType, EventType::*, Status, Status::*};
use crate::segment::sentences;

/// (type, status, hedged) of one opened act.
type Act = (EventType, Status, bool);

const EXAMPLES: &[(&str, &[Act])] = &[
    // Let through: "allowed to board / walk across", "gave them
    // permission to leave".
    (
        "A week later, four of them were allowed to board a flight to Seoul.",
        &[(Release, Occurred, false)],
    ),
    (
        "The six were allowed to walk across the bridge into Thailand.",
        &[(Release, Occurred, false)],
    ),
    (
        "They left on Tuesday after the authorities gave them permission to leave.",
        &[(Release, Occurred, false)],
    ),
    // An order tells a plan: "ordered the deportation of", "ordered him
    // sent back".
    (
        "A court on Wednesday ordered the deportation of a North Korean worker.",
        &[(Repatriation, Planned, false)],
    ),
    (
        "The judge ordered him sent back to North Korea.",
        &[(Repatriation, Planned, false)],
    ),
    // A term served or given in years.
    (
        "Two other returnees were each given five years at the same trial.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "He served a term in a labour camp near Chongjin.",
        &[(Punishment, Occurred, false)],
    ),
    // What a pact covers is no act.
    (
        "The two states signed an agreement in 2016 on the return of illegal migrants.",
        &[],
    ),
    // A conditional told in a quotation is hypothetical too.
    (
        "\"If they find us, they will send us back,\" she said.",
        &[],
    ),
    // A manner adverb between the auxiliary and the verb.
    (
        "The five were quietly sent back across the river on Sunday.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "Two of the men were severely beaten during questioning.",
        &[(Punishment, Occurred, false)],
    ),
    // (as "who was repatriated", a relative clause of background)
    (
        "Activists said the woman who was secretly repatriated had been pregnant.",
        &[],
    ),
    // A state that will not take people in blocks their return, alone or
    // as the status of a return the sentence tells.
    (
        "The North declined to receive the fishermen at the port.",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "Beijing tried to deport the group, but Pyongyang refused to accept the men.",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "The woman refused to accept food from the guards.",
        &[],
    ),
    // A return stopped, postponed or cancelled is blocked; people stopped
    // are caught.
    (
        "Officials stopped the deportation of the three women at the airport.",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "The return of the fishermen was postponed.",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "The planned repatriation of the group was cancelled last week.",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "Border police stopped three women near the river.",
        &[(Arrest, Occurred, false)],
    ),
    // Freed, or gone on to the South.
    (
        "Two of the defectors were set free on Friday.",
        &[(Release, Occurred, false)],
    ),
    (
        "The family left for Seoul after a week.",
        &[(Release, Occurred, false)],
    ),
    // A state that agreed to let people leave: the leaving is planned.
    (
        "Beijing has agreed to let the two women leave China for a third country.",
        &[(Release, Planned, false)],
    ),
    // An act the people are the object of, after an active verb ("handed
    // the pair over", two words).
    (
        "The next day the unit handed the pair over to the police in Dandong.",
        &[(Transfer, Occurred, false)],
    ),
    // A habit ("sometimes", "in past years", "in the past" before a
    // verb) or a request ("asked X to ...") tells no act.
    (
        "Hanoi has sometimes let North Koreans travel on to the South.",
        &[],
    ),
    (
        "Mongolia has in past years allowed most North Koreans to fly to Seoul.",
        &[],
    ),
    (
        "Moscow has in the past allowed runaway workers to leave for the South.",
        &[],
    ),
    (
        "Seoul has asked the Chinese government, through its embassy, to allow the men to leave.",
        &[],
    ),
    (
        "In the past week police arrested six North Koreans in Yanji.",
        &[(Arrest, Occurred, false)],
    ),
    // A habit told in an apposition or relative clause after the act is
    // one of such acts, not of this one.
    (
        "The three were taken to a jail in Dandong, a move that typically precedes repatriation.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "The men were detained in Tumen, which usually means a swift return.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "Women caught in Yanji are usually taken to a jail in Tumen.",
        &[],
    ),
    // People handed to a family or relatives are let go into their care.
    (
        "The children were handed over to ethnic Korean families in Yanji.",
        &[(Release, Occurred, false)],
    ),
    (
        "Police handed the boy into the care of his grandmother.",
        &[(Release, Occurred, false)],
    ),
    // A fear told of the source after the speech verb is no habit of the act.
    (
        "The 37 had been held in a police compound in Tumen, said an aid worker who asked not to be named for fear of being barred from China.",
        &[(Detention, Occurred, false)],
    ),
    // A hope that a state will act tells no act.
    (
        "We hope Cambodia will now let her go where she wants.",
        &[],
    ),
    // An act "only days away" is planned.
    (
        "Activists said the deportation of the seven is only days away.",
        &[(Repatriation, Planned, false)],
    ),
    (
        "In our experience the handover is only days away.",
        &[(Repatriation, Planned, false)],
    ),
    // The receiving side's custody told in a ", where" clause after a
    // return is a detail of the return; after a move inside China it is
    // an arrest of its own.
    (
        "They were sent back to Hyesan, where agents of the bowibu took them into custody.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "They were driven to Yanji, where police arrested two more women.",
        &[(Transfer, Occurred, false), (Arrest, Occurred, false)],
    ),
    // Custody told by an intransitive verb or by time spent in a camp.
    (
        "The family remained in a holding facility near the border.",
        &[(Detention, Occurred, false)],
    ),
    (
        "The men spent ten days in a camp outside the town.",
        &[(Detention, Occurred, false)],
    ),
    // A call for an act is no act.
    (
        "Lawyers called for the release of the detained women.",
        &[],
    ),
    // More words of the acts: shipped back, hauled off, languishing or
    // confined in custody, shot dead.
    (
        "The crew was shipped back to the North in a navy vessel.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "Soldiers hauled the couple off to a waiting truck.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "A dozen escapees are languishing in a provincial jail.",
        &[(Detention, Occurred, false)],
    ),
    (
        "The boys were confined to a cell at the border post for a month.",
        &[(Detention, Occurred, false)],
    ),
    (
        "A young soldier was shot dead as he waded across the river.",
        &[(Death, Occurred, false)],
    ),
    (
        "She spent two years at a labour-training camp in the east.",
        &[(Punishment, Occurred, false)],
    ),
    // A state set off by ", which" acting on the people again tells a new
    // act; a "where" clause with a modal is what would follow a plan.
    (
        "Thailand sent the pair to Laos, which returned them to North Korea weeks later.",
        &[(Transfer, Occurred, false), (Repatriation, Occurred, false)],
    ),
    (
        "The six could be sent to China, where they would almost certainly be sent back to the North.",
        &[(Transfer, Planned, true)],
    ),
    (
        "The two are now being questioned at the county holding centre.",
        &[(Detention, Occurred, false)],
    ),
    (
        "She was interrogated at a State Security detention center in the city.",
        &[(Detention, Occurred, false)],
    ),
    (
        "One of the women was made to abort.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "A teenager was grabbed by plainclothes police near the station.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "The 14 were put on a flight from Phnom Penh to Seoul on Friday.",
        &[(Release, Occurred, false)],
    ),
    (
        "Vietnamese police handed the women over to the South Korean embassy.",
        &[(Release, Occurred, false)],
    ),
    (
        "The sailor was handed to the consulate of North Korea in the port city.",
        &[(Repatriation, Occurred, false)],
    ),
    // A modal with the perfect, or "to be" after a verb of belief, tells a
    // past act under a hedge, not a plan.
    (
        "Two more women may have been picked up by police near the river.",
        &[(Arrest, Occurred, true)],
    ),
    (
        "Some 15 North Koreans appeared to be held at the county lockup.",
        &[(Detention, Occurred, true)],
    ),
    (
        "One of the men is believed to be serving a sentence at a prison camp.",
        &[(Punishment, Occurred, true)],
    ),
    (
        "Soldiers marched the 12 back across the bridge at dawn.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "The eight were driven back to the detention center in the city.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "Police arrested twelve North Koreans in the city on Monday.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "About 30 defectors were caught and detained at a border post.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "Border guards seized the group near the river.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "The three were sent back to North Korea last week.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "China forcibly returned more than 100 refugees to the North.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "Officials were going to repatriate them, but Pyongyang refused to accept them.",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "The family now faces deportation to the North.",
        &[(Repatriation, Planned, false)],
    ),
    (
        "They could be sent back to North Korea.",
        &[(Repatriation, Planned, true)],
    ),
    (
        "The women are likely being held in a detention center.",
        &[(Detention, Occurred, true)],
    ),
    (
        "The five were reportedly handed over to North Korean security agents.",
        &[(Repatriation, Occurred, true)],
    ),
    (
        "Laos deported the group to China.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "The Lao police sent the nine to Kunming on Monday.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "They have been repatriated, according to an official close to China's police.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "The detainees were later moved to a camp near the border.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "China allowed them to leave for Seoul on Friday.",
        &[(Release, Occurred, false)],
    ),
    (
        "The man was sentenced to ten years in a prison camp.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "She was tortured to death after being sent back.",
        &[(Death, Occurred, false)],
    ),
    ("Women who registered were not arrested.", &[]),
    ("China routinely repatriates defectors it catches.", &[]),
    ("If they are sent back, they face harsh punishment.", &[]),
    ("Refugees held in a prison in the city wrote letters.", &[]),
    ("He urged Beijing to stop sending refugees back.", &[]),
    ("If they are caught, they will be sent back.", &[]),
    (
        "Police have arrested 12 North Koreans near the river.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "China resumed sending defectors back on Aug. 3.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "Another group was returned from the border city on Monday.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "The nine were detained on May 2 and kept in custody for a week.",
        &[(Arrest, Occurred, false)],
    ),
    ("Lots of them get caught near the border.", &[]),
    (
        "Defectors who are sent back are severely punished, and some are executed.",
        &[],
    ),
    (
        "She was then held for months at a detention centre.",
        &[(Detention, Occurred, false)],
    ),
    ("No defectors are being kept there at the moment.", &[]),
    // Conveying verbs move people somewhere: a transfer.
    (
        "They were later trucked to a detention centre near the river.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "Guards drove the 40 detainees from the camp to the border crossing.",
        &[(Transfer, Occurred, false)],
    ),
    ("Steps were taken to prevent further escapes.", &[]),
    ("The officials took part in the talks on Monday.", &[]),
    // Stopped or found by the state: caught.
    (
        "The 11 defectors were stopped at a checkpoint on Tuesday.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "A woman was found late last week by a border patrol near the river.",
        &[(Arrest, Occurred, false)],
    ),
    ("The woman was found dead in her room.", &[]),
    ("None of them will be sent back, he said.", &[]),
    // A relative clause with an adverb is still a relative clause.
    (
        "Among them is a girl who had already been sent back once.",
        &[],
    ),
    // An intensified modal is still a plan ("will most likely be").
    (
        "The women will most likely be sent back before the holiday.",
        &[(Repatriation, Planned, true)],
    ),
    (
        "The boy would very probably be handed over to the North.",
        &[(Repatriation, Planned, true)],
    ),
    // A move's destination is the first one after it; a later one is the
    // next verb's.
    (
        "The two were moved to a detention centre in Tumen and sent back to North Korea a week later.",
        &[(Transfer, Occurred, false), (Repatriation, Occurred, false)],
    ),
    (
        "The group was transferred to a holding facility in Dandong and then returned to the North.",
        &[(Transfer, Occurred, false), (Repatriation, Occurred, false)],
    ),
    (
        "The women were transferred back to North Korea.",
        &[(Repatriation, Occurred, false)],
    ),
    // Moved to a facility of the North's security agency: moved inside
    // the North, not returned; handed to the agency: returned.
    (
        "On arrival the returnees were taken to the Ministry of State Security's holding facility in Onsong.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "The next day the group was driven to the MSS detention centre in the county.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "Chinese guards handed the group to the MSS at the bridge.",
        &[(Repatriation, Occurred, false)],
    ),
    // A headline's present tense halts a return; asking for a delay
    // blocks it.
    (
        "Court halts deportation of two North Korean women",
        &[(Repatriation, Blocked, false)],
    ),
    (
        "China was to send the 30 back on Friday, but Pyongyang asked for a delay.",
        &[(Repatriation, Blocked, false)],
    ),
    // Driven over the frontier into the North: returned.
    (
        "The prisoners were put on buses and driven across the bridge into North Korea.",
        &[(Repatriation, Occurred, false)],
    ),
    // A participle joined to a passive verb shares its auxiliary.
    (
        "The five were held in a police station for a week and then moved to a detention centre in Dandong.",
        &[(Detention, Occurred, false), (Transfer, Occurred, false)],
    ),
    // An agent of the state as the subject makes the verb active.
    (
        "In the cells, interrogators kicked and beat her for days.",
        &[(Punishment, Occurred, false)],
    ),
    // Taken away, with the people named between.
    (
        "Officers raided the flat and took the mother and her two sons away.",
        &[(Arrest, Occurred, false)],
    ),
    // The month "May" is no modal.
    (
        "Two women caught in early May died in custody in Tumen.",
        &[(Death, Occurred, false)],
    ),
    // Readied for return: planned.
    (
        "The group is being prepared for return in the coming days.",
        &[(Repatriation, Planned, false)],
    ),
    // Put on a flight to the South: released.
    (
        "The family was put on a flight to Seoul on Monday.",
        &[(Release, Occurred, false)],
    ),
    // A fear of being sent back is no act.
    (
        "Some of the arrivals say they fear being returned to China.",
        &[],
    ),
    // Time spent in a detention place: held.
    (
        "She spent roughly forty days in the border detention centre.",
        &[(Detention, Occurred, false)],
    ),
    ("He spent three years in Seoul studying law.", &[]),
    // Labour training units are camps.
    (
        "She was then sent to the labour training unit in the city for six months.",
        &[(Punishment, Occurred, false)],
    ),
    // More ways to tell an arrest, a custody, a penalty, a release, a move.
    (
        "Two of them were tracked down by police at a farm near the city.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "Officers took the two women away from the market.",
        &[(Arrest, Occurred, false)],
    ),
    (
        "The family has been stuck in a border detention facility since June.",
        &[(Detention, Occurred, false)],
    ),
    (
        "They remained in a detention centre near the border.",
        &[(Detention, Occurred, false)],
    ),
    ("He was stuck in the capital for a week.", &[]),
    (
        "She spent a month there in a cell.",
        &[(Detention, Occurred, false)],
    ),
    (
        "He was interrogated for about three weeks.",
        &[(Detention, Occurred, false)],
    ),
    (
        "Both were given five-year terms in a reeducation camp.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "She was given two years of hard labour.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "The woman was forced to undergo an abortion.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "Guards sent six of the returnees to a labour training unit.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "He was let out after his family paid a fine.",
        &[(Release, Occurred, false)],
    ),
    (
        "The group was put on a train to the provincial capital.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "The detainees were loaded onto trucks bound for the border crossing.",
        &[(Transfer, Occurred, false)],
    ),
    (
        "They were put on a flight to Pyongyang.",
        &[(Repatriation, Occurred, false)],
    ),
    // A third state sending them on to the South lets them go.
    (
        "The group was expected to be sent on to South Korea after questioning.",
        &[(Release, Planned, false)],
    ),
    (
        "Thailand deported the nine to Seoul last week.",
        &[(Release, Occurred, false)],
    ),
    ("He returned to Seoul on Monday.", &[]),
    // A source declining to be named refuses no act.
    (
        "A source, who declined to be named, said 20 North Koreans were sent back to the North.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "Twelve people were repatriated on Monday, said a pastor who refused to give his name.",
        &[(Repatriation, Occurred, false)],
    ),
    (
        "China planned to send them back, but North Korea refused to accept them.",
        &[(Repatriation, Blocked, false)],
    ),
    // A source asking not to be named prevents nothing.
    (
        "The official, who asked not to be named, said the group was caught last week.",
        &[(Arrest, Occurred, false)],
    ),
    ("They asked police not to send the women back.", &[]),
    // Found by a patrol, or a patrol found them: caught.
    (
        "A border patrol found eleven people near the frontier on Friday.",
        &[(Arrest, Occurred, false)],
    ),
    ("Officials found that the claims were false.", &[]),
    ("Police found the bodies of two women by the river.", &[]),
    // A beating that tells how a death came is no penalty of its own.
    (
        "A boy died in the camp after guards beat him.",
        &[(Death, Occurred, false)],
    ),
    // Dragged out of a bus is no arrest; dragged away is.
    (
        "One woman was dragged out by the agents and kicked.",
        &[(Punishment, Occurred, false)],
    ),
    (
        "Police dragged the two men away from the market.",
        &[(Arrest, Occurred, false)],
    ),
    // A handover with no place named; another state's agency as the receiver.
    (
        "The eight were handed over at the border on Monday.",
        &[(Repatriation, Occurred, false)],
    ),
    ("Officials handed over documents to the court.", &[]),
    (
        "Four men were refused entry by Thai police and handed back to Lao police.",
        &[(Transfer, Occurred, false)],
    ),
    // Handed to North Korea's diplomats: returned.
    (
        "The two were handed to officials of the North Korean consulate.",
        &[(Repatriation, Occurred, false)],
    ),
];

#[test]
fn examples() {
    for (text, want) in EXAMPLES {
        let s = sentences(text);
        let got: Vec<(EventType, Status, bool)> = find(text, &s, &crate::place::find(text))
            .into_iter()
            .filter(|e| !e.subordinate && !e.negated && !e.generic)
            .map(|e| (e.kind, e.status, e.hedged))
            .collect();
        assert_eq!(
            got,
            want.to_vec(),
            "in {text:?}: {:#?}",
            find(text, &s, &crate::place::find(text))
        );
    }
}

/// The word prefilter never hides a trigger the patterns would match: on
/// every example sentence and on random word salads of trigger words, each
/// pattern that matches has its bit set.
#[test]
fn trigger_keys_cover_the_patterns() {
    use proptest::prelude::*;
    let check = |text: &str| {
        let text = crate::rx::lower(text);
        let sc = super::scan(&text);
        for (i, t) in super::triggers().iter().enumerate() {
            let want: Vec<(usize, usize)> =
                t.re.find_iter(&text)
                    .map(|m| (m.start(), m.end()))
                    .collect();
            if !want.is_empty() {
                assert!(
                    sc.bits & (1 << i) != 0,
                    "trigger {} matches {text:?}",
                    t.rule
                );
            }
            // the key-word search finds exactly what the plain search finds
            let got = if sc.bits & (1 << i) != 0 {
                super::trigger_matches(t, i, &text, &sc)
            } else {
                Vec::new()
            };
            assert_eq!(got, want, "trigger {} in {text:?}", t.rule);
        }
    };
    for (text, _) in EXAMPLES {
        check(text);
    }
    let words: Vec<&str> = super::TRIGGER_KEYS
        .iter()
        .flat_map(|k| k.iter().copied())
        .chain([
            "to",
            "death",
            "into",
            "custody",
            "back",
            "home",
            "over",
            "across",
            "the",
            "border",
            "up",
            "out",
            "was",
            "were",
            "being",
            "in",
            "camp",
            "prison",
            "time",
            "a",
            "sentence",
            "herself",
            "own",
            "lives",
            "suicide",
            "go",
            "leave",
            "Manila",
            "Seoul",
            "now",
            "Hand-over",
            "RE-ARRESTED",
            "forcefully",
            "is",
            "are",
            "been",
            "be",
            "remain",
            "remains",
            "remained",
            "still",
            "police",
            "her",
            "his",
            "their",
            "they",
            "them",
            "’s",
            "defectors",
            "down",
            "away",
            "off",
            "there",
            "days",
            "weeks",
            "for",
            "about",
            "of",
            "term",
            "terms",
            "years",
            "undergo",
            "an",
            "on",
            "aboard",
            "onto",
            "train",
            "trucks",
            "flight",
            "cell",
            "facility",
            "detention",
            // the words that end the camp and sending phrases (which
            // `known_match` looks for), and letters that fold to them
            "camps",
            "kyohwaso",
            "kwanliso",
            "prisons",
            "labour",
            "labor",
            "re",
            "education",
            "reeducation",
            "correctional",
            "centres",
            "units",
            "political",
            "priſon",
            "acroſs",
            "bac\u{212a}",
            "homeland",
            "overseas",
        ])
        .collect();
    proptest!(ProptestConfig::with_cases(20000), |(idx in proptest::collection::vec(0..words.len(), 1..12), sep in "[ ,.’-]{1,2}")| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        check(&text.join(&sep));
    });
}

/// The habit rule never matches a clause without one of its key words.
#[test]
fn generic_keys_cover_the_rule() {
    use proptest::prelude::*;
    let words = [
        "from",
        "time",
        "to",
        "anyone",
        "everyone",
        "whoever",
        "no",
        "one",
        "nobody",
        "any",
        "defector",
        "defectors",
        "ran",
        "run",
        "the",
        "risk",
        "of",
        "being",
        "routinely",
        "usually",
        "often",
        "typically",
        "generally",
        "commonly",
        "regularly",
        "always",
        "normally",
        "habitually",
        "systematically",
        "tend",
        "tends",
        "every",
        "each",
        "year",
        "years",
        "are",
        "is",
        "known",
        "can",
        "expect",
        "could",
        "would",
        "may",
        "face",
        "harsh",
        "faces",
        "sent",
        "back",
        "yearly",
        "timely",
        "fear",
        "fears",
        "feared",
        "fearing",
        "_no",
        "from_",
        "sometimes",
        "occasionally",
        "at",
        "times",
        "in",
        "past",
        "previous",
        "recent",
        "allowed",
        "let",
        "has",
        "had",
    ];
    let c = super::cues();
    proptest!(ProptestConfig::with_cases(20000), |(idx in proptest::collection::vec(0..words.len(), 1..10), sep in "[ ,.’_\u{a0}-]{1,2}")| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = text.join(&sep);
        let sc = super::scan(&text);
        let rd = super::Reader { b: text.as_bytes(), sc: &sc };
        if c.generic.is_match(&text) {
            prop_assert!(rd.generic_may_match(0, text.len()), "{}", text);
        }
        // the anchored rule at the starts of the key words and of the two
        // words before each matches where the rule does
        let mut starts = Vec::new();
        rd.generic_starts(0, text.len(), &mut starts);
        let anchored = starts.iter().any(|&p| c.generic_at.is_match(&text[p..]));
        prop_assert_eq!(anchored, c.generic.is_match(&text), "{}", text);
    });
}

/// The prevention and appeal rules never match a text without one of
/// their first words.
#[test]
fn prevention_and_appeal_keys_cover_the_rules() {
    use proptest::prelude::*;
    let words = [
        "keep",
        "kept",
        "stop",
        "stopped",
        "prevent",
        "protect",
        "spare",
        "save",
        "avoid",
        "escape",
        "refrain",
        "halt",
        "end",
        "against",
        "oppose",
        "condemn",
        "protest",
        "demand",
        "asked",
        "ask",
        "asking",
        "requested",
        "request",
        "hope",
        "hopes",
        "will",
        "cambodia",
        "government",
        "pleaded",
        "begged",
        "from",
        "being",
        "not",
        "to",
        "be",
        "halt",
        "the",
        "urge",
        "urged",
        "call",
        "calls",
        "on",
        "appeal",
        "appealed",
        "for",
        "press",
        "lean",
        "plead",
        "beg",
        "implored",
        "imploring",
        "wants",
        "want",
        "them",
        "should",
        "must",
        "would",
        "like",
        "china",
        "sent",
        "back",
        "caller",
        "endless",
        "pressure",
    ];
    let c = super::cues();
    proptest!(ProptestConfig::with_cases(20000), |(idx in proptest::collection::vec(0..words.len(), 1..10), sep in "[ ,.’-]{1,2}")| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = text.join(&sep);
        let sc = super::scan(&text);
        let rd = super::Reader { b: text.as_bytes(), sc: &sc };
        if c.prevention_before.is_match(&text) {
            prop_assert!(rd.may_hold(0, text.len(), super::cue::PREVENTION), "{}", text);
        }
        if c.appeal_before.is_match(&text) {
            prop_assert!(
                rd.may_hold(0, text.len(), super::cue::APPEAL) || text.contains("implor"),
                "{}",
                text
            );
        }
    });
}

/// The reach of a destination read from the text before the phrase only
/// agrees with the limit first computed over the window.
#[test]
fn destination_reach() {
    use proptest::prelude::*;
    proptest!(ProptestConfig::with_cases(20000), |(w in "[a ,.;’é-]{0,40}", at in 0usize..40, n in 0usize..12)| {
        let mut at = at.min(w.len());
        while !w.is_char_boundary(at) {
            at -= 1;
        }
        for stops in [&['.', ';', ','][..], &['.', ';'][..]] {
            prop_assert_eq!(
                super::within_reach(&w, at, stops, n),
                super::within_reach_plain(&w, at, stops, n),
                "{:?} {} {:?} {}", w, at, stops, n
            );
        }
    });
}

/// The auxiliary rule only matches a text that ends with white space, so
/// it is never asked on a trimmed text.
#[test]
fn auxiliary_rule_ends_with_space() {
    use proptest::prelude::*;
    let words = [
        "is", "was", "were", "been", "being", "had", "get", "not", "now", "later", "reported",
        "to", "have", "said", "likely", "sent", "police",
    ];
    let c = super::cues();
    proptest!(ProptestConfig::with_cases(5000), |(idx in proptest::collection::vec(0..words.len(), 1..8), sep in "[ \t\u{a0},]{1,2}", end in "[ \t\u{a0}\u{2003}]{0,2}")| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = text.join(&sep) + &end;
        if c.aux_before.is_match(&text) {
            prop_assert!(text.trim_end().len() < text.len(), "{:?}", text);
        }
    });
}

/// A word's [`super::Lexicon`] value as the lists tell it.
fn lexicon_value_plain(w: &str) -> u64 {
    let mut v = 0;
    for (i, keys) in super::TRIGGER_KEYS.iter().enumerate() {
        if keys.contains(&w) {
            v |= 1 << i;
        }
    }
    for (s, bits) in super::STARTERS {
        if *s == w {
            v |= u64::from(*bits) << super::STARTS;
        }
    }
    for (words, flag) in super::CUE_LISTS.iter().chain(super::DEST_LISTS) {
        if words.contains(&w) {
            v |= flag;
        }
    }
    v | super::adverb_flags(w.as_bytes())
}

/// The words of the cue rules read before (and after) a trigger, with
/// look-alikes: the vocabulary the readings are tested on.
const CUE_WORDS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "get",
    "got",
    "gets",
    "getting",
    "has",
    "have",
    "had",
    "this",
    "maybe",
    "xwere",
    "were_",
    "_is",
    "not",
    "never",
    "now",
    "then",
    "also",
    "all",
    "already",
    "reportedly",
    "allegedly",
    "since",
    "later",
    "just",
    "recently",
    "forcibly",
    "forcefully",
    "still",
    "finally",
    "eventually",
    "subsequently",
    "quickly",
    "immediately",
    "likely",
    "probably",
    "apparently",
    "reported",
    "believed",
    "said",
    "to",
    "who",
    "whom",
    "which",
    "that",
    "previously",
    "once",
    "twice",
    "earlier",
    "after",
    "before",
    "while",
    "without",
    "for",
    "of",
    "from",
    "upon",
    "on",
    "avoid",
    "escaped",
    "risk",
    "having",
    "if",
    "unless",
    "whether",
    "should",
    "lest",
    "no",
    "none",
    "nobody",
    "one",
    "longer",
    "n",
    "t",
    "don",
    "cannot",
    "can",
    "can't",
    "won’t",
    "us",
    "them",
    "these",
    "those",
    "the",
    "prepared",
    "scheduled",
    "slated",
    "marked",
    "going",
    "set",
    "intends",
    "plan",
    "plans",
    "planned",
    "planning",
    "about",
    "expected",
    "due",
    "ready",
    "trying",
    "wanted",
    "proposed",
    "propose",
    "requests",
    "request",
    "asked",
    "face",
    "faces",
    "facing",
    "risks",
    "imminent",
    "threatened",
    "pending",
    "awaiting",
    "waiting",
    "in",
    "danger",
    "will",
    "would",
    "shall",
    "could",
    "may",
    "might",
    "possible",
    "impending",
    "soon",
    "her",
    "him",
    "forced",
    "forcible",
    "immediate",
    "certain",
    "ly",
    "-ly",
    "newly",
    "unconfirmed",
    "possibly",
    "thought",
    "appears",
    "appear",
    "seems",
    "seem",
    "suspected",
    "presumably",
    "alleged",
    "refused",
    "refuse",
    "rejected",
    "reject",
    "declined",
    "turned",
    "away",
    "take",
    "accept",
    "let",
    "did",
    "delayed",
    "suspended",
    "halted",
    "called",
    "off",
    "put",
    "hold",
    "blocked",
    "sent",
    "back",
    "police",
    "they",
    "é",
    "defectors",
];

/// Random text of the rules' words, with separators that make and break
/// words and white space of more than one kind.
fn cue_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (
        proptest::collection::vec(0..CUE_WORDS.len(), 0..10),
        "[ ,.;’'_\t\u{a0}\u{2003}-]{0,2}",
        "[ \t\u{a0}\u{2003}]{0,2}",
        "[ ,a_-]{0,2}",
    )
        .prop_map(|(idx, sep, end, lead)| {
            let words: Vec<&str> = idx.iter().map(|&i| CUE_WORDS[i]).collect();
            lead + &words.join(&sep) + &end
        })
}

/// The scan finds the runs of word bytes, and gives each the value its
/// lists tell.
#[test]
fn scan_reads_the_words() {
    use proptest::prelude::*;
    let lx = super::lexicon();
    for (words, _) in super::CUE_LISTS {
        for w in *words {
            assert_eq!(lx.value(w.as_bytes()), lexicon_value_plain(w), "{w}");
        }
    }
    proptest!(ProptestConfig::with_cases(20000), |(t in cue_text(), junk in "[a-z0-9_ ]{0,20}")| {
        let t = t + &junk;
        let b = t.as_bytes();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if !super::WORD_BYTE[usize::from(b[i])] {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && super::WORD_BYTE[usize::from(b[i])] {
                i += 1;
            }
            runs.push((start, i));
        }
        let sc = super::scan(&t);
        let want: Vec<(usize, usize, usize, u64)> = runs
            .iter()
            .enumerate()
            .map(|(n, &(a, e))| (a, e, n + 1, lexicon_value_plain(&t[a..e])))
            .filter(|w| w.3 & super::CUE_FLAGS != 0)
            .collect();
        let got: Vec<(usize, usize, usize, u64)> =
            sc.cued.iter().map(|w| (w.start, w.end, w.nth, w.flags)).collect();
        let all = want.iter().fold(0, |f, w| f | w.3);
        prop_assert_eq!(got, want, "{:?}", t);
        prop_assert_eq!(sc.cue_flags, all, "{:?}", t);
    });
}

/// The cue readings answer as the rules do on any range of a text (the
/// backward readings exactly, where the range cuts no word), and the
/// key-word tests pass every text the rules match.
#[test]
fn cue_readings_agree_with_the_rules() {
    use proptest::prelude::*;
    let c = super::cues();
    proptest!(ProptestConfig::with_cases(60000), |(t in cue_text(), cut in 0usize..8, cut_end in 0usize..8)| {
        let sc = super::scan(&t);
        let rd = super::Reader { b: t.as_bytes(), sc: &sc };
        // the whole text, and the text from one of its first bytes on, to
        // its end or to one of its last bytes
        let mut a = cut.min(t.len());
        while !t.is_char_boundary(a) {
            a -= 1;
        }
        let mut e2 = t.len().saturating_sub(cut_end).max(a);
        while !t.is_char_boundary(e2) {
            e2 += 1;
        }
        for (a, e) in [(0, t.len()), (a, t.len()), (a, e2)] {
            let r = &t[a..e];
            let spaced = super::spaced_end(r);
            if let Some(x) = rd.aux_before(a, e) {
                prop_assert_eq!(x, c.aux_before.is_match(&spaced), "aux {:?}", r);
            }
            if let Some(x) = rd.relative_before(a, e) {
                prop_assert_eq!(x, c.relative_before.is_match(&spaced), "relative {:?}", r);
            }
            // (the two read in one walk, as each alone)
            let both = rd.aux_before(a, e).zip(rd.relative_before(a, e));
            prop_assert_eq!(rd.aux_and_relative_before(a, e), both, "aux and relative {:?}", r);
            if let Some(x) = rd.condition_before(a, e) {
                prop_assert_eq!(x, c.condition_before.is_match(r), "condition {:?}", r);
            }
            if c.negation_before.is_match(r) {
                prop_assert!(rd.may_hold(a, e, super::cue::NEGATION) || r.contains("cannot"), "negation {:?}", r);
            }
            if c.planned_before.is_match(r) {
                prop_assert!(super::planned_may_match(r), "planned {:?}", r);
            }
            if c.hedge.is_match(r) {
                prop_assert!(rd.may_hold(a, e, super::cue::HEDGE), "hedge {:?}", r);
            }
            if c.refusal.is_match(r) {
                prop_assert!(rd.may_hold(a, e, super::cue::REFUSAL), "refusal {:?}", r);
            }
        }
    });
}

/// The backward readings are asked on whole texts often enough to be
/// tested: on the vocabulary's texts, each rule matches now and then.
#[test]
fn cue_texts_exercise_the_rules() {
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    let c = super::cues();
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut aux, mut rel, mut cond) = (0, 0, 0);
    for _ in 0..5000 {
        let t = cue_text().new_tree(&mut runner).unwrap().current();
        let spaced = super::spaced_end(&t);
        aux += usize::from(c.aux_before.is_match(&spaced));
        rel += usize::from(c.relative_before.is_match(&spaced));
        cond += usize::from(c.condition_before.is_match(&t));
    }
    assert!(aux > 50 && rel > 20 && cond > 50, "{aux} {rel} {cond}");
}

/// The byte-wise window of words before a trigger is the char-wise one.
#[test]
fn byte_window_before_agrees() {
    use proptest::prelude::*;
    proptest!(ProptestConfig::with_cases(40000), |(s in "[a-zA-Z0-9 ,.’'é\u{a0}\u{2003}_@`{\\[/:-]{0,90}", words in 0usize..16)| {
        let at = s.len();
        for min in [0, s.char_indices().nth(3).map(|(i, _)| i).unwrap_or(0)] {
            prop_assert_eq!(
                super::byte_window_before(&s, at, min, words),
                super::byte_window_before_plain(&s, at, min, words),
                "{:?} {} {}", s, min, words
            );
        }
    });
}

/// The byte-wise first and last words are the char-wise ones.
#[test]
fn first_and_last_words_agree() {
    use proptest::prelude::*;
    proptest!(ProptestConfig::with_cases(20000), |(s in "[a-z0-9 ,.’'é\u{a0}\u{2003}\t_-]{0,30}")| {
        prop_assert_eq!(super::last_word(&s), super::last_word_plain(&s), "{:?}", s);
        prop_assert_eq!(super::first_word(&s), s.split_whitespace().next().unwrap_or(""), "{:?}", s);
        prop_assert_eq!(super::last_word(&s), super::last_word(s.trim_end()), "{:?}", s);
    });
    // the last word of a text read again from the last word of a text
    // ending at the same place
    proptest!(ProptestConfig::with_cases(20000), |(s in "[a-z0-9 ,.’'é\u{a0}\u{2003}\t_-]{0,30}", a in 0usize..32, b in 0usize..32, c in 0usize..32)| {
        let cut = |i: usize| {
            let mut i = i.min(s.len());
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let to = cut(c);
        let (a, b) = (cut(a).min(to), cut(b).min(to));
        let known = super::last_word(&s[a..to]);
        prop_assert_eq!(super::last_word_again(&s, known, a, b, to), super::last_word(&s[b..to]), "{:?} {} {} {}", s, a, b, to);
    });
}

/// The destination rules tried at their first words only find what the
/// plain rules find, on every window of a text that starts at a word's
/// edge (where a trigger ends) and ends anywhere.
#[test]
fn destinations_at_their_words_agree() {
    use proptest::prelude::*;
    let words = [
        "to",
        "into",
        "across",
        "on",
        "over",
        "back",
        "for",
        "via",
        "home",
        "homeland",
        "north",
        "korea",
        "korean",
        "korea’s",
        "dprk",
        "the",
        "their",
        "country",
        "china",
        "chinese",
        "police",
        "lao",
        "border",
        "a",
        "camp",
        "south",
        "seoul",
        "safety",
        "mss",
        "nsa",
        "ministry",
        "of",
        "state",
        "security",
        "officials",
        "embassy",
        "tonight",
        "onto",
        "backed",
        "sent",
        "them",
        "were",
        "é",
        "x",
        // the second words of the phrases, longer words they begin, and
        // letters that fold to ASCII ones
        "people’s",
        "democratic",
        "republic",
        "pyongyang",
        "representatives",
        "officers",
        "agents",
        "diplomats",
        "bowibu",
        "ssd",
        "national",
        "agency",
        "its",
        "consulate",
        "laotian",
        "thai",
        "vietnamese",
        "russian",
        "myanmar",
        "authorities",
        "third",
        "countries",
        "manila",
        "japan",
        "united",
        "states",
        "us",
        "london",
        "freedom",
        "seoulite",
        "thematic",
        "ſeoul",
        "chinaſ",
        "tonsa",
        "xmss",
        "mssx",
        "acroſs",
        "bac\u{212a}",
        "homes",
    ];
    let c = super::cues();
    proptest!(ProptestConfig::with_cases(30000), |(idx in proptest::collection::vec(0..words.len(), 0..14), sep in "[ ,.;’\u{a0}\t-]{1,2}", cut in 0usize..200, len in 0usize..200)| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = text.join(&sep);
        let sc = super::scan(&text);
        let b = text.as_bytes();
        let mut a = cut.min(text.len());
        while !(text.is_char_boundary(a) && super::at_edge(b, a)) {
            a -= 1;
        }
        let mut e = (a + len).min(text.len());
        while !text.is_char_boundary(e) {
            e -= 1;
        }
        let w = &text[a..e];
        let i = sc.dests.partition_point(|x| x.0 < a);
        let j = sc.dests.partition_point(|x| x.0 < e);
        let mut stops = None;
        for d in [&c.dest_kp, &c.dest_cn, &c.dest_other] {
            prop_assert_eq!(d.find(w, &sc.dests[i..j], a, &mut stops), d.find_plain(w), "{:?}", w);
        }
    });
}

/// The words after a wish to stay anonymous are found as first written.
#[test]
fn after_anonymity_agrees() {
    use proptest::prelude::*;
    let words = [
        "not",
        "to",
        "be",
        "named",
        "identified",
        "quoted",
        "who",
        "asked",
        "said",
        "nameless",
        "é",
    ];
    proptest!(ProptestConfig::with_cases(20000), |(idx in proptest::collection::vec(0..words.len(), 0..14), sep in "[ ,]{1,2}")| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = text.join(&sep);
        prop_assert_eq!(super::after_anonymity(&text), super::after_anonymity_plain(&text));
    });
}

/// At a [`super::TRIGGER_BARE`] word a trigger's anchored pattern matches
/// the word alone, and at a [`super::TRIGGER_NO_BEGIN`] word nothing,
/// whatever follows: each is tried alone and before word salads of the
/// rules' words (the reference of the shortcuts of `trigger_matches`).
#[test]
fn trigger_shapes_are_exact() {
    use proptest::prelude::*;
    let triggers = super::triggers();
    let mut words: Vec<&str> = super::TRIGGER_KEYS
        .iter()
        .flat_map(|k| k.iter().copied())
        .chain(super::STARTERS.iter().map(|(w, _)| *w))
        .chain(CUE_WORDS.iter().copied())
        .chain([
            "to",
            "death",
            "dead",
            "into",
            "custody",
            "back",
            "home",
            "over",
            "across",
            "the",
            "border",
            "up",
            "out",
            "away",
            "down",
            "off",
            "in",
            "at",
            "camp",
            "prison",
            "a",
            "an",
            "term",
            "years",
            "of",
            "suicide",
            "herself",
            "own",
            "lives",
            "go",
            "leave",
            "manila",
            "seoul",
            "south",
            "korea",
            "flight",
            "train",
            "on",
            "for",
            "abortion",
            "undergo",
            "have",
            "-over",
            "time",
            "detention",
            "cell",
            "days",
        ])
        .collect();
    words.sort_unstable();
    words.dedup();
    let mut shapes = Vec::new();
    for (i, (bare, none)) in super::TRIGGER_BARE
        .iter()
        .zip(super::TRIGGER_NO_BEGIN.iter())
        .enumerate()
    {
        for w in bare.iter().chain(none.iter()) {
            assert!(super::TRIGGER_KEYS[i].contains(w), "{w} keys trigger {i}");
        }
        shapes.extend(bare.iter().map(|w| (i, *w, true)));
        shapes.extend(none.iter().map(|w| (i, *w, false)));
    }
    let check = |i: usize, w: &str, bare: bool, text: &str| {
        let got = triggers[i].at.find(text).map(|m| (m.start(), m.end()));
        let want = bare.then_some((0, w.len()));
        assert_eq!(got, want, "trigger {} at {text:?}", triggers[i].rule);
    };
    for &(i, w, bare) in &shapes {
        check(i, w, bare, w);
        for tail in [" ", ".", "’s", "-", ", ", " \u{a0}"] {
            check(i, w, bare, &format!("{w}{tail}"));
        }
        for next in &words {
            check(i, w, bare, &format!("{w} {next}"));
        }
    }
    proptest!(ProptestConfig::with_cases(20000), |(
        k in 0..shapes.len(),
        idx in proptest::collection::vec(0..words.len(), 0..14),
        sep in "[ ,.;’\u{a0}()-]{1,2}",
    )| {
        let (i, w, bare) = shapes[k];
        let rest: Vec<&str> = idx.iter().map(|&j| words[j]).collect();
        let text = format!("{w}{sep}{}", rest.join(&sep));
        let got = triggers[i].at.find(&text).map(|m| (m.start(), m.end()));
        prop_assert_eq!(got, bare.then_some((0, w.len())), "{:?}", text);
    });
}

/// The clause-mark rule never matches a sentence that its key test
/// (`marks_may_match`) turns away.
#[test]
fn clause_mark_keys_cover_the_rule() {
    use proptest::prelude::*;
    let words = [
        "but",
        "while",
        "whereas",
        "then",
        "so",
        "saying",
        "adding",
        "after",
        "which",
        "and",
        "the",
        "they",
        "police",
        "north",
        "korea",
        "five",
        "12",
        "some",
        "both",
        "were",
        "sent",
        "back",
        "butter",
        "sober",
        "and_",
        "“",
        "”",
        "ſo",
        "K",
        "é",
        "x",
        "’",
        "ſaying",
        "whereaſ",
        "\u{a0}but",
        "then\u{2003}",
        "\u{85}so",
    ];
    proptest!(ProptestConfig::with_cases(30000), |(
        idx in proptest::collection::vec(0..words.len(), 0..12),
        sep in "[ ,.;:’\u{a0}\t-]{1,3}",
    )| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = crate::rx::lower(&text.join(&sep));
        if super::clause_marks().is_match(&text) {
            let sc = super::scan(&text);
            prop_assert!(super::marks_may_match(&text, sc.sent_flags), "{:?}", text);
        }
    });
}

/// The scan on bit masks reads what the scan a byte at a time reads, on
/// text of the rules' words with separators, other bytes and lengths
/// around the mask's 8 and 64 bytes.
#[test]
fn scan_agrees_with_the_byte_scan() {
    use proptest::prelude::*;
    let check = |t: &str| {
        let got = super::scan(t);
        let want = super::scan_plain(t);
        assert_eq!(
            (got.bits, &got.keys, &got.begins, &got.cued),
            (want.bits, &want.keys, &want.begins, &want.cued),
            "{t:?}"
        );
        assert_eq!(
            (got.cue_flags, got.sent_flags, &got.dests),
            (want.cue_flags, want.sent_flags, &want.dests),
            "{t:?}"
        );
    };
    for n in 0..140 {
        for fill in [
            "a", "_", "9", "Z", " ", "é", "\u{7f}", "@", "[", "`", "{", "/", ":",
        ] {
            check(&fill.repeat(n));
            check(&format!("{} held {}", fill.repeat(n), fill.repeat(n / 2)));
        }
    }
    proptest!(ProptestConfig::with_cases(20000), |(t in cue_text(), junk in "[a-zA-Z0-9_ @\\[`{/:\u{7f}é]{0,80}", pad in 0usize..70)| {
        check(&(" ".repeat(pad) + &t + &junk));
        check(&(junk.clone() + &t));
    });
}

/// The bytes that may begin a clause mark, read sixteen at a time (SSE2 on
/// x86-64), are those `memchr` finds, at every length and alignment, for
/// every byte.
#[test]
fn mark_bytes_agree_with_memchr() {
    use proptest::prelude::*;
    let check = |b: &[u8]| {
        let (mut got, mut want) = (Vec::new(), Vec::new());
        super::mark_bytes(b, &mut got);
        super::mark_bytes_plain(b, &mut want);
        assert_eq!(got, want, "{b:?}");
    };
    let all: Vec<u8> = (0..=255).collect();
    for n in 0..=all.len() {
        check(&all[..n]);
        check(&all[all.len() - n..]);
    }
    proptest!(ProptestConfig::with_cases(20000), |(b in proptest::collection::vec(prop_oneof![any::<u8>(), Just(b';'), Just(b','), Just(0xe2u8)], 0..200))| {
        check(&b);
    });
}

/// The word masks (SSE2 on x86-64) agree with the eight-bytes-at-a-time
/// reading, at every length and alignment, for every byte.
#[test]
fn word_masks_agree_with_swar() {
    use proptest::prelude::*;
    let check = |b: &[u8]| {
        let (mut got, mut want) = (Vec::new(), Vec::new());
        super::word_masks(b, &mut got);
        super::word_masks_swar(b, &mut want);
        assert_eq!(got, want, "{b:?}");
    };
    let all: Vec<u8> = (0..=255).collect();
    for n in 0..=all.len() {
        check(&all[..n]);
        check(&all[all.len() - n..]);
    }
    proptest!(ProptestConfig::with_cases(20000), |(b in proptest::collection::vec(any::<u8>(), 0..200))| {
        check(&b);
    });
}

/// The hedge rule tried anchored at the hedge words of a text, in order,
/// finds its leftmost match.
#[test]
fn hedge_at_its_words_agrees() {
    use proptest::prelude::*;
    let c = super::cues();
    proptest!(ProptestConfig::with_cases(30000), |(t in cue_text())| {
        let sc = super::scan(&t);
        let rd = super::Reader { b: t.as_bytes(), sc: &sc };
        let want = c.hedge.find(&t).map(|m| (m.start(), m.end()));
        let got = rd
            .cued_in(0, t.len())
            .iter()
            .filter(|w| w.flags & super::cue::HEDGE != 0)
            .find_map(|w| {
                c.hedge_at
                    .find(&t[w.start..])
                    .map(|m| (w.start + m.start(), w.start + m.end()))
            });
        prop_assert_eq!(got, want, "{:?}", t);
        // the rule anchored at a hedge word, read by hand, on the text cut
        // anywhere after the word
        for w in rd.cued_in(0, t.len()).iter().filter(|w| w.flags & super::cue::HEDGE != 0) {
            for e in (w.end..=t.len()).filter(|&e| t.is_char_boundary(e)) {
                let want = c.hedge_at.find(&t[w.start..e]).map(|m| w.start + m.end());
                prop_assert_eq!(super::hedge_end(t.as_bytes(), w.start, w.end, e), want, "{:?} to {}", t, e);
            }
        }
    });
}

/// The clause marks read by hand (`mark_spans`) are the matches of the
/// rule, on text of its words, their near misses and every kind of white
/// space, around the masks' 8 and 64 bytes.
#[test]
fn clause_marks_by_hand_agree_with_the_rule() {
    use proptest::prelude::*;
    let words = [
        "but",
        "while",
        "whereas",
        "then",
        "so",
        "saying",
        "adding",
        "after",
        "which",
        "and",
        "the",
        "they",
        "she",
        "he",
        "it",
        "police",
        "officials",
        "authorities",
        "china",
        "north",
        "korea",
        "pyongyang",
        "beijing",
        "one",
        "two",
        "ten",
        "twelve",
        "another",
        "most",
        "several",
        "both",
        "five",
        "12",
        "7",
        "some",
        "were",
        "sent",
        "back",
        "butter",
        "sober",
        "and_",
        "theyre",
        "he1",
        "“",
        "”",
        "\u{201e}",
        "ſo",
        "K",
        "é",
        "x",
        "’",
        "ab",
        "ba",
        "a",
        "b",
        "\u{a0}but",
        "then\u{2003}",
        "\u{85}so",
        "\u{2028}",
        "\u{3000}",
        "\u{1680}",
        "\u{205f}",
        "\u{202f}",
        "\u{200a}",
        "\u{200b}",
        "\u{2029}and",
    ];
    proptest!(ProptestConfig::with_cases(40000), |(
        idx in proptest::collection::vec(0..words.len(), 0..24),
        sep in "[ ,.;:’\u{a0}\t\n\u{2003}\u{85}-]{0,3}",
    )| {
        let text: Vec<&str> = idx.iter().map(|&i| words[i]).collect();
        let text = crate::rx::lower(&text.join(&sep));
        let sc = super::scan(&text);
        let mut got = Vec::new();
        super::mark_spans(text.as_bytes(), sc.sent_flags, &mut Vec::new(), |a, e| got.push((a, e)));
        prop_assert_eq!(got, super::clause_marks_plain(&text), "{:?}", text);
    });
}

/// White space as the hand-read clause marks read it is `\s`.
#[test]
fn space_len_is_white_space() {
    for c in (0..=0x10ffff).filter_map(char::from_u32) {
        let mut buf = [0; 4];
        let s = c.encode_utf8(&mut buf);
        let n = super::space_len(format!("{s}x").as_bytes(), 0);
        assert_eq!(n > 0, c.is_whitespace(), "{c:?}");
        if n > 0 {
            assert_eq!(n, s.len());
        }
    }
}

/// The habit words' end read in one pass is the one of the three
/// searches.
#[test]
fn habit_end_agrees() {
    use proptest::prelude::*;
    proptest!(ProptestConfig::with_cases(20000), |(s in "(, |a |an |which |said |says |according to |é|[,a-z ]){0,12}", a in 0usize..64, b in 0usize..64)| {
        let cut = |i: usize| {
            let mut i = i.min(s.len());
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let (te, ce) = (cut(a), cut(b));
        prop_assert_eq!(super::habit_end(&s, te, ce), super::habit_end_plain(&s, te, ce), "{:?} {} {}", s, te, ce);
    });
}
