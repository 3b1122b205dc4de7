//! `careergen new "Title"`: writes `content/<slug>.md` from the commented
//! template and prints its path.

use anyhow::Result;
use careergen::scaffold::{self, NewGuide};

use super::{Outcome, quiet};
use crate::cli::NewArgs;

pub fn run(args: NewArgs) -> Result<Outcome> {
    let guide = NewGuide {
        title: &args.title,
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
