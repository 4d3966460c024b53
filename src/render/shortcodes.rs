//! Shortcodes are templates under `templates/shortcodes/NAME.html`; their
//! arguments become variables, and a body form gets `body`.

use tera::Context;

use super::templates::Templates;
use crate::i18n::Said;
use crate::markdown::ShortcodeRenderer;

/// Renders shortcodes with the site's templates.
pub struct TeraShortcodes<'a>(pub &'a Templates);

fn name_of(name: &str) -> String {
    format!("shortcodes/{name}.html")
}

impl ShortcodeRenderer for TeraShortcodes<'_> {
    fn exists(&self, name: &str) -> bool {
        self.0.has(&name_of(name))
    }

    fn render(
        &self,
        name: &str,
        args: &serde_json::Map<String, serde_json::Value>,
        body: Option<&str>,
    ) -> Result<String, Said> {
        let mut ctx = Context::new();
        for (k, v) in args {
            ctx.insert(k.clone(), v);
        }
        if let Some(b) = body {
            ctx.insert("body", b);
        }
        self.0.render(&name_of(name), &ctx).map_err(|d| {
            let said = if d.line > 0 {
                crate::text!("render.shortcode_template.at", name, d.message, d.path, d.line)
            } else {
                crate::text!("render.shortcode_template", name, d.message)
            };
            Said::from(said)
        })
    }
}
