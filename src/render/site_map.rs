//! The HTML 网站地图 page and the titles of the list pages that breadcrumbs
//! (当前位置) name on the way to a page.

use std::collections::BTreeMap;

use serde::Serialize;

use super::jobs::Job;
use super::views::{Link, ViewEnv};
use crate::kinds::Kind;
use crate::output::Dep;

/// Output path of the site map page.
pub const PATH: &str = "sitemap/index.html";

/// The site path of the site map page.
pub const URL: &str = "sitemap/";

/// Site URL → title of every page a breadcrumb may pass through: sections,
/// the town list and towns, taxonomy lists, the column's media, the
/// dashboard. Templates walk `current_path` through it.
pub fn crumb_titles(env: &ViewEnv) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for s in env.lib.sections.iter().filter(|s| !s.name.is_empty()) {
        m.insert(env.link(&s.path), s.title.clone());
    }
    let site = &env.config.site;
    if !site.towns.is_empty() {
        m.insert(env.link("towns/"), "镇街".to_string());
        for t in &site.towns {
            m.insert(env.link(&format!("towns/{}/", t.id)), t.name.clone());
        }
    }
    for tax in &site.taxonomies {
        m.insert(env.link(&format!("{tax}/")), super::taxonomies::label(tax).to_string());
    }
    for kind in Kind::ALL {
        if let Some(crumbs) = kind.spec().crumbs {
            crumbs(env, &mut m);
        }
    }
    m.insert(env.link("dashboard/"), "数据看板".to_string());
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles() -> BTreeMap<String, String> {
        [
            ("/b/articles/", "科普资讯"),
            ("/b/towns/", "镇街"),
            ("/b/boards/x/", "人民广场"),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
    }

    fn names(links: &[Link]) -> Vec<(&str, &str)> {
        links.iter().map(|l| (l.name.as_str(), l.url.as_str())).collect()
    }

    #[test]
    fn ancestors_of_a_page_are_home_and_its_lists() {
        let t = titles();
        assert_eq!(
            names(&ancestors(&t, "/b/", "/b/articles/aed/")),
            [("首页", "/b/"), ("科普资讯", "/b/articles/")]
        );
        assert_eq!(
            names(&ancestors(&t, "/b/", "/b/boards/x/poster/")),
            [("首页", "/b/"), ("人民广场", "/b/boards/x/")]
        );
        // A list page is not its own ancestor; folders without a page are skipped.
        assert_eq!(names(&ancestors(&t, "/b/", "/b/articles/")), [("首页", "/b/")]);
        assert_eq!(
            names(&ancestors(&t, "/b/", "/b/articles/page/2/")),
            [("首页", "/b/"), ("科普资讯", "/b/articles/")]
        );
    }

    #[test]
    fn the_home_page_has_none() {
        assert!(ancestors(&titles(), "/b/", "/b/").is_empty());
        assert!(ancestors(&titles(), "/b/", "/elsewhere/").is_empty());
    }
}

/// The breadcrumb links before the page at site URL `path` (which starts
/// with `base_path`): 首页, then each list page above it that has a title.
pub fn ancestors(titles: &BTreeMap<String, String>, base_path: &str, path: &str) -> Vec<Link> {
    let Some(rel) = path.strip_prefix(base_path) else {
        return Vec::new();
    };
    if rel.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Link {
        name: "首页".into(),
        url: base_path.to_string(),
    }];
    let mut url = base_path.to_string();
    let parts: Vec<&str> = rel.trim_end_matches('/').split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        url.push_str(part);
        url.push('/');
        if let Some(t) = titles.get(&url) {
            out.push(Link {
                name: t.clone(),
                url: url.clone(),
            });
        }
    }
    out
}

/// One group of the site map.
#[derive(Debug, Serialize)]
struct Group {
    /// Heading.
    title: String,
    /// Its list page, if any.
    url: Option<String>,
    /// How many pages it holds.
    count: usize,
    /// Its links.
    links: Vec<Link>,
}

/// The site map job: every section with its list page, the towns, the
/// dashboard, the plan and the year-end summaries, the stand-alone pages.
pub fn job(env: &ViewEnv, plan: &crate::report::plan::PlanReport) -> Job {
    let lib = env.lib;
    let mut groups = Vec::new();
    for s in lib.sections.iter().filter(|s| !s.name.is_empty()) {
        let kind = Kind::from_section(&s.name);
        // Boards and stations are few and are what readers look for by name.
        let links = if kind.spec().listed_by_name {
            s.pages
                .iter()
                .map(|&id| Link {
                    name: lib.pages[id].title.clone(),
                    url: env.link(&lib.pages[id].path),
                })
                .collect()
        } else {
            Vec::new()
        };
        groups.push(Group {
            title: s.title.clone(),
            url: Some(env.link(&s.path)),
            count: s.pages.len(),
            links,
        });
    }
    let site = &env.config.site;
    if !site.towns.is_empty() {
        groups.push(Group {
            title: "镇街".into(),
            url: Some(env.link("towns/")),
            count: site.towns.len(),
            links: site
                .towns
                .iter()
                .map(|t| Link {
                    name: t.name.clone(),
                    url: env.link(&format!("towns/{}/", t.id)),
                })
                .collect(),
        });
    }
    let mut other = vec![Link {
        name: "数据看板".into(),
        url: env.link("dashboard/"),
    }];
    if plan.inputs.rows.is_some() {
        other.push(Link {
            name: "科普工作任务表".into(),
            url: env.link("plan/"),
        });
    }
    other.extend(plan.years.iter().rev().map(|y| Link {
        name: format!("{} 年度总结", y.year),
        url: env.link(&crate::kinds::pages::report_path(y.year)),
    }));
    other.extend(lib.pages.iter().filter(|p| p.section.is_empty()).map(|p| Link {
        name: p.title.clone(),
        url: env.link(&p.path),
    }));
    groups.push(Group {
        title: "其他页面".into(),
        url: None,
        count: other.len(),
        links: other,
    });
    Job::new(PATH, "sitemap.html", "site map")
        .with("groups", &groups)
        .dep(Dep::AllFrontMatter)
        .dep(Dep::Config)
}
