//! The yearly refresh report: every figure of a site's guides that changes
//! between two releases of a dataset.
