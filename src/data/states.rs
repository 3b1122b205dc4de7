//! The areas OEWS publishes state estimates for: the 50 states, DC, Guam,
//! Puerto Rico and the Virgin Islands, with their postal codes and the
//! place each takes on the tile-grid map.

/// One state or territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct State {
    /// The name in English, as BLS files write it; pages show
    /// [`State::name_in`] the page's language.
    pub name: &'static str,
    /// The USPS code (`CA`).
    pub postal: &'static str,
    /// Row and column on the tile-grid map (0-based).
    pub tile: (u8, u8),
}

const fn s(name: &'static str, postal: &'static str, row: u8, col: u8) -> State {
    State {
        name,
        postal,
        tile: (row, col),
    }
}

impl State {
    /// The area's name in the language of `messages`: the message
    /// `state-CA` (by postal code), else the English name.
    pub fn name_in(&self, messages: &crate::i18n::Messages) -> String {
        let key = format!("state-{}", self.postal);
        messages
            .get(&key, &crate::i18n::Args::new())
            .unwrap_or_else(|| self.name.to_string())
    }
}

/// Every area, in alphabetical order of name.
pub const STATES: [State; 54] = [
    s("Alabama", "AL", 6, 7),
    s("Alaska", "AK", 0, 0),
    s("Arizona", "AZ", 5, 2),
    s("Arkansas", "AR", 5, 5),
    s("California", "CA", 4, 1),
    s("Colorado", "CO", 4, 3),
    s("Connecticut", "CT", 3, 10),
    s("Delaware", "DE", 4, 10),
    s("District of Columbia", "DC", 5, 9),
    s("Florida", "FL", 7, 9),
    s("Georgia", "GA", 6, 8),
    s("Guam", "GU", 7, 1),
    s("Hawaii", "HI", 7, 0),
    s("Idaho", "ID", 2, 2),
    s("Illinois", "IL", 2, 6),
    s("Indiana", "IN", 3, 6),
    s("Iowa", "IA", 3, 5),
    s("Kansas", "KS", 5, 4),
    s("Kentucky", "KY", 4, 6),
    s("Louisiana", "LA", 6, 5),
    s("Maine", "ME", 0, 11),
    s("Maryland", "MD", 4, 9),
    s("Massachusetts", "MA", 2, 10),
    s("Michigan", "MI", 2, 7),
    s("Minnesota", "MN", 2, 5),
    s("Mississippi", "MS", 6, 6),
    s("Missouri", "MO", 4, 5),
    s("Montana", "MT", 2, 3),
    s("Nebraska", "NE", 4, 4),
    s("Nevada", "NV", 3, 2),
    s("New Hampshire", "NH", 1, 11),
    s("New Jersey", "NJ", 3, 9),
    s("New Mexico", "NM", 5, 3),
    s("New York", "NY", 2, 9),
    s("North Carolina", "NC", 5, 7),
    s("North Dakota", "ND", 2, 4),
    s("Ohio", "OH", 3, 7),
    s("Oklahoma", "OK", 6, 4),
    s("Oregon", "OR", 3, 1),
    s("Pennsylvania", "PA", 3, 8),
    s("Puerto Rico", "PR", 7, 11),
    s("Rhode Island", "RI", 3, 11),
    s("South Carolina", "SC", 5, 8),
    s("South Dakota", "SD", 3, 4),
    s("Tennessee", "TN", 5, 6),
    s("Texas", "TX", 7, 4),
    s("Utah", "UT", 4, 2),
    s("Vermont", "VT", 1, 10),
    s("Virgin Islands", "VI", 7, 10),
    s("Virginia", "VA", 4, 8),
    s("Washington", "WA", 2, 1),
    s("West Virginia", "WV", 4, 7),
    s("Wisconsin", "WI", 1, 6),
    s("Wyoming", "WY", 3, 3),
];

/// The area named `text`: a postal code (`CA`) or a name (`California`),
/// case-insensitive.
pub fn find(text: &str) -> Option<&'static State> {
    let text = text.trim();
    STATES
        .iter()
        .find(|s| s.postal.eq_ignore_ascii_case(text) || s.name.eq_ignore_ascii_case(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiles_do_not_overlap() {
        let mut seen = std::collections::HashSet::new();
        for state in STATES {
            assert!(seen.insert(state.tile), "{} overlaps", state.name);
        }
        assert_eq!(find("ca").map(|s| s.name), Some("California"));
        assert_eq!(find("Puerto Rico").map(|s| s.postal), Some("PR"));
    }

    #[test]
    fn names_come_in_the_page_language() {
        let ny = find("NY").expect("New York");
        let name = |lang: &str| ny.name_in(&crate::i18n::builtin_messages(lang));
        assert_eq!(name("en"), "New York");
        assert_eq!(name("es"), "Nueva York");
        assert_eq!(name("fr"), "New York");
        let pa = find("PA").expect("Pennsylvania");
        assert_eq!(
            pa.name_in(&crate::i18n::builtin_messages("fr")),
            "Pennsylvanie"
        );
    }

    #[test]
    fn every_area_has_its_english_name_as_its_message() {
        let en = crate::i18n::builtin_messages("en");
        for state in STATES {
            assert_eq!(state.name_in(&en), state.name, "{}", state.postal);
        }
    }

    #[test]
    fn accents_sort_with_their_base_letter() {
        let french = crate::render::format::NumberStyle::for_language("fr");
        let mut names = vec!["Utah", "Îles Vierges des États-Unis", "Idaho", "Indiana"];
        names.sort_by(|a, b| french.collate(a, b));
        assert_eq!(
            names,
            ["Idaho", "Îles Vierges des États-Unis", "Indiana", "Utah"]
        );
        // The English names are in order already.
        let english = crate::render::format::NumberStyle::for_language("en");
        assert!(
            STATES
                .windows(2)
                .all(|w| english.collate(w[0].name, w[1].name).is_lt())
        );
    }
}
