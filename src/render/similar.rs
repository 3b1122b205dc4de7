//! "Similar occupations" suggested at build time for guides that name no
//! `related_careers` (unless the site turns suggestions off with
//! `suggest_similar: false`): the guides sharing the most with it, scored
//! by shared category, SOC major group, industries and skills.
//!
//! Scores: the same category counts [`CATEGORY_WEIGHT`], the same SOC
//! major group (the first two digits of the SOC code, `47` in `47-2111`)
//! [`SOC_GROUP_WEIGHT`], each shared industry [`INDUSTRY_WEIGHT`], each
//! shared skill [`SKILL_WEIGHT`] (industries and skills compared ignoring
//! case). Only a guide scoring at least [`MIN_SCORE`] is suggested: the
//! same category or major group, or an industry and a skill, or three
//! skills. One common skill ("Problem solving") makes no electrician like
//! a software developer, so a small site may well suggest nothing. Ties go
//! to the title in alphabetical order (ignoring case), then the slug, so
//! every build suggests the same guides in the same order.

use std::collections::HashMap;

use crate::content::guide::Guide;

/// How many guides a page suggests at most.
pub const MAX_SUGGESTIONS: usize = 5;
/// What sharing the category scores.
pub const CATEGORY_WEIGHT: u32 = 3;
/// What sharing the SOC major group scores.
pub const SOC_GROUP_WEIGHT: u32 = 3;
/// What each shared industry scores.
pub const INDUSTRY_WEIGHT: u32 = 2;
/// What each shared skill scores.
pub const SKILL_WEIGHT: u32 = 1;
/// The least score a suggestion needs.
pub const MIN_SCORE: u32 = 3;

/// What each guide shares, indexed once per build so that suggesting for
/// every guide costs the overlaps, not every pair.
pub struct SimilarIndex<'a> {
    guides: &'a [Guide],
    /// `(kind, lowercase name)` → the guides that have it.
    postings: HashMap<(u8, String), Vec<usize>>,
    /// The sort key of each guide: lowercase title, then slug.
    keys: Vec<(String, &'a str)>,
}

const CATEGORY: u8 = 0;
const INDUSTRY: u8 = 1;
const SKILL: u8 = 2;
const SOC_GROUP: u8 = 3;

impl<'a> SimilarIndex<'a> {
    pub fn new(guides: &'a [Guide]) -> Self {
        let mut postings: HashMap<(u8, String), Vec<usize>> = HashMap::new();
        for (i, guide) in guides.iter().enumerate() {
            for feature in features(guide) {
                let list = postings.entry(feature).or_default();
                // A guide listing the same name twice counts it once.
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        let keys = guides
            .iter()
            .map(|g| (g.title.to_lowercase(), g.slug.as_str()))
            .collect();
        SimilarIndex {
            guides,
            postings,
            keys,
        }
    }

    /// Up to [`MAX_SUGGESTIONS`] guides like the guide at `target`, best
    /// first, as positions in the guide list.
    pub fn suggest(&self, target: usize) -> Vec<usize> {
        self.suggest_up_to(target, MAX_SUGGESTIONS)
    }

    /// Up to `limit` guides like the guide at `target`, best first.
    pub fn suggest_up_to(&self, target: usize, limit: usize) -> Vec<usize> {
        let Some(guide) = self.guides.get(target) else {
            return Vec::new();
        };
        let mut scores: HashMap<usize, u32> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for feature in features(guide) {
            if !seen.insert(feature.clone()) {
                continue;
            }
            let weight = match feature.0 {
                CATEGORY => CATEGORY_WEIGHT,
                SOC_GROUP => SOC_GROUP_WEIGHT,
                INDUSTRY => INDUSTRY_WEIGHT,
                _ => SKILL_WEIGHT,
            };
            for &other in self.postings.get(&feature).into_iter().flatten() {
                if other != target {
                    *scores.entry(other).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(usize, u32)> = scores
            .into_iter()
            .filter(|&(_, score)| score >= MIN_SCORE)
            .collect();
        ranked.sort_by(|(a, score_a), (b, score_b)| {
            score_b
                .cmp(score_a)
                .then_with(|| self.keys[*a].cmp(&self.keys[*b]))
        });
        ranked.truncate(limit);
        ranked.into_iter().map(|(i, _)| i).collect()
    }
}

/// What a guide can share with others, lowercased.
fn features(guide: &Guide) -> impl Iterator<Item = (u8, String)> + '_ {
    let category = guide.category.iter().map(|c| (CATEGORY, c.clone()));
    let soc_group = guide
        .codes
        .soc
        .as_deref()
        .or(guide.codes.onet_soc.as_deref())
        .and_then(|code| code.get(..2))
        .map(|group| (SOC_GROUP, group.to_string()));
    let industries = guide
        .industries
        .iter()
        .map(|i| (INDUSTRY, i.trim().to_lowercase()));
    let skills = guide
        .requirements
        .skills
        .iter()
        .map(|s| (SKILL, s.name.trim().to_lowercase()));
    category.chain(soc_group).chain(industries).chain(skills)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::minimal;

    fn titles(guides: &[Guide], picks: &[usize]) -> Vec<String> {
        picks.iter().map(|&i| guides[i].title.clone()).collect()
    }

    #[test]
    fn ranks_by_shared_category_industries_and_skills() {
        let guides = vec![
            minimal(
                "target",
                "Account manager",
                "category: sales\nindustries: [Finance, Insurance]\nrequirements: { skills: [Negotiation, Communication] }",
            ),
            // category 3 + industry 2 = 5
            minimal(
                "b",
                "Sales manager",
                "category: sales\nindustries: [finance]",
            ),
            // 2 industries = 4
            minimal("c", "Claims adjuster", "industries: [Finance, Insurance]"),
            // one skill = 1: below the threshold
            minimal("d", "Diplomat", "requirements: { skills: [negotiation] }"),
            // industry 2 + skill 1 = 3
            minimal(
                "g",
                "Insurance agent",
                "industries: [insurance]\nrequirements: { skills: [Negotiation] }",
            ),
            // nothing shared
            minimal("e", "Electrician", "category: management"),
            // category 3 + skill 1 = 4, ties with Claims adjuster: title decides
            minimal(
                "f",
                "Buyer",
                "category: sales\nrequirements: { skills: [Communication] }",
            ),
        ];
        let index = SimilarIndex::new(&guides);
        assert_eq!(
            titles(&guides, &index.suggest(0)),
            [
                "Sales manager",
                "Buyer",
                "Claims adjuster",
                "Insurance agent"
            ]
        );
    }

    #[test]
    fn at_most_five_and_never_itself() {
        let guides: Vec<Guide> = (0..9)
            .map(|i| minimal(&format!("g{i}"), &format!("Guide {i}"), "category: sales"))
            .collect();
        let index = SimilarIndex::new(&guides);
        let picks = index.suggest(4);
        assert_eq!(picks, [0, 1, 2, 3, 5]);
        assert_eq!(index.suggest_up_to(4, 2), [0, 1]);
    }

    #[test]
    fn a_guide_sharing_nothing_gets_no_suggestions() {
        let guides = vec![minimal("a", "Alone", ""), minimal("b", "Other", "")];
        assert!(SimilarIndex::new(&guides).suggest(0).is_empty());
        assert!(SimilarIndex::new(&guides).suggest(7).is_empty());
    }

    #[test]
    fn one_shared_skill_is_not_similar_enough() {
        let guides = vec![
            minimal(
                "electrician",
                "Electrician",
                "codes: { soc: 47-2111 }\nrequirements: { skills: [Problem solving, Troubleshooting] }",
            ),
            minimal(
                "software-developer",
                "Software developer",
                "codes: { soc: 15-1252 }\nrequirements: { skills: [Problem solving, Creativity] }",
            ),
        ];
        assert!(SimilarIndex::new(&guides).suggest(0).is_empty());
    }

    #[test]
    fn the_same_soc_major_group_is_similar() {
        let guides = vec![
            minimal("electrician", "Electrician", "codes: { soc: 47-2111 }"),
            minimal("plumber", "Plumber", "codes: { soc: 47-2152 }"),
            minimal("nurse", "Registered nurse", "codes: { soc: 29-1141 }"),
        ];
        assert_eq!(
            titles(&guides, &SimilarIndex::new(&guides).suggest(0)),
            ["Plumber"]
        );
    }

    #[test]
    fn suggestions_are_deterministic() {
        let guides: Vec<Guide> = ["Zeta", "alpha", "Mu", "Beta"]
            .iter()
            .enumerate()
            .map(|(i, t)| minimal(&format!("g{i}"), t, "industries: [Retail, Food]"))
            .collect();
        let first = SimilarIndex::new(&guides).suggest(0);
        assert_eq!(titles(&guides, &first), ["alpha", "Beta", "Mu"]);
        for _ in 0..5 {
            assert_eq!(SimilarIndex::new(&guides).suggest(0), first);
        }
    }
}
