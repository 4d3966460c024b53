//! The view every template gets: the site, its menu and footer, and the
//! banners of emergency notes active at build time.

use serde::Serialize;

use super::views::{Link, TownLink, ViewEnv, town_link};

/// The site as templates see it (`site`).
#[derive(Debug, Clone, Serialize)]
pub struct SiteView<'a> {
    /// Title.
    pub title: &'a str,
    /// Description.
    pub description: &'a str,
    /// Language tag.
    pub language: &'a str,
    /// `https://host/base` (no trailing slash).
    pub base_url: &'a str,
    /// `/base/`.
    pub base_path: &'a str,
    /// 主办单位.
    pub organization: Option<&'a str>,
    /// Footer items.
    pub footer: FooterView<'a>,
    /// Menu.
    pub menu: Vec<Link>,
    /// Towns.
    pub towns: Vec<TownLink>,
    /// Atom feed URL, if on.
    pub atom_url: Option<String>,
    /// RSS feed URL, if on.
    pub rss_url: Option<String>,
    /// Search page URL, if on.
    pub search_url: Option<String>,
    /// The HTML site map (网站地图).
    pub sitemap_url: String,
    /// 关于本站: the page at `about/`, if written.
    pub about_url: Option<String>,
    /// 联系我们: the page at `contact/`, else 关于本站.
    pub contact_url: Option<String>,
    /// Highlighting stylesheet.
    pub highlight_css: String,
    /// Build time, RFC 3339.
    pub now: String,
    /// Build year.
    pub year: i16,
    /// Free data from site.yaml.
    pub extra: &'a serde_json::Value,
    /// `kepu VERSION`.
    pub generator: &'static str,
    /// A preview whose addresses lead nowhere for readers (`kepu serve`,
    /// or a `base_url` on this computer or network): posters show 预览.
    pub preview: bool,
}

/// Footer items.
#[derive(Debug, Clone, Serialize)]
pub struct FooterView<'a> {
    /// ICP number.
    pub icp_beian: Option<&'a str>,
    /// Public-security record text.
    pub gongan_beian: Option<&'a str>,
    /// Its 14-digit code, for the query link.
    pub gongan_code: Option<String>,
    /// Site code.
    pub site_code: Option<&'a str>,
    /// Contact.
    pub contact: Option<&'a str>,
}

/// Builds `site`.
pub fn site<'a>(env: &ViewEnv<'a>) -> SiteView<'a> {
    let s = &env.config.site;
    let now = env.clock.zoned(env.clock.now());
    SiteView {
        title: &s.title,
        description: &s.description,
        language: &s.language,
        base_url: &env.config.base_url,
        base_path: &env.config.base_path,
        organization: s.organization.as_deref(),
        footer: FooterView {
            icp_beian: s.footer.icp_beian.as_deref(),
            gongan_beian: s.footer.gongan_beian.as_deref(),
            gongan_code: s.footer.gongan_beian.as_deref().and_then(gongan_code),
            site_code: s.footer.site_code.as_deref(),
            contact: s.footer.contact.as_deref(),
        },
        menu: s
            .menu
            .iter()
            .map(|m| Link {
                name: m.name.clone(),
                url: if m.url.contains("://") {
                    m.url.clone()
                } else {
                    env.link(&m.url)
                },
            })
            .collect(),
        towns: s.towns.iter().filter_map(|t| town_link(env, &t.id)).collect(),
        atom_url: s.feeds.atom.then(|| env.link("atom.xml")),
        rss_url: s.feeds.rss.then(|| env.link("rss.xml")),
        search_url: s.search.enabled.then(|| env.link("search/")),
        sitemap_url: env.link(super::site_map::URL),
        about_url: page_url(env, "about/"),
        contact_url: page_url(env, "contact/").or_else(|| page_url(env, "about/")),
        highlight_css: env.link("css/highlight.css"),
        now: env.clock.rfc3339(env.clock.now()),
        year: now.year(),
        extra: &s.extra,
        generator: concat!("kepu ", env!("CARGO_PKG_VERSION")),
        preview: env.config.is_preview(),
    }
}

/// The URL of the page at site path `path`, if there is one.
fn page_url(env: &ViewEnv, path: &str) -> Option<String> {
    let name = path.trim_end_matches('/');
    [format!("{name}.md"), format!("{name}/index.md")]
        .iter()
        .filter_map(|rel| env.lib.by_rel_path.get(rel))
        .any(|&id| env.lib.pages[id].path == path)
        .then(|| env.link(path))
}

/// The 14 digits of a 公安备案 number, for the query link.
fn gongan_code(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 14).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gongan_digits() {
        assert_eq!(
            gongan_code("渝公网安备 50011802000000号").as_deref(),
            Some("50011802000000")
        );
        assert_eq!(gongan_code("渝公网安备 123号"), None);
    }
}
