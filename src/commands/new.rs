//! `careergen new "Title"`: writes `content/<slug>.md` from the commented
//! template and prints its path.

use anyhow::Result;
use careergen::scaffold::{self, NewGuide};

use super::{Outcome, quiet};
use crate::cli::NewArgs;

pub fn run(args: NewArgs) -> Result<Outcome> {
    if let Some(soc) = &args.soc {
        let request = careergen::data::draft::Request {
            soc,
            title: args.title.as_deref(),
            slug: args.slug.as_deref(),
            category: args.category.as_deref(),
        };
        let path = careergen::data::draft::new_guide(&args.root, &request)?;
        println!("{}", path.display());
        if !quiet() {
            eprintln!(
                "a draft from the data: write its duties and prose, check it with `careergen check --drafts`, and delete `draft: true` to publish it"
            );
        }
        return Ok(Outcome::Success);
    }
    if let Some(title) = &args.kind_title {
        let word = args.title.as_deref().unwrap_or_default();
        let Some(kind) = careergen::content::new_kind::NewKind::from_word(word) else {
            anyhow::bail!(
                "expected `article` or `page` before the title {title:?}, found {word:?}; quote a title of several words"
            );
        };
        let today = careergen::clock::today()?;
        let path = careergen::content::new_kind::new_file(
            &args.root,
            kind,
            title,
            args.slug.as_deref(),
            args.section.as_deref(),
            today,
        )?;
        println!("{}", path.display());
        if !quiet() {
            eprintln!(
                "a draft: fill it in, check it with `careergen check --drafts`, and delete `draft: true` to publish it"
            );
        }
        return Ok(Outcome::Success);
    }
    let title = args.title.unwrap_or_default();
    let guide = NewGuide {
        title: &title,
        slug: args.slug.as_deref(),
        category: args.category.as_deref(),
    };
    let today = careergen::clock::today()?;
    let path = scaffold::new_guide(&args.root, &guide, today)?;
    // The path is the result: printed even when quiet, for scripts.
    println!("{}", path.display());
    if !quiet() {
        eprintln!(
            "a draft: fill it in, check it with `careergen check --drafts`, and delete `draft: true` to publish it"
        );
    }
    Ok(Outcome::Success)
}
