//! Serialize-only views of the model for templates: every figure already
//! formatted for the site's language, every link already relative to the
//! page. `docs/templates.md` documents each field.
//!
//! One module per thing made: `page` (`site` and `page`), `formatter`
//! (the reader's wording of keys and amounts), `cards` (listings), `guide`
//! (a guide page's `guide`, with its charts and JSON-LD) and `sentences`
//! (whole sentences and phrases).

mod cards;
mod formatter;
mod guide;
mod page;
mod sentences;

pub use super::pay::{PayFigure, PayView};
pub use cards::{GroupView, GroupingView, GuideCard, SimilarView};
pub use formatter::{CategoryRef, Formatter, LevelView, Named};
pub use guide::{
    CredentialView, EmployerView, EnvironmentView, Fact, FactSource, FaqView, GuideCharts,
    GuideView, LinkView, OutlookView, RenderedMarkdown, RequirementsView, SourceView, StepView,
};
pub use page::{CrumbView, PageView, SiteView};
