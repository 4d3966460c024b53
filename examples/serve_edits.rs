//! Times `kepu serve`'s rebuilds in one process, without the watcher and
//! HTTP: loads a site, then applies edits of one kind to its newest article
//! (each followed by what serving its dependents asks, as `benches/serve.sh`
//! does: the feeds, then the files that show the article, one at a time;
//! then the check of every file it left unverified, as the background
//! does), and prints the time of each.
//!
//!   cargo run --release --example serve_edits -- SITE [title|body|tag|date|new|template] [N]
//!
//! (`template` edits the theme's `article.html`.)
//!
//! With `KEPU_SERVE_TIMING=1` each rebuild prints its steps; with
//! `SERVE_EDITS_NO_SWEEP=1` the files left unverified are not all checked
//! after each edit (to profile the edits alone).

use std::path::PathBuf;
use std::time::Instant;

use kepu::render::select::Part;
use kepu::serve::incremental::{Engine, Want};
use kepu::serve::watch::{Change, ChangeKind};
use kepu::site::BuildOptions;

/// The allocator of the `kepu` binary, so that times are the same.
#[cfg(not(windows))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let root = PathBuf::from(args.next().expect("a site folder"));
    let kind = args.next().unwrap_or_else(|| "title".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10);
    let root = std::fs::canonicalize(&root).expect("the site folder");
    let opts = BuildOptions {
        root: root.clone(),
        now: "2026-11-20T10:00:00+08:00".parse().ok(),
        base_url: Some("http://127.0.0.1:1111/".into()),
        images_cache_only: true,
        ..BuildOptions::default()
    };
    let mut engine = Engine::new(opts);
    let t = Instant::now();
    engine.apply(&[]).expect("the site loads");
    eprintln!("loaded in {} ms", t.elapsed().as_millis());
    let arts = root.join("content/articles");
    let newest = std::fs::read_dir(&arts)
        .expect("content/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("_index.md"))
        .max_by_key(|p| (date_of(p), p.clone()))
        .expect("an article");
    let orig = std::fs::read_to_string(&newest).expect("the article");
    let extra = arts.join("zz-serve-edits.md");
    let shown = dependents(&mut engine, &root, &newest);
    let tags_line = orig.lines().find(|l| l.starts_with("tags:")).unwrap_or("").to_string();
    let template = root.join("themes/default/templates/article.html");
    let template_orig = std::fs::read_to_string(&template).unwrap_or_default();
    let mut times = Vec::new();
    let mut served = Vec::new();
    for k in 0..n {
        let (path, text) = match kind.as_str() {
            "body" => (newest.clone(), Some(format!("{orig}\n补充{k}。\n"))),
            "date" => (
                newest.clone(),
                Some(with_line(&orig, "date:", &format!("date: 2018-12-{:02}", k % 28 + 1))),
            ),
            "new" if k % 2 == 0 => (extra.clone(), Some(with_line(&orig, "date:", "date: 2026-11-19"))),
            "new" => (extra.clone(), None),
            "template" => (
                template.clone(),
                template_orig
                    .rfind("{% endblock")
                    .map(|at| format!("{}<!-- {k} -->{}", &template_orig[..at], &template_orig[at..])),
            ),
            "tag" => (
                newest.clone(),
                Some(match k % 2 {
                    0 => orig.replacen(&tags_line, &tags_line.replacen("[\"", "[\"换标签", 1), 1),
                    _ => orig.clone(),
                }),
            ),
            _ => (
                newest.clone(),
                Some(orig.replacen("title: \"", &format!("title: \"改{k}"), 1)),
            ),
        };
        match text {
            Some(t) => std::fs::write(&path, t).expect("write"),
            None => std::fs::remove_file(&path).expect("remove"),
        }
        let t = Instant::now();
        let kind_of = match path == template {
            true => ChangeKind::Template("article.html".into()),
            false => ChangeKind::Content,
        };
        let outcome = engine.apply(&[Change { kind: kind_of, path }]);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let _ = engine.complete(&Want::Part(Part::Feeds));
        let feeds = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        for path in &shown {
            let _ = engine.complete(&Want::File(path.clone()));
        }
        let files = t.elapsed().as_secs_f64() * 1000.0;
        let t = Instant::now();
        let mut checked = 0;
        while std::env::var_os("SERVE_EDITS_NO_SWEEP").is_none() && engine.has_unverified() {
            checked += engine.sweep(64).unwrap_or(0);
        }
        eprintln!(
            "{kind} {k}: {outcome:?} in {ms:.1} ms, feeds {feeds:.1} ms, {} files shown {files:.1} ms: {:.1} ms; \
             then every file checked in {} ms ({checked} rendered)",
            shown.len(),
            ms + feeds + files,
            t.elapsed().as_millis()
        );
        times.push(ms);
        served.push(ms + feeds + files);
    }
    std::fs::write(&newest, &orig).expect("restore");
    if !template_orig.is_empty() {
        std::fs::write(&template, &template_orig).expect("restore");
    }
    let _ = std::fs::remove_file(&extra);
    for (what, mut times) in [("rebuild", times), ("served", served)] {
        times.sort_by(f64::total_cmp);
        if let (Some(mid), Some(worst)) = (times.get(times.len() / 2), times.last()) {
            println!("{kind} {what}: median {mid:.1} ms, worst {worst:.1} ms over {n}");
        }
    }
}

/// The files that show the article `page`, as the benchmark finds them:
/// its page, the home page, its list, its neighbours and the pages of its
/// terms and towns.
fn dependents(engine: &mut Engine, root: &std::path::Path, page: &std::path::Path) -> Vec<String> {
    let rel = page.strip_prefix(root.join("content")).expect("under content/");
    let own = format!(
        "{}/index.html",
        rel.with_extension("").to_string_lossy().replace('\\', "/")
    );
    let _ = engine.complete(&Want::File(own.clone()));
    let html = engine
        .store()
        .read()
        .outputs
        .get(&own)
        .and_then(|e| e.content.bytes().map(|b| String::from_utf8_lossy(&b).into_owned()))
        .unwrap_or_default();
    let mut shown = vec![own, "index.html".to_string(), "articles/index.html".to_string()];
    for link in html.split("href=\"/").skip(1).filter_map(|s| s.split('"').next()) {
        let kept = ["tags/", "categories/", "towns/"].iter().any(|d| link.starts_with(d)) && link.ends_with('/');
        let path = format!("{link}index.html");
        if kept && !shown.contains(&path) {
            shown.push(path);
        }
    }
    shown
}

fn date_of(p: &std::path::Path) -> String {
    let text = std::fs::read_to_string(p).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix("date:"))
        .unwrap_or("")
        .trim()
        .to_string()
}

fn with_line(text: &str, key: &str, line: &str) -> String {
    text.lines()
        .map(|l| if l.starts_with(key) { line } else { l })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
