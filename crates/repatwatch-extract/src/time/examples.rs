//! The examples table (Duckling layout): a phrase, the publication date,
//! the direction, the reference date (for relative expressions) and the
//! exact expected interval. Each phrase must hold exactly one mention.
//! Then phrases that must yield no mention at all, span checks, flags,
//! a property test and a speed check.

use super::*;
use chrono::NaiveDate;
use proptest::prelude::*;

const P: Direction = Direction::Past;
const F: Direction = Direction::Future;

/// (phrase, published, direction, reference, expected)
/// Intervals are "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD"; "" = none.
/// 2024-05-08 is a Wednesday.
const EXAMPLES: &[(&str, &str, Direction, &str, &str)] = &[
    // explicit days
    (
        "They were caught on Oct. 9.",
        "2024-05-08",
        P,
        "",
        "2023-10-09",
    ),
    (
        "caught Oct 9 near the river",
        "2024-05-08",
        P,
        "",
        "2023-10-09",
    ),
    ("on October 9th", "2024-05-08", P, "", "2023-10-09"),
    ("on 9 October 2023", "2024-05-08", P, "", "2023-10-09"),
    ("on October 9, 2023,", "2024-05-08", P, "", "2023-10-09"),
    (
        "dated 2023-10-09 in the file",
        "2024-05-08",
        P,
        "",
        "2023-10-09",
    ),
    (
        "a notice dated 2023.10.09",
        "2024-05-08",
        P,
        "",
        "2023-10-09",
    ),
    ("on the 7th", "2024-05-08", P, "", "2024-05-07"),
    ("on the 9th", "2024-05-08", P, "", "2024-04-09"),
    ("on the 9th", "2024-05-08", F, "", "2024-05-09"),
    (
        "on the 29th of last month",
        "2012-03-12",
        P,
        "",
        "2012-02-29",
    ),
    (
        "on Jan. 25, 27 and 30",
        "2003-03-28",
        P,
        "",
        "2003-01-25..2003-01-30",
    ),
    (
        "from Oct. 9 to 12",
        "2024-05-08",
        P,
        "",
        "2023-10-09..2023-10-12",
    ),
    (
        "between Dec. 30 and Jan. 2",
        "2024-01-10",
        P,
        "",
        "2023-12-30..2024-01-02",
    ),
    ("on May 10", "2024-05-08", P, "", "2023-05-10"),
    ("on May 10", "2024-05-08", F, "", "2024-05-10"),
    ("on May 8", "2024-05-08", P, "", "2024-05-08"),
    ("Sept. 18", "2023-10-12", P, "", "2023-09-18"),
    ("on 30 December", "2000-01-13", P, "", "1999-12-30"),
    ("on 8 May", "2002-05-23", P, "", "2002-05-08"),
    ("on the 9th of October", "2024-05-08", P, "", "2023-10-09"),
    (
        "25-30 January 2003",
        "2024-05-08",
        P,
        "",
        "2003-01-25..2003-01-30",
    ),
    ("Feb. 29", "2023-05-01", P, "", "2020-02-29"),
    ("on February 29, 2024", "2024-05-08", P, "", "2024-02-29"),
    ("on February 30", "2024-05-08", P, "", ""),
    ("Oct. 9 at 5 p.m.", "2024-05-08", P, "", "2023-10-09"),
    ("Monday, Oct. 9", "2023-10-13", P, "", "2023-10-09"),
    ("the night of Oct. 9", "2024-05-08", P, "", "2023-10-09"),
    // weekdays
    ("on Tuesday", "2024-05-08", P, "", "2024-05-07"),
    ("on Wednesday", "2024-05-08", P, "", "2024-05-08"),
    ("Monday night", "2024-05-08", P, "", "2024-05-06"),
    (
        "at around 6 p.m. Wednesday",
        "2012-02-14",
        P,
        "",
        "2012-02-08",
    ),
    ("around 7 a.m. on Monday", "2024-05-08", P, "", "2024-05-06"),
    ("last Wednesday", "2024-05-08", P, "", "2024-05-01"),
    ("next Friday", "2024-05-08", F, "", "2024-05-10"),
    ("on Thursday", "2024-05-08", F, "", "2024-05-09"),
    ("Tuesday last week", "2024-05-08", P, "", "2024-04-30"),
    (
        "on Saturday and Sunday",
        "2005-11-21",
        P,
        "",
        "2005-11-19..2005-11-20",
    ),
    ("as of Wednesday", "2024-05-10", P, "", "2024-05-08"),
    ("early Tuesday", "2024-05-08", P, "", "2024-05-07"),
    // days relative to publication
    ("yesterday", "2024-05-08", P, "", "2024-05-07"),
    ("today", "2024-05-08", P, "", "2024-05-08"),
    ("tonight", "2024-05-08", F, "", "2024-05-08"),
    ("last night", "2024-05-08", P, "", "2024-05-07"),
    (
        "the day before yesterday",
        "2024-05-08",
        P,
        "",
        "2024-05-06",
    ),
    ("yesterday morning", "2024-05-08", P, "", "2024-05-07"),
    // weeks and weekends
    ("this week", "2024-05-08", P, "", "2024-05-06..2024-05-08"),
    ("this week", "2013-05-31", P, "", "2013-05-27..2013-05-31"),
    (
        "earlier this week",
        "2024-05-08",
        P,
        "",
        "2024-05-06..2024-05-08",
    ),
    (
        "earlier in the week",
        "2024-05-08",
        P,
        "",
        "2024-05-06..2024-05-08",
    ),
    (
        "earlier in the month",
        "2024-05-08",
        P,
        "",
        "2024-05-01..2024-05-08",
    ),
    ("last week", "2024-05-08", P, "", "2024-04-29..2024-05-05"),
    (
        "late last week",
        "2012-02-14",
        P,
        "",
        "2012-02-09..2012-02-12",
    ),
    (
        "early last week",
        "2024-05-08",
        P,
        "",
        "2024-04-29..2024-05-01",
    ),
    ("next week", "2024-05-08", F, "", "2024-05-13..2024-05-19"),
    (
        "over the weekend",
        "2024-05-08",
        P,
        "",
        "2024-05-04..2024-05-05",
    ),
    (
        "over the weekend",
        "2024-05-06",
        P,
        "",
        "2024-05-04..2024-05-05",
    ),
    (
        "this weekend",
        "2024-05-08",
        F,
        "",
        "2024-05-11..2024-05-12",
    ),
    (
        "the week before last",
        "2024-05-08",
        P,
        "",
        "2024-04-22..2024-04-28",
    ),
    // months
    ("in February", "2024-05-08", P, "", "2024-02-01..2024-02-29"),
    ("in February", "2020-10-15", P, "", "2020-02-01..2020-02-29"),
    ("in June", "2024-05-08", P, "", "2023-06-01..2023-06-30"),
    ("in June", "2024-05-08", F, "", "2024-06-01..2024-06-30"),
    ("in May", "2024-05-08", F, "", "2024-05-08..2024-05-31"),
    (
        "last October",
        "2024-05-08",
        P,
        "",
        "2023-10-01..2023-10-31",
    ),
    ("Last April", "2024-04-28", P, "", "2023-04-01..2023-04-30"),
    ("next March", "2024-05-08", F, "", "2025-03-01..2025-03-31"),
    (
        "February 2020",
        "2024-05-08",
        P,
        "",
        "2020-02-01..2020-02-29",
    ),
    (
        "in July 2021",
        "2024-05-08",
        P,
        "",
        "2021-07-01..2021-07-31",
    ),
    ("May 2002", "2002-05-23", P, "", "2002-05-01..2002-05-23"),
    (
        "in March of last year",
        "2024-05-08",
        P,
        "",
        "2023-03-01..2023-03-31",
    ),
    (
        "during July and August",
        "2017-11-08",
        P,
        "",
        "2017-07-01..2017-08-31",
    ),
    ("last month", "2024-05-08", P, "", "2024-04-01..2024-04-30"),
    ("this month", "2024-05-08", P, "", "2024-05-01..2024-05-08"),
    (
        "earlier this month",
        "2024-05-08",
        P,
        "",
        "2024-05-01..2024-05-08",
    ),
    (
        "Early this month",
        "2020-10-15",
        P,
        "",
        "2020-10-01..2020-10-10",
    ),
    (
        "in mid-February",
        "2012-02-28",
        P,
        "",
        "2012-02-11..2012-02-20",
    ),
    (
        "in late March",
        "2024-05-08",
        P,
        "",
        "2024-03-21..2024-03-31",
    ),
    (
        "late last month",
        "2024-05-08",
        P,
        "",
        "2024-04-21..2024-04-30",
    ),
    (
        "at the end of last month",
        "2024-05-08",
        P,
        "",
        "2024-04-21..2024-04-30",
    ),
    (
        "the beginning of March",
        "2024-05-08",
        P,
        "",
        "2024-03-01..2024-03-10",
    ),
    (
        "the middle of January",
        "2024-05-08",
        P,
        "",
        "2024-01-11..2024-01-20",
    ),
    (
        "the end of the month",
        "2024-05-08",
        F,
        "",
        "2024-05-21..2024-05-31",
    ),
    (
        "in the first week of March",
        "2024-05-08",
        P,
        "",
        "2024-03-01..2024-03-07",
    ),
    (
        "the second half of June",
        "2024-05-08",
        P,
        "",
        "2023-06-16..2023-06-30",
    ),
    (
        "later this month",
        "2024-05-08",
        F,
        "",
        "2024-05-08..2024-05-31",
    ),
    (
        "between mid-July and early December 2006",
        "2007-03-01",
        P,
        "",
        "2006-07-11..2006-12-10",
    ),
    // years
    ("in 2023", "2024-05-08", P, "", "2023-01-01..2023-12-31"),
    ("In 1997", "2024-05-08", P, "", "1997-01-01..1997-12-31"),
    ("last year", "2024-05-08", P, "", "2023-01-01..2023-12-31"),
    ("this year", "2024-05-08", P, "", "2024-01-01..2024-05-08"),
    (
        "earlier this year",
        "2024-05-08",
        P,
        "",
        "2024-01-01..2024-05-08",
    ),
    (
        "early this year",
        "2024-05-08",
        P,
        "",
        "2024-01-01..2024-04-30",
    ),
    (
        "late last year",
        "2024-05-08",
        P,
        "",
        "2023-09-01..2023-12-31",
    ),
    ("in mid-2023", "2024-05-08", P, "", "2023-05-01..2023-08-31"),
    (
        "in late 2019",
        "2024-05-08",
        P,
        "",
        "2019-09-01..2019-12-31",
    ),
    (
        "the start of the year",
        "2024-05-08",
        P,
        "",
        "2024-01-01..2024-04-30",
    ),
    (
        "in the first half of 2023",
        "2024-05-08",
        P,
        "",
        "2023-01-01..2023-06-30",
    ),
    (
        "from 2006 to 2008",
        "2024-05-08",
        P,
        "",
        "2006-01-01..2008-12-31",
    ),
    (
        "in 2006-2008",
        "2024-05-08",
        P,
        "",
        "2006-01-01..2008-12-31",
    ),
    (
        "in 2019 and 2020",
        "2024-05-08",
        P,
        "",
        "2019-01-01..2020-12-31",
    ),
    ("the 1990s", "2024-05-08", P, "", "1990-01-01..1999-12-31"),
    (
        "in the early 1990s",
        "2024-05-08",
        P,
        "",
        "1990-01-01..1993-12-31",
    ),
    (
        "the year 2003",
        "2024-05-08",
        P,
        "",
        "2003-01-01..2003-12-31",
    ),
    // seasons
    (
        "in the spring",
        "2024-05-08",
        P,
        "",
        "2024-03-01..2024-05-08",
    ),
    ("last summer", "2024-05-08", P, "", "2023-06-01..2023-08-31"),
    ("last summer", "2024-10-01", P, "", "2024-06-01..2024-08-31"),
    ("summer 2004", "2024-05-08", P, "", "2004-06-01..2004-08-31"),
    (
        "in the summer of 2004",
        "2024-05-08",
        P,
        "",
        "2004-06-01..2004-08-31",
    ),
    (
        "the winter of 2019",
        "2024-05-08",
        P,
        "",
        "2019-12-01..2020-02-29",
    ),
    (
        "in the autumn",
        "2024-05-08",
        P,
        "",
        "2023-09-01..2023-11-30",
    ),
    ("last fall", "2024-05-08", P, "", "2023-09-01..2023-11-30"),
    ("last winter", "2024-05-08", P, "", "2023-12-01..2024-02-29"),
    ("this winter", "2024-01-10", P, "", "2023-12-01..2024-01-10"),
    (
        "in early spring",
        "2024-05-08",
        P,
        "",
        "2024-03-01..2024-03-31",
    ),
    // vague and counted back from publication
    ("recently", "2013-07-16", P, "", "2013-06-16..2013-07-16"),
    ("lately", "2024-05-08", P, "", "2024-04-08..2024-05-08"),
    (
        "in recent weeks",
        "2024-05-08",
        P,
        "",
        "2024-04-08..2024-05-08",
    ),
    (
        "in recent days",
        "2024-05-08",
        P,
        "",
        "2024-05-01..2024-05-08",
    ),
    (
        "in recent months",
        "2024-05-08",
        P,
        "",
        "2024-02-08..2024-05-08",
    ),
    (
        "in the past two weeks",
        "2024-05-08",
        P,
        "",
        "2024-04-24..2024-05-08",
    ),
    (
        "over the past year",
        "2024-05-08",
        P,
        "",
        "2023-05-08..2024-05-08",
    ),
    (
        "in the last few days",
        "2024-05-08",
        P,
        "",
        "2024-05-01..2024-05-08",
    ),
    (
        "a few days ago",
        "2024-05-08",
        P,
        "",
        "2024-05-01..2024-05-07",
    ),
    ("three days ago", "2024-05-08", P, "", "2024-05-05"),
    ("a week ago", "2024-05-08", P, "", "2024-04-28..2024-05-04"),
    (
        "two weeks ago",
        "2024-05-08",
        P,
        "",
        "2024-04-21..2024-04-27",
    ),
    (
        "three months ago",
        "2024-05-08",
        P,
        "",
        "2024-02-01..2024-02-29",
    ),
    (
        "two years ago",
        "2024-05-08",
        P,
        "",
        "2022-01-01..2022-12-31",
    ),
    // present
    ("at present", "2024-05-08", P, "", "2024-05-08"),
    ("now", "2024-05-08", P, "", "2024-05-08"),
    ("right now", "2024-05-08", P, "", "2024-05-08"),
    ("currently", "2024-05-08", P, "", "2024-05-08"),
    ("still", "2024-05-08", P, "", "2024-05-08"),
    ("until now", "2024-05-08", P, "", "2024-05-08"),
    // since
    (
        "since June 2017",
        "2017-11-06",
        P,
        "",
        "2017-06-01..2017-11-06",
    ),
    ("since April", "2021-07-19", P, "", "2021-04-01..2021-07-19"),
    (
        "since the beginning of 2024",
        "2024-05-08",
        P,
        "",
        "2024-01-01..2024-05-08",
    ),
    (
        "since last year",
        "2024-05-08",
        P,
        "",
        "2023-01-01..2024-05-08",
    ),
    ("since 2020", "2024-05-08", P, "", "2020-01-01..2024-05-08"),
    (
        "as late as the morning of February 28th",
        "2012-03-12",
        P,
        "",
        "2012-02-28..2012-03-12",
    ),
    (
        "Since then",
        "2020-12-30",
        P,
        "2020-09-13",
        "2020-09-13..2020-12-30",
    ),
    // relative to a reference
    (
        "three days later",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-04",
    ),
    ("a day later", "2024-05-08", P, "2024-04-01", "2024-04-02"),
    (
        "two weeks later",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-15",
    ),
    (
        "Just over three weeks later",
        "2015-12-02",
        P,
        "2015-10-23",
        "2015-11-14..2015-11-17",
    ),
    ("a month after", "2024-05-08", P, "2024-01-15", "2024-02-15"),
    (
        "three days earlier",
        "2024-05-08",
        P,
        "2024-04-10",
        "2024-04-07",
    ),
    (
        "days later",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-02..2024-04-08",
    ),
    ("the next day", "2024-05-08", P, "2024-04-01", "2024-04-02"),
    (
        "the day before",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-03-31",
    ),
    (
        "Within two days",
        "2015-12-02",
        P,
        "2015-10-22",
        "2015-10-22..2015-10-24",
    ),
    (
        "within hours",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-01..2024-04-02",
    ),
    (
        "that same evening",
        "2013-05-30",
        P,
        "2013-05-27",
        "2013-05-27",
    ),
    ("the same day", "2024-05-08", P, "2024-04-01", "2024-04-01"),
    ("that day", "2024-05-08", P, "2024-04-01", "2024-04-01"),
    (
        "At the same time",
        "2024-05-05",
        P,
        "2024-04-26",
        "2024-04-26",
    ),
    (
        "later",
        "2013-05-31",
        P,
        "2013-05-10",
        "2013-05-10..2013-05-31",
    ),
    (
        "afterwards",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-01..2024-05-08",
    ),
    (
        "shortly after",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-01..2024-04-08",
    ),
    (
        "later that month",
        "2024-05-08",
        P,
        "2020-03-10",
        "2020-03-10..2020-03-31",
    ),
    (
        "the following year",
        "2024-05-08",
        P,
        "2020-03-03",
        "2021-01-01..2021-12-31",
    ),
    (
        "the previous month",
        "2024-05-08",
        P,
        "2020-03-10",
        "2020-02-01..2020-02-29",
    ),
    ("three days later", "2024-05-08", P, "", ""),
    (
        "later that day",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-01",
    ),
    (
        "the next morning",
        "2024-05-08",
        P,
        "2024-04-01",
        "2024-04-02",
    ),
    (
        "nearly two months later",
        "2024-05-08",
        P,
        "2024-01-10",
        "2024-03-03..2024-03-17",
    ),
    (
        "a couple of days ago",
        "2024-05-08",
        P,
        "",
        "2024-05-05..2024-05-07",
    ),
    (
        "in the last three months",
        "2024-05-08",
        P,
        "",
        "2024-02-08..2024-05-08",
    ),
    (
        "this past weekend",
        "2024-05-06",
        P,
        "",
        "2024-05-04..2024-05-05",
    ),
    ("late on Monday", "2024-05-08", P, "", "2024-05-06"),
    (
        "since early 2020",
        "2024-05-08",
        P,
        "",
        "2020-01-01..2024-05-08",
    ),
    ("as of now", "2024-05-08", P, "", "2024-05-08"),
    ("dated 2023/10/09", "2024-05-08", P, "", "2023-10-09"),
    (
        "from July 2016 to June 2017",
        "2024-05-08",
        P,
        "",
        "2016-07-01..2017-06-30",
    ),
    (
        "in the 1990s and 2000s",
        "2024-05-08",
        P,
        "",
        "1990-01-01..2009-12-31",
    ),
    // deadlines
    ("by Oct. 20", "2024-10-09", F, "", "2024-10-09..2024-10-20"),
    (
        "by Feb. 20 at the latest",
        "2012-02-14",
        F,
        "",
        "2012-02-14..2012-02-20",
    ),
    (
        "By October 24",
        "2015-12-02",
        P,
        "2015-10-22",
        "2015-10-22..2015-10-24",
    ),
    (
        "by the end of the month",
        "2024-05-08",
        F,
        "",
        "2024-05-08..2024-05-31",
    ),
    // "before" a time, for a planned act, is a deadline too
    (
        "before the end of the year",
        "2024-05-08",
        F,
        "",
        "2024-05-08..2024-12-31",
    ),
];

/// Phrases that must yield no mention.
const NO_MENTION: &[&str] = &[
    "They may be executed if they are sent back.",
    "Police raided the church during a Sunday service.",
    "They met every Friday at the market.",
    "Protesters march through the city.",
    "The man, aged 35, was detained.",
    "20 defectors were detained in the raid.",
    "He paid 200 yuan to a broker.",
    "China signed the 1951 Refugee Convention.",
    "under Decree No. 136 of the council",
    "The 20th century saw many wars.",
    "She lived on the 5th floor.",
    "June Kim said the family was worried.",
    "Theresa May said the report was alarming.",
    "They could fall into the hands of the police.",
    "A spring runs through the valley.",
    "It marked the fall of the regime.",
    "Some 2,000 people fled.",
    "The boy is 19 and the girl 17.",
    "a total of 1,500 defectors",
    "The March of the Volunteers was played.",
    "at 5 p.m.",
    "Article 9 of the law",
    "the now-defunct agency",
    "in Sept",
    "a later stage of the talks",
    "the 9th day of detention",
    "They were helped by 2000 people.",
    "Kim Jong Un met Xi Jinping.",
    "the first few defectors",
    "a day-long meeting",
    "He has been there for three days.",
];

/// (text, expected mention texts in order)
const SPANS: &[(&str, &[&str])] = &[
    ("In March 20 defectors were caught.", &["In March"]),
    (
        "They were caught on Oct. 9 at 5 p.m. and repatriated three days later.",
        &["on Oct. 9 at 5 p.m.", "three days later"],
    ),
    ("by Feb. 20 at the latest", &["by Feb. 20 at the latest"]),
    (
        "Police arrested them on Jan. 25, 27 and 30, 2003, a source said.",
        &["on Jan. 25, 27 and 30, 2003"],
    ),
    (
        "Between mid-July and early December 2006, some 20 were held.",
        &["Between mid-July and early December 2006"],
    ),
    ("The 1951 Convention was signed in 1951.", &["in 1951"]),
    ("They are currently being held.", &["currently"]),
    ("the 29th of last month", &["the 29th of last month"]),
    ("Last April, a broker was paid.", &["Last April"]),
    ("officials said Thursday that", &["Thursday"]),
    (
        "Seoul’s police said on Monday that 3 were held.",
        &["on Monday"],
    ),
];

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("bad date in table")
}

fn range(s: &str) -> Option<DateRange> {
    if s.is_empty() {
        return None;
    }
    Some(match s.split_once("..") {
        Some((a, b)) => DateRange::new(d(a), d(b)),
        None => DateRange::day(d(s)),
    })
}

#[test]
fn examples_table() {
    assert!(EXAMPLES.len() >= 80);
    let mut failures = Vec::new();
    for &(text, published, dir, reference, expected) in EXAMPLES {
        let ms = find(text);
        if ms.len() != 1 {
            let found: Vec<_> = ms.iter().map(|m| (m.text(text), m.rule)).collect();
            failures.push(format!("{text:?}: expected one mention, found {found:?}"));
            continue;
        }
        let got = ms[0].resolve(d(published), dir, range(reference));
        if got != range(expected) {
            failures.push(format!(
                "{text:?} (pub {published}, {dir:?}): expected {expected:?}, got {got:?} [{} {:?}]",
                ms[0].rule, ms[0].expr
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn no_mention_traps() {
    let mut failures = Vec::new();
    for &text in NO_MENTION {
        let ms = find(text);
        if !ms.is_empty() {
            let found: Vec<_> = ms.iter().map(|m| (m.text(text), m.rule)).collect();
            failures.push(format!("{text:?}: found {found:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans() {
    let mut failures = Vec::new();
    for &(text, expected) in SPANS {
        let got: Vec<_> = find(text).iter().map(|m| m.text(text)).collect();
        if got != expected {
            failures.push(format!("{text:?}: expected {expected:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn one(text: &str) -> TimeMention {
    let ms = find(text);
    assert_eq!(ms.len(), 1, "{text:?}: {ms:?}");
    ms.into_iter().next().expect("one mention")
}

#[test]
fn flags() {
    assert!(one("three days later").is_relative());
    assert!(one("since then").is_relative());
    assert!(one("since then").is_since());
    assert!(one("since June 2017").is_since());
    assert!(!one("since June 2017").is_relative());
    assert!(one("now").is_present());
    assert!(one("at present").is_present());
    assert!(one("today's custody").is_present());
    assert!(!one("on Monday").is_present());
    assert!(one("by Oct. 20").is_deadline());
    assert!(!one("on Oct. 20").is_deadline());
    assert!(one("that same evening").is_relative());
    assert!(!one("last week").is_relative());
}

#[test]
fn several_mentions_in_order() {
    let text = "On Saturday police detained 12 people; on Sunday, two days later, they were moved. They are still held.";
    let ms = find(text);
    let texts: Vec<_> = ms.iter().map(|m| m.text(text)).collect();
    assert_eq!(
        texts,
        ["On Saturday", "on Sunday", "two days later", "still"]
    );
    for w in ms.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

#[test]
#[ignore = "a timing check, not a test: run with --ignored on an idle machine; throughput is measured by `repatwatch bench`"]
fn speed() {
    let para = "The source, who is based in China, said on Tuesday that about 20 North Korean \
        defectors, including a pregnant woman in her 20s, had been caught in Dandong early \
        this month and were being held at a detention centre run by the public security bureau. \
        Officials have not commented. Human rights groups said that the group may be sent back \
        within days, and that more than 600 people have been repatriated since last year. ";
    let text = para.repeat(2048 / para.len() + 1);
    // The best of several batches: the machine may be shared.
    let n = if cfg!(debug_assertions) { 20 } else { 200 };
    let mut count = 0;
    let mut best = f64::MAX;
    for _ in 0..10 {
        let t0 = std::time::Instant::now();
        for _ in 0..n {
            count += find(&text).len();
        }
        best = best.min(t0.elapsed().as_secs_f64());
    }
    let mbps = (text.len() * n) as f64 / best / 1e6;
    assert!(count > 0);
    eprintln!("time::find: {mbps:.1} MB/s");
    // Debug builds are slow; the bound only guards against blow-ups.
    assert!(
        mbps > if cfg!(debug_assertions) { 0.2 } else { 50.0 },
        "{mbps} MB/s"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics(text in "\\PC{0,200}", day in -1_000_000i32..1_000_000, rday in -1_000_000i32..1_000_000, span in 0i64..400) {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
        let published = resolve::add_days(base, i64::from(day)).unwrap_or(base);
        let rstart = resolve::add_days(base, i64::from(rday)).unwrap_or(base);
        let rend = resolve::add_days(rstart, span).unwrap_or(rstart);
        let reference = Some(DateRange::new(rstart, rend));
        let ms = find(&text);
        let mut last = 0;
        for m in &ms {
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert!(m.start >= last);
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            last = m.end;
            for dir in [Direction::Past, Direction::Future] {
                if let Some(r) = m.resolve(published, dir, reference) {
                    prop_assert!(r.start <= r.end);
                }
                let _ = m.resolve(published, dir, None);
            }
        }
    }

    #[test]
    fn never_panics_on_date_words(words in proptest::collection::vec(prop::sample::select(vec![
        "on", "in", "since", "by", "the", "last", "next", "this", "early", "late", "mid", "-",
        "Feb.", "February", "29", "29th", "30", "31", "2024", "1900", "2099", "9999", "0", "of",
        "month", "year", "week", "weekend", "and", "to", "between", "from", "winter", "summer",
        "Monday", "days", "later", "ago", "within", "a", "few", "over", "just", "1990s", ",",
        "at", "5", "p.m.", "now", "then", "that", "day", "end", "beginning", "first", "half",
        "2006-2008", "2023-02-29", "May", "March", "Dec.", "Jan.", "recent", "past", "1000",
    ]), 0..14), day in -3_000_000i32..3_000_000) {
        let text = words.join(" ");
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).expect("date");
        let published = resolve::add_days(base, i64::from(day)).unwrap_or(base);
        for m in find(&text) {
            prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            for dir in [Direction::Past, Direction::Future] {
                let _ = m.resolve(published, dir, Some(DateRange::day(published)));
                let _ = m.resolve(published, dir, None);
                let _ = m.resolve(NaiveDate::MAX, dir, Some(DateRange::day(NaiveDate::MIN)));
                let _ = m.resolve(NaiveDate::MIN, dir, Some(DateRange::day(NaiveDate::MAX)));
            }
        }
    }
}
