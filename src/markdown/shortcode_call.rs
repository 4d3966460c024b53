//! Parses one shortcode call: `{{ name(key=value, ..) }}` or the opening
//! `{% name(key=value, ..) %}` of the body form.
//!
//! [`parse_call`] reads from a `{` in the source:
//! 1. `{{` or `{%`, optional whitespace, an identifier and `(` directly after
//!    it; anything else is not a call and stays text.
//! 2. Keyword arguments `key=value`, separated by commas (a trailing comma is
//!    fine). Values: strings in double or single quotes with `\` escapes,
//!    integers, floats, `true`/`false`, and arrays of these.
//! 3. `)`, optional whitespace and the closer matching the opener (`}}` or
//!    `%}`). Once `ident(` was seen, every mistake is [`Parsed::Malformed`].

use serde_json::{Map, Number, Value};

use crate::i18n::Said;

/// Which of the two forms a call has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CallKind {
    /// `{{ name(..) }}`
    Inline,
    /// `{% name(..) %}` that opens a body ended by `{% end %}`
    Body,
}

/// A well-formed call.
#[derive(Debug, PartialEq)]
pub(crate) struct Call<'s> {
    pub(crate) name: &'s str,
    pub(crate) args: Map<String, Value>,
    pub(crate) kind: CallKind,
    /// Byte offset just past the closing `}}` or `%}`.
    pub(crate) end: usize,
}

/// What was found at a `{`.
#[derive(Debug, PartialEq)]
pub(crate) enum Parsed<'s> {
    /// Not a shortcode call; leave the text alone.
    NotACall,
    /// A call.
    Call(Call<'s>),
    /// A call with broken syntax; `at` is the byte offset of the problem.
    Malformed { at: usize, message: Said },
}

/// Parses the call starting at byte `start` of `src` (which holds a `{`).
pub(crate) fn parse_call(src: &str, start: usize) -> Parsed<'_> {
    let b = src.as_bytes();
    let kind = match b.get(start..start + 2) {
        Some(b"{{") => CallKind::Inline,
        Some(b"{%") => CallKind::Body,
        _ => return Parsed::NotACall,
    };
    let mut p = Cursor {
        src,
        pos: start + 2,
        depth: 0,
    };
    p.skip_ws();
    let name = p.ident();
    if name.is_empty() || name == "end" || !p.eat(b'(') {
        return Parsed::NotACall;
    }
    match p.rest_of_call(name, kind) {
        Ok(args) => Parsed::Call(Call {
            name,
            args,
            kind,
            end: p.pos,
        }),
        Err(malformed) => malformed,
    }
}

/// A read position in the source.
struct Cursor<'s> {
    src: &'s str,
    pos: usize,
    /// Arrays open around the read position.
    depth: usize,
}

/// How deep arrays may nest in an argument: parsing (and dropping) a value
/// recurses once per level, and nobody needs more.
const MAX_ARRAY_DEPTH: usize = 16;

impl<'s> Cursor<'s> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn fail<T>(&self, message: crate::i18n::Text) -> Result<T, Parsed<'s>> {
        Err(Parsed::Malformed {
            at: self.pos,
            message: message.into(),
        })
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, or "" if there is none here.
    fn ident(&mut self) -> &'s str {
        let start = self.pos;
        if self.peek().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_') {
            while self.peek().is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_') {
                self.pos += 1;
            }
        }
        &self.src[start..self.pos]
    }

    /// The arguments after `(` and the closer; leaves `pos` past the closer.
    fn rest_of_call(&mut self, name: &str, kind: CallKind) -> Result<Map<String, Value>, Parsed<'s>> {
        let args = self.args(name)?;
        self.skip_ws();
        let closer = if kind == CallKind::Inline { "}}" } else { "%}" };
        if !self.src[self.pos..].starts_with(closer) {
            return self.fail(crate::text!("markdown.shortcode.closer", closer, name));
        }
        self.pos += 2;
        Ok(args)
    }

    /// The keyword arguments after `(`, up to and including `)`.
    fn args(&mut self, name: &str) -> Result<Map<String, Value>, Parsed<'s>> {
        let mut args = Map::new();
        loop {
            self.skip_ws();
            if self.eat(b')') {
                return Ok(args);
            }
            let key = self.ident();
            if key.is_empty() {
                return self.fail(crate::text!("markdown.shortcode.arg_name", name));
            }
            self.skip_ws();
            if !self.eat(b'=') {
                return self.fail(crate::text!("markdown.shortcode.equals", key));
            }
            self.skip_ws();
            let value = self.value(key)?;
            args.insert(key.to_owned(), value);
            self.skip_ws();
            if !self.eat(b',') && self.peek() != Some(b')') {
                return self.fail(crate::text!("markdown.shortcode.after_arg", key));
            }
        }
    }

    /// One value: string, number, boolean or array.
    fn value(&mut self, key: &str) -> Result<Value, Parsed<'s>> {
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => self.string(q).map(Value::String),
            Some(b'[') => self.array(key),
            Some(c) if c.is_ascii_digit() || c == b'-' || c == b'+' => self.number(),
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.pos;
                match self.ident() {
                    "true" => Ok(Value::Bool(true)),
                    "false" => Ok(Value::Bool(false)),
                    other => {
                        // Point at the word to put in quotes.
                        self.pos = start;
                        self.fail(crate::text!("markdown.shortcode.bare_word", other, key))
                    }
                }
            }
            _ => self.fail(crate::text!("markdown.shortcode.no_value", key)),
        }
    }

    /// A quoted string starting at the quote `q`.
    fn string(&mut self, q: u8) -> Result<String, Parsed<'s>> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut chars = self.src[self.pos..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((_, 'r')) => out.push('\r'),
                    Some((_, e @ ('"' | '\'' | '\\'))) => out.push(e),
                    Some((_, e)) => {
                        out.push('\\');
                        out.push(e);
                    }
                    None => break,
                },
                c if c as u32 == u32::from(q) => {
                    self.pos += i + 1;
                    return Ok(out);
                }
                c => out.push(c),
            }
        }
        self.pos = start;
        self.fail(crate::text!("markdown.shortcode.unterminated"))
    }

    /// An integer or a float.
    fn number(&mut self) -> Result<Value, Parsed<'s>> {
        let start = self.pos;
        let mut float = false;
        if matches!(self.peek(), Some(b'-' | b'+')) {
            self.pos += 1;
        }
        while let Some(c) = self.peek() {
            match c {
                b'0'..=b'9' => {}
                b'.' | b'e' | b'E' => float = true,
                b'-' | b'+' if matches!(self.src.as_bytes()[self.pos - 1], b'e' | b'E') => {}
                _ => break,
            }
            self.pos += 1;
        }
        let text = &self.src[start..self.pos];
        let number = if float {
            text.parse::<f64>().ok().and_then(Number::from_f64)
        } else {
            text.parse::<i64>().ok().map(Number::from)
        };
        match number {
            Some(n) => Ok(Value::Number(n)),
            None => {
                self.pos = start;
                self.fail(crate::text!("markdown.shortcode.number", text))
            }
        }
    }

    /// `[v, v, ..]` with an optional trailing comma.
    fn array(&mut self, key: &str) -> Result<Value, Parsed<'s>> {
        if self.depth >= MAX_ARRAY_DEPTH {
            return self.fail(crate::text!("markdown.shortcode.depth", key, MAX_ARRAY_DEPTH));
        }
        self.pos += 1;
        self.depth += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.eat(b']') {
                self.depth -= 1;
                return Ok(Value::Array(items));
            }
            items.push(self.value(key)?);
            self.skip_ws();
            if !self.eat(b',') && self.peek() != Some(b']') {
                return self.fail(crate::text!("markdown.shortcode.in_array", key));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn call(src: &str) -> Call<'_> {
        match parse_call(src, 0) {
            Parsed::Call(c) => c,
            other => panic!("not a call: {other:?}"),
        }
    }

    fn malformed(src: &str) -> (usize, String) {
        match parse_call(src, 0) {
            Parsed::Malformed { at, message } => (at, message.into()),
            other => panic!("not malformed: {other:?}"),
        }
    }

    #[test]
    fn inline_call_with_all_value_kinds() {
        let src =
            r#"{{ note(key="v \"q\"", s='it\'s', n=3, f=-1.5e2, flag=true, off=false, list=[1, "a", [2]],) }} tail"#;
        let c = call(src);
        assert_eq!(c.name, "note");
        assert_eq!(c.kind, CallKind::Inline);
        assert_eq!(&src[c.end..], " tail");
        assert_eq!(
            Value::Object(c.args),
            json!({"key": "v \"q\"", "s": "it's", "n": 3, "f": -150.0, "flag": true,
                   "off": false, "list": [1, "a", [2]]})
        );
    }

    #[test]
    fn body_call_and_empty_args() {
        let c = call("{%tip()%}body");
        assert_eq!((c.name, c.kind, c.end), ("tip", CallKind::Body, 9));
        assert!(c.args.is_empty());
    }

    #[test]
    fn not_calls() {
        for src in [
            "{{ name }}",
            "{{ 1 + 2 }}",
            "{ x() }",
            "{{ name (x=1) }}",
            "{% end %}",
            "{{",
        ] {
            assert_eq!(parse_call(src, 0), Parsed::NotACall, "{src}");
        }
    }

    #[test]
    fn malformed_calls() {
        let (at, msg) = malformed("{{ name(x= ) }}");
        assert_eq!(at, 11);
        assert!(msg.contains("expected a value for argument `x`"), "{msg}");
        assert!(malformed("{{ name(x=1 y=2) }}").1.contains("`,` or `)`"));
        assert!(malformed("{{ name(x=1) %}").1.contains("`}}`"));
        assert!(malformed("{% name(x=1) }}").1.contains("`%}`"));
        assert!(malformed("{{ name(x=\"abc) }}").1.contains("unterminated"));
        assert_eq!(
            malformed("{{ name(x=abc) }}"),
            (10, "unexpected `abc` as value of `x`; quote strings: \"abc\"".into())
        );
        assert!(malformed("{{ name(x=[1, 2) }}").1.contains("`]`"));
        assert!(malformed("{{ name(=1) }}").1.contains("argument name"));
        assert!(
            malformed("{{ name(n=99999999999999999999) }}")
                .1
                .contains("invalid number")
        );
    }
}
