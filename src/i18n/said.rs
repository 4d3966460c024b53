//! Messages as values: a catalogue entry with its arguments ([`Text`]), and
//! text that remembers the entry it came from ([`Said`]).

use std::fmt;
use std::ops::Deref;
use std::path::{Path, PathBuf};

use serde::{Serialize, Serializer};

use super::{Lang, t};

/// A message of the catalogue and its arguments, not yet in a language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    id: &'static str,
    args: Vec<Said>,
}

impl Text {
    /// The entry `id` with `args` (see the [`text!`](crate::text) macro).
    pub fn new(id: &'static str, args: Vec<Said>) -> Text {
        Text { id, args }
    }

    /// The catalogue id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<String> = self.args.iter().map(|a| a.in_lang(lang)).collect();
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        t(lang, self.id, &refs)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Text to show: as written (a path, a parser's words), or a catalogue
/// entry that can be read again in another language. It reads as English
/// `str` until [`Said::localize`] turns it into the site's language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Said {
    shown: Box<str>,
    text: Option<Box<Text>>,
}

impl Said {
    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match &self.text {
            Some(t) => t.in_lang(lang),
            None => self.shown.to_string(),
        }
    }

    /// Turns the text into `lang`, for good.
    pub fn localize(&mut self, lang: Lang) {
        if let Some(t) = &self.text {
            self.shown = t.in_lang(lang).into();
        }
    }

    /// The catalogue id, when the text came from the catalogue.
    pub fn id(&self) -> Option<&'static str> {
        self.text.as_ref().map(|t| t.id)
    }

    /// The text as it reads now.
    pub fn as_str(&self) -> &str {
        &self.shown
    }
}

impl Default for Said {
    fn default() -> Self {
        Said::from(String::new())
    }
}

impl Deref for Said {
    type Target = str;
    fn deref(&self) -> &str {
        &self.shown
    }
}

impl AsRef<str> for Said {
    fn as_ref(&self) -> &str {
        &self.shown
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

impl Serialize for Said {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.shown)
    }
}

impl PartialOrd for Said {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Said {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.shown.cmp(&other.shown)
    }
}

impl PartialEq<str> for Said {
    fn eq(&self, other: &str) -> bool {
        &*self.shown == other
    }
}

impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        &*self.shown == *other
    }
}

impl PartialEq<String> for Said {
    fn eq(&self, other: &String) -> bool {
        *self.shown == **other
    }
}

impl From<String> for Said {
    fn from(shown: String) -> Said {
        Said {
            shown: shown.into(),
            text: None,
        }
    }
}

impl From<&str> for Said {
    fn from(s: &str) -> Said {
        Said::from(s.to_string())
    }
}

impl From<&String> for Said {
    fn from(s: &String) -> Said {
        Said::from(s.clone())
    }
}

impl From<Text> for Said {
    fn from(text: Text) -> Said {
        Said {
            shown: text.in_lang(Lang::En).into(),
            text: Some(Box::new(text)),
        }
    }
}

impl From<Said> for String {
    fn from(s: Said) -> String {
        s.shown.into()
    }
}

/// What a message's argument can be.
pub trait Arg {
    /// The argument, kept translatable where it is a message itself.
    fn arg(&self) -> Said;
}

impl<T: Arg + ?Sized> Arg for &T {
    fn arg(&self) -> Said {
        (**self).arg()
    }
}

impl Arg for Said {
    fn arg(&self) -> Said {
        self.clone()
    }
}

impl Arg for Text {
    fn arg(&self) -> Said {
        Said::from(self.clone())
    }
}

impl Arg for Path {
    fn arg(&self) -> Said {
        Said::from(self.display().to_string())
    }
}

impl Arg for PathBuf {
    fn arg(&self) -> Said {
        self.as_path().arg()
    }
}

/// A system error: the common ones said in the site's language, with the
/// system's own words kept (in English they are the message).
impl Arg for std::io::Error {
    fn arg(&self) -> Said {
        let os = self.to_string();
        match self.kind() {
            std::io::ErrorKind::NotFound => Said::from(crate::text!("io.not_found", os)),
            std::io::ErrorKind::PermissionDenied => Said::from(crate::text!("io.permission", os)),
            std::io::ErrorKind::StorageFull => Said::from(crate::text!("io.disk_full", os)),
            _ => Said::from(os),
        }
    }
}

macro_rules! shown_args {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn arg(&self) -> Said {
                Said::from(self.to_string())
            }
        }
    )*};
}

shown_args!(
    str,
    String,
    char,
    usize,
    u8,
    u16,
    u32,
    u64,
    i32,
    i64,
    f32,
    f64,
    std::path::Display<'_>,
    jiff::Timestamp,
    jiff::civil::Date,
    std::borrow::Cow<'_, str>
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_english_until_localized() {
        let mut s = Said::from(crate::text!("type.text", "title"));
        assert_eq!(s, "title should be one line of text");
        assert_eq!(s.in_lang(Lang::Zh), "title 应为一行文字");
        s.localize(Lang::Zh);
        assert_eq!(s.as_str(), "title 应为一行文字");
        assert_eq!(s.id(), Some("type.text"));
        let plain = Said::from("as written");
        assert_eq!(plain.in_lang(Lang::Zh), "as written");
    }

    #[test]
    fn common_system_errors_are_said_in_chinese_with_the_systems_words() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        let said = Arg::arg(&e);
        assert_eq!(said.in_lang(Lang::En), e.to_string());
        assert_eq!(said.in_lang(Lang::Zh), format!("找不到这个文件或文件夹（{e}）"));
        let other = std::io::Error::other("boom");
        assert_eq!(Arg::arg(&other).in_lang(Lang::Zh), "boom");
    }

    #[test]
    fn messages_inside_messages_are_translated_too() {
        let inner = crate::text!("type.text", "title");
        let outer = crate::text!("type.number", inner);
        assert_eq!(outer.in_lang(Lang::Zh), "title 应为一行文字 应为数字");
    }
}
