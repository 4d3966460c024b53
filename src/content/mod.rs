//! The content stage: from `content/` to a [`Library`].

pub mod data;
pub mod front_matter;
pub mod front_matter_read;
pub mod handover;
pub mod key_help;
pub mod library;
pub mod markdown_pass;
pub mod page;
pub mod parse;
mod parse_errors;
pub(crate) mod refs;
pub mod slug;
pub mod terms;
pub mod walk;
pub mod yaml_slips;

pub use library::{Library, LoadOptions, load};
pub use page::{Page, PageId, Section, SortBy};
pub(crate) use refs::name_page_towns;
