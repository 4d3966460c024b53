//! placeholder
use serde::Serialize;
pub trait LinkResolver: Sync {
    fn resolve(&self, path: &str) -> Option<String>;
}
pub trait ShortcodeRenderer: Sync {
    fn exists(&self, name: &str) -> bool;
    fn render(
        &self,
        name: &str,
        args: &serde_json::Map<String, serde_json::Value>,
        body: Option<&str>,
    ) -> Result<String, String>;
}
pub struct MarkdownOptions<'a> {
    pub highlight: bool,
    pub han_per_minute: u32,
    pub words_per_minute: u32,
    pub links: &'a dyn LinkResolver,
    pub shortcodes: &'a dyn ShortcodeRenderer,
}
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u32,
    pub id: String,
    pub title: String,
    pub children: Vec<Heading>,
}
#[derive(Debug, Clone)]
pub struct InternalLink {
    pub path: String,
    pub anchor: Option<String>,
    pub line: usize,
    pub column: usize,
}
#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub summary_html: Option<String>,
    pub toc: Vec<Heading>,
    pub anchors: Vec<String>,
    pub internal_links: Vec<InternalLink>,
    pub external_links: Vec<String>,
    pub text: String,
    pub han_count: usize,
    pub word_count: usize,
    pub reading_time: u32,
}
pub fn render(src: &str, _opts: &MarkdownOptions) -> Result<Rendered, Vec<MarkdownError>> {
    Ok(Rendered {
        html: src.to_string(),
        ..Default::default()
    })
}
pub fn highlight_css(_theme: &str) -> Result<String, String> {
    Ok(String::new())
}
pub fn available_themes() -> Vec<String> {
    vec!["InspiredGitHub".into()]
}
