//! Search: the index files of a fixture corpus, queried through the Rust
//! twin of search.js (`kepu::search::lookup`), and the tokenizer held to the
//! token list that the JS tokenizer is also tested against.

use crate::support::common;

use std::path::{Path, PathBuf};

use common::{SiteTest, repo};
use kepu::search::{Manifest, lookup, tokenize};

/// Reads index files under `public/search/`.
fn loader(public: &Path) -> impl Fn(&str) -> Option<String> + use<> {
    let dir = public.join("search");
    move |p: &str| std::fs::read_to_string(dir.join(p)).ok()
}

/// URLs of the results of `q`, best first.
fn urls(public: &Path, q: &str) -> Vec<String> {
    let load = loader(public);
    let out = lookup::search(q, &load).unwrap_or_else(|e| panic!("{q}: {e}"));
    out.hits
        .iter()
        .map(|h| lookup::doc_url(h.page, &load).unwrap_or_else(|| panic!("no document {}", h.page)))
        .collect()
}

/// Filler sentences: realistic noise, many pages, several shards.
const FILLER: &[&str] = &[
    "科学普及是提高公民科学素质的重要途径，社区科普活动室每周开放。",
    "合理膳食、适量运动、戒烟限酒、心理平衡是健康生活方式的基石。",
    "垃圾分类可以减少资源浪费，可回收物要保持清洁干燥。",
    "青少年可以在家中用白醋和小苏打完成简单的科学实验。",
    "节约用水从点滴做起，淘米水可以用来浇花。",
    "天文爱好者在晴朗无月的夜晚观测星空，需要远离城市灯光。",
    "新能源汽车的动力电池在低温下续航会缩短，冬季要注意充电。",
    "茶园使用黄板和杀虫灯等绿色防控技术，减少农药使用。",
];

/// The fixture corpus: (file, front matter, body).
const PAGES: &[(&str, &str, &str)] = &[
    (
        "articles/zhongshu.md",
        "title: 中暑的症状与急救\ndate: 2026-07-01\ntags: [高温]",
        "中暑症状包括头晕、乏力、大量出汗和恶心。热射病是最严重的中暑类型，核心体温可超过40℃。",
    ),
    (
        "articles/fangxun.md",
        "title: 汛期安全知识\ndate: 2026-06-01",
        "每年五月到九月，防汛抗旱是全区的重点工作。山洪来临前要及时向高处转移。",
    ),
    (
        "articles/aed.md",
        "title: 自动体外除颤器怎么用\ndate: 2026-05-01",
        "AED 使用方法：打开电源，按语音提示贴好电极片。配合心肺复苏（CPR）可以提高抢救成功率。",
    ),
    (
        "articles/aed-fullwidth.md",
        "title: 公共场所配置除颤仪\ndate: 2026-05-02",
        "全区已在车站和商场配置ＡＥＤ，市民使用前可参加培训。",
    ),
    (
        "articles/5g.md",
        "title: 5G基站的辐射安全吗\ndate: 2026-04-01",
        "5G 基站发射的是非电离辐射，强度远低于国家标准限值。",
    ),
    (
        "articles/pm25.md",
        "title: 雾霾与细颗粒物\ndate: 2026-01-10",
        "PM2.5 是指直径小于等于2.5微米的颗粒物，重污染天气要减少户外活动。",
    ),
    (
        "articles/beidou.md",
        "title: 北斗卫星导航系统\ndate: 2026-03-01",
        "北斗三号全球卫星导航系统（BeiDou Navigation Satellite System）已经向全球提供服务。",
    ),
    (
        "articles/fanzha.md",
        "title: 防范电信网络诈骗\ndate: 2026-03-05\ncategories: [信息技术]",
        "安装国家反诈中心App，开启来电预警。任何要求转账到安全账户的电话都是诈骗。",
    ),
    (
        "articles/dizhen.md",
        "title: 地震来了怎么办\ndate: 2026-02-01",
        "室内避震要躲在坚固的桌子下，保护好头部，不要乘坐电梯。震级与烈度是两个不同的概念。",
    ),
    (
        "articles/diandongche.md",
        "title: 电动自行车充电安全\ndate: 2026-02-10",
        "电动自行车不进楼道、不进家门；电池热失控几分钟内就可能引发火灾。",
    ),
    (
        "articles/yeshengjun.md",
        "title: 野生菌中毒怎么防\ndate: 2026-08-01",
        "野生菌有毒品种和可食用品种外形相似，不采、不买、不吃野生菌是最好的预防。",
    ),
    (
        "articles/gaoxueya.md",
        "title: 高血压防治要点\ndate: 2026-08-10",
        "高血压早期没有明显症状，35岁以上成年人每年至少测量一次血压。",
    ),
    (
        "articles/ai.md",
        "title: 大模型会一本正经地出错\ndate: 2026-09-01",
        "Large language models 通过机器学习预测下一个词；人工智能给出的答案要多方核实。",
    ),
    (
        "articles/dian.md",
        "title: 食盐加碘的道理\ndate: 2026-09-02",
        "碘是合成甲状腺激素的原料，我国实行食盐加碘。",
    ),
    (
        "articles/vaccine.md",
        "title: 流感疫苗每年都要打吗\ndate: 2026-10-01",
        "Vaccination 是预防流感最有效的办法，流感病毒容易变异。",
    ),
    (
        "articles/xss.md",
        "title: \"<script>alert(1)</script> 防晒小知识\"\ndate: 2026-07-02",
        "防晒霜的 SPF 数值表示对中波紫外线的防护能力。",
    ),
    (
        "articles/hidden.md",
        "title: 中暑内部草稿\ndate: 2026-07-03\nsearch: false",
        "这篇不应被搜索到：中暑症状、防汛抗旱、AED 使用。",
    ),
    (
        "articles/huaxue.md",
        "title: 厨房里的化学\ndate: 2026-07-05",
        "煎牛排的香气来自美拉德反应；84消毒液和洁厕灵不能混用，会产生氯气。",
    ),
    (
        "emergency/gaowen.md",
        "title: 高温橙色预警科普解读\ndate: 2026-07-20T10:00:00+08:00\nhazard: heat\nlevel: orange\nexpires: 2026-07-25T10:00:00+08:00\nareas: [xianlong]\nsteps:\n  - 避免午后高温时段户外劳动\n  - 少量多次饮水",
        "连续高温天气下，老人和户外劳动者要特别注意防暑降温。",
    ),
    (
        "emergency/baoyu.md",
        "title: 暴雨蓝色预警科普解读\ndate: 2026-06-20T10:00:00+08:00\nhazard: flood\nlevel: blue\nexpires: 2026-06-22T10:00:00+08:00",
        "短时强降雨容易引发城市内涝，车辆不要强行通过积水路段。",
    ),
    (
        "columns/w40.md",
        "title: 科普之声：秋季防溺水\ndate: 2026-09-30T18:30:00+08:00\nmedium: radio\noutlet: 永川广播电台\nprogram: 科普之声",
        "主持人提醒家长看好孩子，不到江边水库游泳。",
    ),
    (
        "boards/renmin.md",
        "title: 人民广场科普画廊\nboard_kind: gallery\nplace: plaza\ntown: zhongshanlu\naddress: 人民广场东侧步道",
        "画廊每月更换一次内容。",
    ),
    (
        "stations/heping.md",
        "title: 和平社区科普活动室\ntown: zhongshanlu\ncommunity: 和平社区\nstation_kind: room\nequipment: [心肺复苏训练模拟人]",
        "活动室每周二开放。",
    ),
];

/// (query, pages that must be among the results).
const QUERIES: &[(&str, &[&str])] = &[
    ("中暑", &["/articles/zhongshu/"]),
    ("中暑症状", &["/articles/zhongshu/"]),
    ("热射病", &["/articles/zhongshu/"]),
    ("防汛", &["/articles/fangxun/"]),
    ("防汛抗旱", &["/articles/fangxun/"]),
    ("山洪", &["/articles/fangxun/"]),
    ("AED", &["/articles/aed/", "/articles/aed-fullwidth/"]),
    ("aed 使用", &["/articles/aed/", "/articles/aed-fullwidth/"]),
    ("ＡＥＤ", &["/articles/aed/", "/articles/aed-fullwidth/"]),
    ("心肺复苏", &["/articles/aed/", "/stations/heping/"]),
    ("CPR", &["/articles/aed/"]),
    ("5G 基站", &["/articles/5g/"]),
    ("5g基站辐射", &["/articles/5g/"]),
    ("PM2.5", &["/articles/pm25/"]),
    ("pm2.5 颗粒物", &["/articles/pm25/"]),
    ("北斗", &["/articles/beidou/"]),
    ("beidou", &["/articles/beidou/"]),
    ("Bei", &["/articles/beidou/"]),
    ("反诈 App", &["/articles/fanzha/"]),
    ("电信诈骗", &["/articles/fanzha/"]),
    ("信息技术", &["/articles/fanzha/"]),
    ("地震", &["/articles/dizhen/"]),
    ("震级 烈度", &["/articles/dizhen/"]),
    ("电动自行车 火灾", &["/articles/diandongche/"]),
    ("野生菌中毒", &["/articles/yeshengjun/"]),
    ("高血压", &["/articles/gaoxueya/"]),
    ("人工智能 大模型", &["/articles/ai/"]),
    ("language models", &["/articles/ai/"]),
    ("机器学习", &["/articles/ai/"]),
    ("lang", &["/articles/ai/"]),
    ("碘", &["/articles/dian/"]),
    ("vacc", &["/articles/vaccine/"]),
    ("流感疫苗", &["/articles/vaccine/"]),
    ("防晒", &["/articles/xss/"]),
    ("SPF", &["/articles/xss/"]),
    ("美拉德反应", &["/articles/huaxue/"]),
    ("84消毒液", &["/articles/huaxue/"]),
    ("高温", &["/articles/zhongshu/", "/emergency/gaowen/"]),
    ("午后高温", &["/emergency/gaowen/"]),
    ("仙龙镇", &["/emergency/gaowen/"]),
    ("城市内涝", &["/emergency/baoyu/"]),
    ("永川广播电台", &["/columns/w40/"]),
    ("防溺水", &["/columns/w40/"]),
    ("人民广场东侧", &["/boards/renmin/"]),
    ("和平社区", &["/stations/heping/"]),
    ("中暑 AED", &["/articles/zhongshu/", "/articles/aed/"]),
];

fn corpus() -> SiteTest {
    let t = SiteTest::new();
    for (file, fm, body) in PAGES {
        t.page(file, fm, &format!("{body}\n"));
    }
    for i in 0..240 {
        let body: Vec<&str> = (0..5).map(|j| FILLER[(i * 3 + j) % FILLER.len()]).collect();
        t.page(
            &format!("articles/filler-{i:03}.md"),
            &format!("title: 科普短文第{i}篇\ndate: 2025-01-01"),
            &format!("{}\n", body.join("\n\n")),
        );
    }
    t
}

#[test]
fn recall_of_chinese_and_mixed_queries() {
    let t = corpus();
    t.build_ok();
    let public = t.path().join("public");
    assert!(QUERIES.len() >= 30);
    let mut missing = Vec::new();
    for (q, expected) in QUERIES {
        let found = urls(&public, q);
        for e in *expected {
            if !found.iter().any(|u| u == e) {
                missing.push(format!("{q} → {e} (got {found:?})"));
            }
        }
        assert!(
            !found.contains(&"/articles/hidden/".to_string()),
            "{q} found a search: false page"
        );
    }
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
}

#[test]
fn and_semantics_with_a_fallback() {
    let t = corpus();
    t.build_ok();
    let public = t.path().join("public");
    let load = loader(&public);
    // Every hit holds every term.
    let both = lookup::search("中暑 症状", &load).expect("search");
    assert!(both.all_terms);
    let urls_both: Vec<String> = both
        .hits
        .iter()
        .filter_map(|h| lookup::doc_url(h.page, &load))
        .collect();
    assert_eq!(urls_both, ["/articles/zhongshu/"]);
    // No page holds both: pages with either, not an empty list.
    let either = lookup::search("中暑 AED", &load).expect("search");
    assert!(!either.all_terms);
    assert!(either.hits.len() >= 3);
    // A term found nowhere does not empty the results.
    assert_eq!(
        urls(&public, "北斗 zzzzqx").first().map(String::as_str),
        Some("/articles/beidou/")
    );
    assert!(urls(&public, "zzzzqx").is_empty());
}

#[test]
fn title_matches_rank_first() {
    let t = corpus();
    t.page(
        "articles/mentions.md",
        "title: 夏季健康提示\ndate: 2026-07-09",
        "夏天要预防中暑。\n",
    );
    t.build_ok();
    let found = urls(&t.path().join("public"), "中暑");
    assert_eq!(
        found.first().map(String::as_str),
        Some("/articles/zhongshu/"),
        "{found:?}"
    );
    assert!(found.contains(&"/articles/mentions/".to_string()));
}

#[test]
fn a_query_reads_few_files() {
    let t = corpus();
    t.build_ok();
    let public = t.path().join("public");
    let manifest: Manifest = serde_json::from_str(&t.read("search/index.json")).expect("manifest");
    assert_eq!(manifest.pages as usize, PAGES.len() - 1 + 240);
    assert!(manifest.shards > 1, "{manifest:?}");
    let out = lookup::search("中暑症状", &loader(&public)).expect("search");
    // The manifest and at most one shard per term.
    assert!(out.files.len() <= 4, "{:?}", out.files);
    for n in 0..manifest.shards {
        assert!(t.exists(&format!("search/t/{n}.txt")));
    }
    assert!(!t.exists(&format!("search/t/{}.txt", manifest.shards)));
}

#[test]
fn documents_keep_titles_as_text() {
    let t = corpus();
    t.build_ok();
    let public = t.path().join("public");
    let load = loader(&public);
    let hit = lookup::search("防晒", &load).expect("search").hits[0].page;
    let doc: serde_json::Value = serde_json::from_str(&t.read(&format!("search/d/{hit}.json"))).expect("json");
    assert_eq!(doc["t"], "<script>alert(1)</script> 防晒小知识");
    assert_eq!(doc["u"], "/articles/xss/");
    assert!(doc["x"].as_str().is_some_and(|x| x.contains("SPF")));
}

#[test]
fn output_is_deterministic() {
    let t = corpus();
    t.build_ok();
    let first = common::snapshot(&t.path().join("public/search"));
    t.build_ok();
    assert_eq!(first, common::snapshot(&t.path().join("public/search")));
}

#[test]
fn search_off_writes_no_index_and_no_page() {
    let t = SiteTest::with_real_theme();
    t.write(
        "site.yaml",
        &format!("{}search: {{ enabled: false }}\n", common::SITE_YAML),
    );
    t.page("articles/a.md", "title: 中暑\ndate: 2026-07-01", "中暑症状\n");
    t.build_ok();
    assert!(!t.exists("search"));
    assert!(!t.read("index.html").contains("role=\"search\""));
}

#[test]
fn the_search_page_is_rendered_with_the_theme() {
    let t = SiteTest::with_real_theme();
    t.page("articles/a.md", "title: 中暑\ndate: 2026-07-01", "中暑症状\n");
    let err = t.build_ok();
    assert!(!err.contains("search.html"), "{err}");
    let html = t.read("search/index.html");
    let key = serde_json::from_str::<Manifest>(&t.read("search/index.json"))
        .expect("manifest")
        .key;
    assert!(
        html.contains(&format!("data-search-index=\"/search/index.json?v={key}\"")),
        "{html}"
    );
    assert!(html.contains("aria-live=\"polite\""));
    assert!(html.contains("/js/search.js"));
    assert!(html.contains("name=\"q\""));
    assert!(t.exists("js/search.js"));
}

#[test]
fn a_theme_without_search_html_gets_a_warning() {
    let t = SiteTest::new();
    t.page("articles/a.md", "title: 中暑\ndate: 2026-07-01", "中暑症状\n");
    let err = t.build_ok();
    assert!(err.contains("the theme has no search.html"), "{err}");
    assert!(t.exists("search/index.json"));
    assert!(!t.exists("search/index.html"));
}

#[test]
fn a_site_page_at_search_wins() {
    let t = SiteTest::new();
    t.page("search.md", "title: 搜索\ntemplate: page.html", "自己的搜索页\n");
    t.build_ok();
    assert!(t.read("search/index.html").contains("自己的搜索页"));
}

/// Runs search.js under Node over the built index: the same pages, in the
/// same order, as the Rust lookup.
#[test]
fn js_and_rust_lookups_agree() {
    if !common::ready("the search script's check in Node", &[common::Tool::Node]) {
        return;
    }
    let t = corpus();
    t.build_ok();
    let public = t.path().join("public");
    let script = r#"
const s = require(process.argv[1]);
const fs = require("fs");
const path = require("path");
const dir = process.argv[2];
const read = (u) => Promise.resolve(fs.readFileSync(path.join(dir, u.replace(/\?.*$/, "")), "utf8"));
(async () => {
  const out = {};
  for (const q of JSON.parse(process.argv[3])) {
    out[q] = (await new s.Index("index.json", read).search(q)).hits.map((h) => h.page);
  }
  console.log(JSON.stringify(out));
})();
"#;
    let queries: Vec<&str> = QUERIES
        .iter()
        .map(|(q, _)| *q)
        .chain(["中暑 症状", "北斗 zzzzqx", "暑"])
        .collect();
    let out = std::process::Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(repo().join("themes/default/static/js/search.js"))
        .arg(public.join("search"))
        .arg(serde_json::to_string(&queries).expect("json"))
        .output()
        .expect("run node (apt-get install -y nodejs)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let js: std::collections::BTreeMap<String, Vec<u32>> = serde_json::from_slice(&out.stdout).expect("node output");
    for q in queries {
        let rust: Vec<u32> = lookup::search(q, &loader(&public))
            .expect("search")
            .hits
            .iter()
            .map(|h| h.page)
            .collect();
        assert_eq!(js.get(q), Some(&rust), "{q}");
    }
}

/// The samples both tokenizers are held to.
fn token_fixture() -> PathBuf {
    repo().join("tests/fixtures/search-tokens.json")
}

const SAMPLES: &[&str] = &[
    "中暑症状",
    "防汛抗旱",
    "AED 使用",
    "5G 基站",
    "ＡＥＤ使用，５Ｇ基站",
    "PM2.5 浓度 2.5.3 v1.2.",
    "北斗三号（BeiDou）全球卫星导航系统",
    "暑",
    "中",
    "热射病：核心体温>40℃！",
    "Ünïcödé ÀÉÎ straße",
    "α粒子、β射线和Γ射线",
    "二〇二六年 々",
    "𠀀𠀁 astral 𪚥",
    "ひらがな カタカナ 한국어",
    "COVID-19 疫苗",
    "e-mail@example.org https://kepu.example.org/a/",
    "a",
    "ab",
    "abc",
    "Supercalifragilisticexpialidocious-and-more-words-here",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "中暑 中暑 中暑症状 ai AI Ai",
    "  ，。、  ",
    "",
    "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
    "A×B÷C",
    "<script>alert(1)</script>",
];

fn expected_tokens() -> serde_json::Value {
    let cases: Vec<serde_json::Value> = SAMPLES
        .iter()
        .map(|s| {
            let folded = tokenize::fold(s);
            let mut index = Vec::new();
            tokenize::index_terms(&folded, |t| index.push(t.to_string()));
            let query: Vec<serde_json::Value> = tokenize::query_terms(s)
                .into_iter()
                .map(|t| serde_json::json!({ "text": t.text, "prefix": t.prefix }))
                .collect();
            let shards: Vec<u32> = index
                .iter()
                .map(|t| kepu::search::chunks::fnv1a(kepu::search::chunks::shard_key(t)))
                .collect();
            serde_json::json!({ "text": s, "index": index, "query": query, "hashes": shards })
        })
        .collect();
    serde_json::Value::Array(cases)
}

/// `KEPU_BLESS=1 cargo test --test it search::` rewrites the fixture.
#[test]
fn tokens_match_the_shared_fixture() {
    let want = expected_tokens();
    let path = token_fixture();
    if std::env::var_os("KEPU_BLESS").is_some() {
        let text = serde_json::to_string_pretty(&want).expect("json") + "\n";
        std::fs::write(&path, text).expect("write fixture");
    }
    let have: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("read fixture")).expect("fixture json");
    assert_eq!(
        have, want,
        "the tokenizer changed: update search.js to match, then bless"
    );
}

/// A build keeps of each page's text only its description once the index
/// has it: what readers see is the same as from the whole text.
#[test]
fn long_texts_are_whole_in_the_index_the_cap_and_the_description() {
    let t = SiteTest::with_real_theme();
    let long: String = (0..40).map(|i| format!("第{i}句话讲防暑降温。")).collect();
    t.page(
        "articles/chang.md",
        "title: 长文\ndate: 2026-11-10",
        &format!("{long}\n\n最后一句提到独有词汇蟋蟀。\n"),
    );
    t.page(
        "emergency/gaowen.md",
        "title: 高温预警\ndate: 2026-11-19T08:00:00+08:00\nexpires: 2026-11-21T08:00:00+08:00\nhazard: heat\nlevel: yellow\nareas: [xianlong]\nsource: 气象台\nsteps: [多喝水]",
        &format!("{long}\n\n结尾提到午后避免外出。\n"),
    );
    t.build_ok();
    let page = t.read("articles/chang/index.html");
    let first: String = long.chars().take(120).collect();
    assert!(
        page.contains(&format!("<meta name=\"description\" content=\"{first}…\">")),
        "{page}"
    );
    let public = t.path().join("public");
    let hits = lookup::search("蟋蟀", &loader(&public)).expect("search").hits;
    assert_eq!(hits.len(), 1, "the end of a long text is found");
    let cap = t.read("emergency/gaowen.cap.xml");
    assert!(
        cap.contains("结尾提到午后避免外出。"),
        "the CAP message has the whole text: {cap}"
    );
}
