//! Property tests: any page, however broken, converts without a panic and
//! leaves no HTML of WeChat's in the Markdown.

use proptest::prelude::*;
use scraper::Html;

use super::chrome::Chrome;
use super::{clean, markdown, parse, shape};
use crate::config::WechatImport;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<section style=\"font-size: 20px; font-weight: bold\">".to_string()),
        Just("</section>".to_string()),
        Just("<p style=\"color:red\">".to_string()),
        Just("</p>".to_string()),
        Just("<span class=\"x\" data-a=\"1\">".to_string()),
        Just("</span>".to_string()),
        Just("<strong>".to_string()),
        Just("</strong>".to_string()),
        Just("<br>".to_string()),
        Just("<ul><li>".to_string()),
        Just("</li></ul>".to_string()),
        Just("<blockquote>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<img data-src=\"http://127.0.0.1:1/a/640\" alt=\"图\" src=\"x_files/a.png\">".to_string()),
        Just("<a href=\"https://mp.weixin.qq.com/s?__biz=A&mid=1&idx=1\">".to_string()),
        Just("</a>".to_string()),
        Just("<iframe class=\"video_iframe\"></iframe>".to_string()),
        Just("长按识别二维码".to_string()),
        "[\\PC]{0,12}",
        "[*_#>|`\\[\\]1. -]{0,4}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_body_converts_without_html(pieces in proptest::collection::vec(piece(), 0..40), ct in "[0-9a-z\"' =;]{0,20}") {
        let body: String = pieces.concat();
        let raw = format!(
            "<!-- saved from url=(0010)https://mp.weixin.qq.com/s/x --><h1 id=\"activity-name\">标题</h1>\
             <div id=\"js_content\">{body}文字</div><script>var ct = {ct}</script>"
        );
        let doc = Html::parse_document(&raw);
        let chrome = Chrome::new(&WechatImport::default());
        let meta = parse::meta(&doc, &raw);
        prop_assert!(meta.is_ok());
        let blocks = shape::shape(clean::body(&doc, &chrome), &chrome);
        let md = markdown::write(&blocks, "https://mp.weixin.qq.com/s/x", &|h| h.to_string());
        for gone in ["style=", "class=", "data-", "<section", "<span", "<br"] {
            prop_assert!(!md.contains(gone), "{} in {}", gone, md);
        }
    }
}
