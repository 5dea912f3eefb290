//! Examples with exact expected mentions (Duckling's layout): each text, and
//! every place `find` must report in it: (span, name, admin1, country,
//! precision). Sentences are made up for the table.

use super::find;
use crate::model::Precision::{self, Admin1, Border, City, Country};

type Want = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Precision,
);

pub(crate) const EXAMPLES: &[(&str, &[Want])] = &[
    // a province after its country's possessive
    (
        "They were caught in China's northeastern Jilin province last week.",
        &[
            ("China", "China", None, "CN", Country),
            ("Jilin province", "Jilin", Some("Jilin"), "CN", Admin1),
        ],
    ),
    // cities with their province named after them
    (
        "Police detained 12 people in Dandong, Liaoning Province, last week.",
        &[
            ("Dandong", "Dandong", Some("Liaoning"), "CN", City),
            (
                "Liaoning Province",
                "Liaoning",
                Some("Liaoning"),
                "CN",
                Admin1,
            ),
        ],
    ),
    (
        "They were held at a lockup in Changbai Korean Autonomous County before the transfer.",
        &[(
            "Changbai Korean Autonomous County",
            "Changbai",
            Some("Jilin"),
            "CN",
            City,
        )],
    ),
    (
        "The family was arrested in Jilin province and taken to Tumen.",
        &[
            ("Jilin province", "Jilin", Some("Jilin"), "CN", Admin1),
            ("Tumen", "Tumen", Some("Jilin"), "CN", City),
        ],
    ),
    (
        "Border guards in Jilin caught the group.",
        &[("Jilin", "Jilin", Some("Jilin"), "CN", Admin1)],
    ),
    (
        "The men were moved to a prison in Jilin City.",
        &[("Jilin City", "Jilin", Some("Jilin"), "CN", City)],
    ),
    // border county towns and border posts that cities500 lacks
    (
        "Three women were caught in Samsu County and held in Hyesan.",
        &[
            ("Samsu County", "Samsu", Some("Ryanggang"), "KP", City),
            ("Hyesan", "Hyesan", Some("Ryanggang"), "KP", City),
        ],
    ),
    (
        "The group was handed over at Mohan, across from Boten.",
        &[
            ("Mohan", "Mohan", Some("Yunnan"), "CN", City),
            ("Boten", "Ban Boten", Some("Luang Namtha"), "LA", City),
        ],
    ),
    // North Korean romanisations
    (
        "She was sent back to Shinuiju, then to Onsung and Hoiryeong.",
        &[
            ("Shinuiju", "Sinuiju", Some("North Pyongan"), "KP", City),
            ("Onsung", "Onsong", Some("North Hamgyong"), "KP", City),
            ("Hoiryeong", "Hoeryong", Some("North Hamgyong"), "KP", City),
        ],
    ),
    (
        "Residents of Hyesan, Musan and Chongjin say arrests have risen.",
        &[
            ("Hyesan", "Hyesan", Some("Ryanggang"), "KP", City),
            ("Musan", "Musan", Some("North Hamgyong"), "KP", City),
            ("Chongjin", "Chongjin", Some("North Hamgyong"), "KP", City),
        ],
    ),
    (
        "Returnees are questioned in Yanggang Province and North Hamkyung Province.",
        &[
            (
                "Yanggang Province",
                "Ryanggang",
                Some("Ryanggang"),
                "KP",
                Admin1,
            ),
            (
                "North Hamkyung Province",
                "North Hamgyong",
                Some("North Hamgyong"),
                "KP",
                Admin1,
            ),
        ],
    ),
    (
        "A detention centre in Hamgyong-bukto and another in Pyongan-bukto hold returnees.",
        &[
            (
                "Hamgyong-bukto",
                "North Hamgyong",
                Some("North Hamgyong"),
                "KP",
                Admin1,
            ),
            (
                "Pyongan-bukto",
                "North Pyongan",
                Some("North Pyongan"),
                "KP",
                Admin1,
            ),
        ],
    ),
    (
        "The bowibu office in Manpo, Jagang Province, took them in.",
        &[
            ("Manpo", "Manpo", Some("Chagang"), "KP", City),
            ("Jagang Province", "Chagang", Some("Chagang"), "KP", Admin1),
        ],
    ),
    (
        "Two soldiers from Musan-gun were questioned.",
        &[("Musan-gun", "Musan", Some("North Hamgyong"), "KP", City)],
    ),
    // rivers and border stretches
    (
        "Guards shot at people crossing the Tumen River at night.",
        &[("Tumen River", "Tumen River", Some("Jilin"), "CN", Border)],
    ),
    (
        "They waded across the Yalu near the bridge.",
        &[("Yalu", "Yalu River", Some("Liaoning"), "CN", Border)],
    ),
    (
        "The group crossed the Mekong River into Thailand.",
        &[
            (
                "Mekong River",
                "Mekong River",
                Some("Chiang Rai"),
                "TH",
                Border,
            ),
            ("Thailand", "Thailand", None, "TH", Country),
        ],
    ),
    (
        "Soldiers patrol the Tumen river and the Yalu river; Karen Kim watched.",
        &[
            ("Tumen river", "Tumen River", Some("Jilin"), "CN", Border),
            ("Yalu river", "Yalu River", Some("Liaoning"), "CN", Border),
        ],
    ),
    (
        "Dandong's police sent them to Ho Chi Minh City, not Saigon's airport.",
        &[
            ("Dandong", "Dandong", Some("Liaoning"), "CN", City),
            (
                "Ho Chi Minh City",
                "Ho Chi Minh City",
                Some("Ho Chi Minh City"),
                "VN",
                City,
            ),
            (
                "Saigon",
                "Ho Chi Minh City",
                Some("Ho Chi Minh City"),
                "VN",
                City,
            ),
        ],
    ),
    (
        "They reached Rajin-Sonbong and Hamgyong Bukto via Guangxi Zhuang Autonomous Region.",
        &[
            ("Rajin-Sonbong", "Rason", Some("Rason"), "KP", Admin1),
            (
                "Hamgyong Bukto",
                "North Hamgyong",
                Some("North Hamgyong"),
                "KP",
                Admin1,
            ),
            (
                "Guangxi Zhuang Autonomous Region",
                "Guangxi",
                Some("Guangxi"),
                "CN",
                Admin1,
            ),
        ],
    ),
    // same name, resolved by context
    (
        "Police in Nanping, a town near Musan across the river, caught two women.",
        &[
            ("Nanping", "Nanping", Some("Jilin"), "CN", City),
            ("Musan", "Musan", Some("North Hamgyong"), "KP", City),
        ],
    ),
    (
        "A lockup in Nanping, Jilin Province, holds defectors.",
        &[
            ("Nanping", "Nanping", Some("Jilin"), "CN", City),
            ("Jilin Province", "Jilin", Some("Jilin"), "CN", Admin1),
        ],
    ),
    (
        "Tea from Nanping in Fujian sells well.",
        &[
            ("Nanping", "Nanping", Some("Fujian"), "CN", City),
            ("Fujian", "Fujian", Some("Fujian"), "CN", Admin1),
        ],
    ),
    (
        "They were held in Ji'an, across the Yalu from Manpo.",
        &[
            ("Ji'an", "Ji'an", Some("Jilin"), "CN", City),
            ("Yalu", "Yalu River", Some("Liaoning"), "CN", Border),
            ("Manpo", "Manpo", Some("Chagang"), "KP", City),
        ],
    ),
    (
        "Officials in Kangwon Province of North Korea reported it.",
        &[
            ("Kangwon Province", "Kangwon", Some("Kangwon"), "KP", Admin1),
            ("North Korea", "North Korea", None, "KP", Country),
        ],
    ),
    // countries as reporters name them
    (
        "The DPRK and the Lao PDR signed a deal; Burma and South Korea objected.",
        &[
            ("DPRK", "North Korea", None, "KP", Country),
            ("Lao PDR", "Laos", None, "LA", Country),
            ("Burma", "Myanmar", None, "MM", Country),
            ("South Korea", "South Korea", None, "KR", Country),
        ],
    ),
    (
        "Activists in Japan, the Philippines and the U.S. protested.",
        &[
            ("Japan", "Japan", None, "JP", Country),
            ("Philippines", "Philippines", None, "PH", Country),
            ("U.S.", "United States", None, "US", Country),
        ],
    ),
    (
        "North Korea's border with China is closed.",
        &[
            ("North Korea", "North Korea", None, "KP", Country),
            ("China", "China", None, "CN", Country),
        ],
    ),
    // South-East Asian route
    (
        "Vietnamese police in Mong Cai handed them to Chinese officers in Dongxing.",
        &[
            ("Mong Cai", "Mong Cai", Some("Quang Ninh"), "VN", City),
            ("Dongxing", "Dongxing", Some("Guangxi"), "CN", City),
        ],
    ),
    (
        "They were caught in Oudomxai Province and taken to Vientiane.",
        &[
            (
                "Oudomxai Province",
                "Oudomxay",
                Some("Oudomxay"),
                "LA",
                Admin1,
            ),
            (
                "Vientiane",
                "Vientiane",
                Some("Vientiane Prefecture"),
                "LA",
                City,
            ),
        ],
    ),
    (
        "Thai police in Chiang Saen sent the nine to Bangkok.",
        &[
            ("Chiang Saen", "Chiang Saen", Some("Chiang Rai"), "TH", City),
            ("Bangkok", "Bangkok", Some("Bangkok"), "TH", City),
        ],
    ),
    (
        "A bus from Kunming, Yunnan, was stopped in Ha Giang and Lang Son provinces.",
        &[
            ("Kunming", "Kunming", Some("Yunnan"), "CN", City),
            ("Yunnan", "Yunnan", Some("Yunnan"), "CN", Admin1),
            ("Ha Giang", "Ha Giang", Some("Ha Giang"), "VN", Admin1),
            (
                "Lang Son provinces",
                "Lang Son",
                Some("Lang Son"),
                "VN",
                Admin1,
            ),
        ],
    ),
    (
        "Restaurant workers in Huangdao near Qingdao, Shandong, were rounded up.",
        &[
            ("Huangdao", "Huangdao", Some("Shandong"), "CN", City),
            ("Qingdao", "Qingdao", Some("Shandong"), "CN", City),
            ("Shandong", "Shandong", Some("Shandong"), "CN", Admin1),
        ],
    ),
    (
        "Dozens were held in Shenyang and Changchun before going to Yanji, Hunchun and Longjing.",
        &[
            ("Shenyang", "Shenyang", Some("Liaoning"), "CN", City),
            ("Changchun", "Changchun", Some("Jilin"), "CN", City),
            ("Yanji", "Yanji", Some("Jilin"), "CN", City),
            ("Hunchun", "Hunchun", Some("Jilin"), "CN", City),
            ("Longjing", "Longjing", Some("Jilin"), "CN", City),
        ],
    ),
    (
        "Inner Mongolia and Heilongjiang are on another route.",
        &[
            (
                "Inner Mongolia",
                "Inner Mongolia",
                Some("Inner Mongolia"),
                "CN",
                Admin1,
            ),
            (
                "Heilongjiang",
                "Heilongjiang",
                Some("Heilongjiang"),
                "CN",
                Admin1,
            ),
        ],
    ),
    (
        "Bangkok police said the nine would stay in Bangkok until Pyongyang answered; \
         Pyongyang did not.",
        &[
            ("Bangkok", "Bangkok", Some("Bangkok"), "TH", City),
            ("Bangkok", "Bangkok", Some("Bangkok"), "TH", City),
            ("Pyongyang", "Pyongyang", Some("Pyongyang"), "KP", City),
            ("Pyongyang", "Pyongyang", Some("Pyongyang"), "KP", City),
        ],
    ),
    (
        "Fishermen from Sokcho, Gangwon Province, found the boat.",
        &[
            ("Sokcho", "Sokcho", Some("Gangwon"), "KR", City),
            ("Gangwon Province", "Gangwon", Some("Gangwon"), "KR", Admin1),
        ],
    ),
    (
        "Vietnamese guards in Mong Cai caught them; they had come from Dongxing.",
        &[
            ("Mong Cai", "Mong Cai", Some("Quang Ninh"), "VN", City),
            ("Dongxing", "Dongxing", Some("Guangxi"), "CN", City),
        ],
    ),
    ("She said SHE was not a code.", &[]),
    (
        "They were held at the Thanh Thuy Phong border post, then sent to Lao Cai.",
        &[("Lao Cai", "Lao Cai", Some("Lao Cai"), "VN", City)],
    ),
    // traps: people, words, features
    (
        "Kim Jong Un met Xi Jinping; Kim Kwang Ho and Lee Jang said nothing.",
        &[],
    ),
    (
        "May was a long month. Long lines formed. Man, the Games were over.",
        &[],
    ),
    (
        "Mr. Choi told the Korea Herald that Korea and Asia matter, and the North agreed.",
        &[],
    ),
    (
        "North Korean and Chinese guards met on the Changbai Mountains.",
        &[],
    ),
    ("Hua Chunying, a spokeswoman, and Koo Sang-ho spoke.", &[]),
    (
        "A woman from Hyesan's market was caught in Yanbian Korean Autonomous Prefecture.",
        &[
            ("Hyesan", "Hyesan", Some("Ryanggang"), "KP", City),
            (
                "Yanbian Korean Autonomous Prefecture",
                "Yanbian",
                Some("Jilin"),
                "CN",
                City,
            ),
        ],
    ),
];

#[test]
fn place_examples() {
    let mut failures = Vec::new();
    for (text, want) in EXAMPLES {
        let got: Vec<Want> = find(text)
            .into_iter()
            .map(|m| {
                (
                    &text[m.start..m.end],
                    // leak is fine in a test: compare as &'static str
                    &*Box::leak(m.place.name.into_boxed_str()),
                    m.place.admin1.map(|a| &*Box::leak(a.into_boxed_str())),
                    &*Box::leak(m.place.country.into_boxed_str()),
                    m.place.precision,
                )
            })
            .collect();
        if got.as_slice() != *want {
            failures.push(format!("{text}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples fail:\n{}",
        failures.len(),
        EXAMPLES.len(),
        failures.join("\n")
    );
}
