//! A kind's own front-matter keys, declared once with [`kind_fields!`]:
//! the struct that holds them as written, the list of their names (for
//! the unknown-key help and for telling a key of another kind), and the
//! reading of one key's value straight from the YAML parser, so a wrong
//! type is reported at its place in the file as the common keys' are.

use serde::Deserialize;

/// A map position, for the kinds that have a place on a map.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lng: f64,
}

/// Declares a kind's front-matter keys: a struct of optional fields named
/// as the keys, `KEYS` in the order written, and `take`, which reads the
/// value of one of them from the parser's map.
macro_rules! kind_fields {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Option<$ty>, )*
        }

        impl $name {
            /// The keys, in the order of the help.
            pub(crate) const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Reads the value of `key` from `map`; false (and nothing
            /// read) when `key` is not one of these.
            pub(crate) fn take<'de, A: serde::de::MapAccess<'de>>(
                &mut self,
                key: &str,
                map: &mut A,
            ) -> Result<bool, A::Error> {
                match key {
                    $( stringify!($field) => {
                        if self.$field.is_some() {
                            return Err(<A::Error as serde::de::Error>::duplicate_field(stringify!($field)));
                        }
                        self.$field = map.next_value()?;
                    } )*
                    _ => return Ok(false),
                }
                Ok(true)
            }
        }
    };
}
pub(crate) use kind_fields;
