//! Loading and checking the site's guides: from files under `content/` to
//! validated [`guide::Guide`]s.

pub mod bundle;
pub mod front_matter;
pub mod guide;
pub mod index;
pub mod kinds;
pub mod load;
pub mod new_kind;
pub mod parse;
pub mod text;
pub mod translations;
pub mod validate;
