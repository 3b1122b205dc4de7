//! schema.org structured data for a guide page: one JSON-LD `Occupation`
//! block, and a `FAQPage` block when the guide has an FAQ, exactly as
//! `docs/content-model.md` ("Structured data") lists them.
//!
//! Nothing here may disagree with the page: texts are the guide's own,
//! labels are the ones the page prints, FAQ answers are the text of the
//! answers as rendered, and amounts are rounded to what the page shows.
//! Blocks are serialized with `serde_json` and made safe inside
//! `<script type="application/ld+json">` by writing every `<` as `\u003c`,
//! so neither `</script>` nor `<!--` can occur in the element.

use serde_json::{Map, Value, json};

use crate::config::SiteConfig;
use crate::content::guide::{Guide, PayPeriod, Salary, SalaryBasis};

const CONTEXT: &str = "https://schema.org";

/// The JSON-LD blocks of `guide`'s page: its `Occupation`, then a
/// `FAQPage` when it has questions. `faq_answers_html` holds each answer as
/// rendered on the page, in order; `education_label` the education
/// level as the page words it (the config's label when `None`).
pub fn guide_blocks(
    guide: &Guide,
    config: &SiteConfig,
    faq_answers_html: &[String],
    education_label: Option<&str>,
) -> Vec<Value> {
    let mut occupation = occupation(guide, config);
    if let Some(label) = education_label
        && let Some(level) = occupation.pointer_mut("/educationRequirements/educationalLevel")
    {
        *level = label.into();
    }
    let mut blocks = vec![occupation];
    if !guide.faq.is_empty() {
        blocks.push(faq_page(guide, faq_answers_html));
    }
    blocks
}

/// The `<script type="application/ld+json">` elements for `blocks`, one
/// per block, each on its own line.
pub fn script_elements(blocks: &[Value]) -> String {
    blocks
        .iter()
        .map(|block| {
            format!(
                "<script type=\"application/ld+json\">{}</script>\n",
                to_script_json(block)
            )
        })
        .collect()
}

/// Serializes `value` for a script element: `<` becomes `\u003c`, which
/// JSON reads back as the same character.
pub fn to_script_json(value: &Value) -> String {
    let json = serde_json::to_string(value).unwrap_or_else(|_| "null".into());
    json.replace('<', "\\u003c")
}

/// The `Occupation` of `guide`, its prose fields worded by `messages`.
pub fn occupation(guide: &Guide, config: &SiteConfig) -> Value {
    let mut o = Map::new();
    o.insert("@context".into(), CONTEXT.into());
    o.insert("@type".into(), "Occupation".into());
    o.insert("name".into(), guide.title.clone().into());
    o.insert("description".into(), guide.summary.clone().into());
    if !guide.alternate_titles.is_empty() {
        o.insert("alternateName".into(), json!(guide.alternate_titles));
    }
    o.insert("responsibilities".into(), json!(guide.duties));
    if let Some(image) = &guide.image {
        let page = crate::permalink::guide(&guide.slug);
        let path = crate::render::bundles::image_output(&page, image);
        o.insert("image".into(), format!("{}{path}", config.base_url).into());
    }
    let requirements = &guide.requirements;
    if !requirements.skills.is_empty() {
        let skills: Vec<&str> = requirements
            .skills
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        o.insert("skills".into(), json!(skills));
    }
    if let Some(education) = requirements.education {
        let mut credential = Map::new();
        credential.insert("@type".into(), "EducationalOccupationalCredential".into());
        let levels = &config.education_levels;
        if let Some(category) = levels.credential_category(education) {
            credential.insert("credentialCategory".into(), category.into());
        }
        credential.insert(
            "educationalLevel".into(),
            levels.label(education, &config.language).into(),
        );
        o.insert("educationRequirements".into(), Value::Object(credential));
    }
    if !requirements.credentials.is_empty() {
        let qualifications: Vec<Value> = requirements
            .credentials
            .iter()
            .map(|c| {
                json!({
                    "@type": "EducationalOccupationalCredential",
                    "name": c.name,
                    "credentialCategory": c.kind.label().to_lowercase(),
                })
            })
            .collect();
        o.insert("qualifications".into(), Value::Array(qualifications));
    }
    let codes: Vec<&str> = [&guide.codes.onet_soc, &guide.codes.soc]
        .into_iter()
        .filter_map(|c| c.as_deref())
        .collect();
    match codes.as_slice() {
        [] => {}
        [one] => {
            o.insert("occupationalCategory".into(), (*one).into());
        }
        many => {
            o.insert("occupationalCategory".into(), json!(many));
        }
    }
    if let Some(salary) = &guide.salary
        && let Some(distribution) = salary_distribution(salary)
    {
        o.insert("estimatedSalary".into(), Value::Array(vec![distribution]));
    }
    o.insert(
        "occupationLocation".into(),
        json!([{ "@type": "Country", "name": config.country }]),
    );
    let cited = figure_sources(guide);
    if !cited.is_empty() {
        o.insert("subjectOf".into(), Value::Array(cited));
    }
    Value::Object(o)
}

/// The sources the page's figures cite (pay, outlook, requirements, pay
/// by state), each once, named as the Sources section names them: as
/// `Dataset`s the occupation is the subject of.
fn figure_sources(guide: &Guide) -> Vec<Value> {
    let state = guide
        .state_pay
        .as_ref()
        .map(|_| crate::data::config::DatasetKind::StateWages.source_id());
    let ids = [
        guide.salary.as_ref().and_then(|s| s.source.as_deref()),
        guide.outlook.as_ref().and_then(|o| o.source.as_deref()),
        guide.requirements.source.as_deref(),
        state,
    ];
    let mut seen: Vec<&str> = Vec::new();
    ids.into_iter()
        .flatten()
        .filter_map(|id| guide.sources.iter().find(|s| s.id == id))
        .filter(|s| {
            let new = !seen.contains(&s.id.as_str());
            seen.push(&s.id);
            new
        })
        .map(|s| {
            let mut d = Map::new();
            d.insert("@type".into(), "Dataset".into());
            d.insert("name".into(), s.name.clone().into());
            if let Some(url) = &s.url {
                d.insert("url".into(), url.clone().into());
            }
            if let Some(license) = &s.license {
                d.insert("license".into(), license.clone().into());
            }
            Value::Object(d)
        })
        .collect()
}

/// A `MonetaryAmountDistribution`, when there is a median or, on a
/// percentile basis, any percentile. Entry and top are the 10th and 90th
/// percentiles only on a percentile basis; a top-coded top is a floor, not
/// the 90th percentile, so it is left out.
fn salary_distribution(salary: &Salary) -> Option<Value> {
    let percentile = salary.basis == SalaryBasis::Percentile;
    let mut d = Map::new();
    d.insert("@type".into(), "MonetaryAmountDistribution".into());
    d.insert("name".into(), "base".into());
    d.insert("currency".into(), salary.currency.clone().into());
    d.insert("duration".into(), salary.period.iso_duration().into());
    let amount = |a: f64| shown_amount(a, &salary.currency, salary.period);
    let mut any = false;
    if percentile {
        for (key, value) in [("percentile10", salary.entry), ("percentile25", salary.p25)] {
            if let Some(v) = value {
                d.insert(key.into(), amount(v));
                any = true;
            }
        }
    }
    if let Some(median) = salary.median {
        d.insert("median".into(), amount(median));
        any = true;
    }
    if percentile {
        let top = salary.top.filter(|_| !salary.top_coded);
        for (key, value) in [("percentile75", salary.p75), ("percentile90", top)] {
            if let Some(v) = value {
                d.insert(key.into(), amount(v));
                any = true;
            }
        }
    }
    any.then_some(Value::Object(d))
}

/// An amount rounded as the page shows it (see
/// [`NumberStyle::money`](super::format::NumberStyle::money)): whole units
/// unless the pay is hourly or has cents, and a whole number is written
/// without a decimal point.
fn shown_amount(amount: f64, currency: &str, period: PayPeriod) -> Value {
    let cents = (period == PayPeriod::Hour || amount.fract().abs() > 0.004)
        && !matches!(currency, "JPY" | "KRW");
    let rounded = if cents {
        (amount * 100.0).round() / 100.0
    } else {
        amount.round()
    };
    if rounded.fract() == 0.0 && rounded.abs() < 9.0e15 {
        Value::from(rounded as i64)
    } else {
        serde_json::Number::from_f64(rounded).map_or(Value::Null, Value::Number)
    }
}

/// The `FAQPage` of `guide`: each question with the text of its answer as
/// the page renders it.
pub fn faq_page(guide: &Guide, faq_answers_html: &[String]) -> Value {
    let questions: Vec<Value> = guide
        .faq
        .iter()
        .enumerate()
        .map(|(i, faq)| {
            let text = faq_answers_html
                .get(i)
                .map_or_else(|| faq.answer.trim().to_string(), |html| html_to_text(html));
            json!({
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": { "@type": "Answer", "text": text },
            })
        })
        .collect();
    json!({
        "@context": CONTEXT,
        "@type": "FAQPage",
        "mainEntity": questions,
    })
}

/// The text a reader sees in `html`: tags removed, the entities our
/// Markdown renderer writes decoded, whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&text);
    let mut out = String::with_capacity(decoded.len());
    for word in decoded.split_whitespace() {
        // No space before punctuation that followed an inline tag.
        if !out.is_empty() && !word.starts_with([',', '.', ';', ':', '!', '?', ')']) {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let Some(end) = tail.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_guides::{config, guide, minimal};

    #[test]
    fn occupation_carries_every_listed_field() {
        let g = guide(
            "account-manager",
            "title: Account manager\n\
             summary: The customer's main contact.\n\
             alternate_titles: [Client manager]\n\
             codes: { soc: 11-2022, onet_soc: 11-2022.00 }\n\
             duties: [Keep customers informed, Forecast orders]\n\
             requirements:\n  education: bachelors\n  skills: [{ name: Negotiation, description: Finds middle ground. }, Communication]\n  credentials: [{ name: Certified Sales Professional, kind: certification, required: false }]\n\
             salary: { entry: 40000, median: 75500, top: 160500 }",
        );
        let o = occupation(&g, &config());
        assert_eq!(
            o,
            json!({
                "@context": "https://schema.org",
                "@type": "Occupation",
                "name": "Account manager",
                "description": "The customer's main contact.",
                "alternateName": ["Client manager"],
                "responsibilities": ["Keep customers informed", "Forecast orders"],
                "skills": ["Negotiation", "Communication"],
                "educationRequirements": {
                    "@type": "EducationalOccupationalCredential",
                    "credentialCategory": "bachelor degree",
                    "educationalLevel": "Bachelor's degree",
                },
                "qualifications": [{
                    "@type": "EducationalOccupationalCredential",
                    "name": "Certified Sales Professional",
                    "credentialCategory": "certification",
                }],
                "occupationalCategory": ["11-2022.00", "11-2022"],
                "estimatedSalary": [{
                    "@type": "MonetaryAmountDistribution",
                    "name": "base",
                    "currency": "USD",
                    "duration": "P1Y",
                    "median": 75500,
                }],
                "occupationLocation": [{ "@type": "Country", "name": "US" }],
            })
        );
    }

    #[test]
    fn percentiles_only_on_a_percentile_basis_and_no_top_coded_90th() {
        let g = minimal(
            "a",
            "Lawyer",
            "salary: { entry: 70000, p25: 90000, median: 150000, p75: 200000, top: 239200, basis: percentile, top_coded: true }",
        );
        let salary = &occupation(&g, &config())["estimatedSalary"][0];
        assert_eq!(salary["percentile10"], 70000);
        assert_eq!(salary["percentile25"], 90000);
        assert_eq!(salary["median"], 150000);
        assert_eq!(salary["percentile75"], 200000);
        assert!(salary.get("percentile90").is_none());

        let g = minimal(
            "a",
            "Lawyer",
            "salary: { entry: 70000, median: 150000, top: 239200, basis: percentile }",
        );
        assert_eq!(
            occupation(&g, &config())["estimatedSalary"][0]["percentile90"],
            239200
        );
    }

    #[test]
    fn hourly_pay_has_a_one_hour_duration_and_cents() {
        let g = minimal("a", "Cashier", "salary: { median: 36.3, period: hour }");
        let salary = &occupation(&g, &config())["estimatedSalary"][0];
        assert_eq!(salary["duration"], "PT1H");
        assert_eq!(salary["median"], 36.3);
    }

    #[test]
    fn no_salary_block_without_figures() {
        let g = minimal("a", "Writer", "");
        let o = occupation(&g, &config());
        assert!(o.get("estimatedSalary").is_none());
        assert!(o.get("skills").is_none());
        assert!(o.get("occupationalCategory").is_none());
    }

    #[test]
    fn faq_page_uses_the_rendered_answer_text() {
        let g = minimal(
            "a",
            "Writer",
            "faq:\n  - question: Is it hard?\n    answer: Sometimes, *very*.",
        );
        let blocks = guide_blocks(
            &g,
            &config(),
            &["<p>Sometimes, <em>very</em>. Q&amp;A &lt;3</p>\n".to_string()],
            None,
        );
        assert_eq!(blocks.len(), 2);
        assert_eq!(
            blocks[1],
            json!({
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [{
                    "@type": "Question",
                    "name": "Is it hard?",
                    "acceptedAnswer": { "@type": "Answer", "text": "Sometimes, very. Q&A <3" },
                }],
            })
        );
        assert_eq!(
            guide_blocks(&minimal("b", "Poet", ""), &config(), &[], None).len(),
            1
        );
    }

    #[test]
    fn script_element_cannot_be_closed_or_commented_from_inside() {
        let g = minimal("a", "Writer", "alternate_titles: [\"</script><!-- x\"]");
        let html = script_elements(&guide_blocks(&g, &config(), &[], None));
        assert!(html.starts_with("<script type=\"application/ld+json\">"));
        let inner = html
            .trim_end()
            .strip_prefix("<script type=\"application/ld+json\">")
            .and_then(|s| s.strip_suffix("</script>"))
            .expect("one element");
        assert!(!inner.contains("</"));
        assert!(!inner.contains("<!--"));
        let parsed: Value = serde_json::from_str(inner).expect("valid JSON");
        assert_eq!(parsed["alternateName"][0], "</script><!-- x");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("a &amp; b &#39;c&#x27; &bogus; &"),
            "a & b 'c' &bogus; &"
        );
    }
}
