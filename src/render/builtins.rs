//! Files every host expects, written by code: `sitemap.xml`, `robots.txt`,
//! redirect pages.

use crate::content::Library;
use crate::output::Dep;
use crate::output::sink::Sink;
use crate::render::views::ViewEnv;

use crate::escape::xml_escape;
use crate::urls::url_encode_path;

/// The sitemap of every HTML page in `set` but the 404 page and redirects.
pub fn sitemap(env: &ViewEnv, lib: &Library, taken: &[(String, String)]) -> String {
    let lastmod: std::collections::HashMap<String, String> = lib
        .pages
        .iter()
        .filter_map(|p| {
            p.updated
                .or(p.date)
                .map(|d| (format!("{}index.html", p.path), env.clock.rfc3339(d)))
        })
        .collect();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, origin) in taken {
        if !path.ends_with("index.html") || origin == "redirect" {
            continue;
        }
        let url = env.permalink(path.trim_end_matches("index.html"));
        xml.push_str("  <url>\n    <loc>");
        xml.push_str(&xml_escape(&url_encode_path(&url)));
        xml.push_str("</loc>\n");
        if let Some(m) = lastmod.get(path) {
            xml.push_str("    <lastmod>");
            xml.push_str(m);
            xml.push_str("</lastmod>\n");
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// `robots.txt` naming the sitemap.
pub fn robots(env: &ViewEnv) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", env.permalink("sitemap.xml"))
}

/// Adds sitemap and robots to `set`.
pub fn add(env: &ViewEnv, lib: &Library, sink: &dyn Sink) -> Vec<crate::output::OutputError> {
    let sitemap = sitemap(env, lib, &sink.taken());
    let mut errors = Vec::new();
    for (path, text) in [("sitemap.xml", sitemap), ("robots.txt", robots(env))] {
        // A site's own static/robots.txt or sitemap.xml wins.
        if sink.has(path) {
            continue;
        }
        if let Err(e) = sink.put(
            path,
            crate::output::Body::Bytes(text.into_bytes()),
            vec![Dep::AllPages, Dep::Config],
            "kepu",
        ) {
            errors.push(e);
        }
    }
    errors
}
