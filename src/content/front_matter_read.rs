//! Reading front matter in one pass of the YAML parser: the keys every
//! page takes go into [`FrontMatter`], the keys of the page's own kind into
//! its [`KindFields`], and any other key is set aside as a [`Stray`] to be
//! reported at its line. So a page's front matter is checked against its
//! kind's keys while the parser still knows where each value stands, and a
//! value of the wrong type is reported at its place for every key alike.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess, Visitor};

use super::front_matter::FrontMatter;
use crate::kinds::{Kind, KindFields};
use crate::yaml::{self, YamlError};

/// A key that is neither common nor of the page's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stray {
    /// The key as written.
    pub key: String,
}

/// Reads the front matter `src` of a page of `kind` (`None` for a
/// section's `_index.md`, which takes the common keys only).
pub(crate) fn read(src: &str, kind: Option<Kind>) -> Result<FrontMatter, YamlError> {
    let mut sink = Sink {
        fields: kind.map(KindFields::of).unwrap_or_default(),
        strays: Vec::new(),
    };
    let mut fm = yaml::from_str_with(src, |de| FrontMatter::deserialize(Route { de, sink: &mut sink }))?;
    fm.fields = sink.fields;
    fm.strays = sink.strays;
    Ok(fm)
}

struct Sink {
    fields: KindFields,
    strays: Vec<Stray>,
}

/// Hands the derived reader of [`FrontMatter`] a map that shows it only
/// its own keys.
struct Route<'s, D> {
    de: D,
    sink: &'s mut Sink,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Route<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let route = RouteVisitor {
            visitor,
            common: fields,
            sink: self.sink,
        };
        self.de.deserialize_struct(name, fields, route)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

struct RouteVisitor<'s, V> {
    visitor: V,
    common: &'static [&'static str],
    sink: &'s mut Sink,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for RouteVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(RouteMap {
            map,
            common: self.common,
            sink: self.sink,
        })
    }
}

struct RouteMap<'s, A> {
    map: A,
    common: &'static [&'static str],
    sink: &'s mut Sink,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for RouteMap<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.map.next_key::<String>()? else {
                return Ok(None);
            };
            if self.common.contains(&key.as_str()) {
                let key: de::value::StringDeserializer<A::Error> = key.into_deserializer();
                return seed.deserialize(key).map(Some);
            }
            if !self.sink.fields.take(&key, &mut self.map)? {
                self.map.next_value::<IgnoredAny>()?;
                self.sink.strays.push(Stray { key });
            }
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_go_to_the_page_its_kind_or_the_strays() {
        let fm = read("title: t\nplace: park\nhazard: flood\nnope: 1\n", Some(Kind::Board)).unwrap();
        assert_eq!(fm.title.as_deref(), Some("t"));
        assert!(matches!(&fm.fields, KindFields::Board(f) if f.place.as_deref() == Some("park")));
        let strays: Vec<&str> = fm.strays.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(strays, ["hazard", "nope"]);
        // A section takes the common keys only.
        let fm = read("title: t\nplace: park\n", None).unwrap();
        assert_eq!(fm.strays, [Stray { key: "place".into() }]);
    }

    #[test]
    fn odd_keys_are_strays_not_hangs() {
        // An anchor before a key ended by U+0085 reads as an empty key.
        let fm = read("&0sortginate_by: 0\u{85}\n", Some(Kind::Board)).unwrap();
        assert_eq!(fm.strays.len(), 1);
        assert!(read("\"\": 1\n", Some(Kind::Article)).unwrap().strays[0].key.is_empty());
    }
}
