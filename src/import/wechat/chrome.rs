//! WeChat's chrome: what a page carries around the article that the site
//! must not. This is the one list; `import.wechat` in site.yaml adds to it.
//!
//! - Elements matching [`SELECTORS`] are dropped with everything inside.
//! - A short paragraph (at most [`PHRASE_LINE_MAX`] characters) containing
//!   one of [`PHRASES`] is dropped, and an image right beside it goes with
//!   it (the follow banner, the account's QR code).

use scraper::Selector;

use crate::config::WechatImport;

/// Elements of WeChat's page furniture inside or around `#js_content`.
pub const SELECTORS: &[&str] = &[
    // The account's profile card.
    "mp-common-profile",
    ".mp-common-profile",
    ".js_profile_card",
    "mpprofile",
    // The QR code box of the PC layout.
    "#js_pc_qr_code",
    ".qr_code_pc",
    ".qr_code_pc_outer",
    "#js_profile_qrcode",
    // Reading counts, likes, 在看, share and reward areas.
    "#js_read_area3",
    ".rich_media_tool",
    ".like_comment_wrp",
    "#js_toobar3",
    ".reward_area",
    "#js_reward_area",
    ".rich_media_extra",
    "#js_bottom_ad_area",
    "#js_sponsor_ad_area",
    ".mpda_bottom_container",
    // Tags and the album navigation under the article.
    "#js_tags",
    ".article-tag_list",
    ".album_read_nav",
    // Scripts and styles never carry text.
    "script",
    "style",
    "noscript",
];

/// Boilerplate lines of WeChat articles.
pub const PHRASES: &[&str] = &[
    "点击蓝字关注",
    "点击上方蓝字",
    "点击上方“",
    "关注我们",
    "长按识别二维码",
    "长按二维码",
    "识别二维码",
    "下方二维码",
    "二维码识别",
    "扫码关注",
    "扫描二维码",
    "微信扫一扫",
    "点个在看",
    "点亮在看",
    "分享、点赞、在看",
    "分享点赞在看",
    "点赞+在看",
    "点击“在看”",
    "喜欢就点",
    "阅读原文",
    "预览时标签不可点",
    "轻点两下取消",
];

/// The longest paragraph a phrase drops: longer ones are real text.
pub const PHRASE_LINE_MAX: usize = 40;

/// The built-in list plus what site.yaml adds, ready to use.
#[derive(Debug)]
pub struct Chrome {
    /// Parsed selectors.
    pub selectors: Vec<Selector>,
    /// Phrases.
    pub phrases: Vec<String>,
}

impl Chrome {
    /// The built-in list and `extra`'s additions (selectors that do not
    /// parse were refused when site.yaml was loaded, and are skipped).
    pub fn new(extra: &WechatImport) -> Self {
        let selectors = SELECTORS
            .iter()
            .copied()
            .chain(extra.drop_selectors.iter().map(String::as_str))
            .filter_map(|s| Selector::parse(s).ok())
            .collect();
        let phrases = PHRASES
            .iter()
            .map(|p| p.to_string())
            .chain(extra.drop_phrases.iter().filter(|p| !p.trim().is_empty()).cloned())
            .collect();
        Chrome { selectors, phrases }
    }

    /// Whether a paragraph of this plain text is boilerplate.
    pub fn is_boilerplate(&self, text: &str) -> bool {
        let t = text.trim();
        if t.chars().count() > PHRASE_LINE_MAX {
            return false;
        }
        let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        self.phrases.iter().any(|p| squeezed.contains(p.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_selector_parses() {
        for s in SELECTORS {
            assert!(Selector::parse(s).is_ok(), "{s}");
        }
    }

    #[test]
    fn short_lines_with_a_phrase_are_boilerplate_long_ones_are_not() {
        let c = Chrome::new(&WechatImport {
            drop_phrases: vec!["本期编辑".into()],
            drop_selectors: vec![],
        });
        assert!(c.is_boilerplate("点击蓝字 关注我们"));
        assert!(c.is_boilerplate("长按识别二维码"));
        assert!(c.is_boilerplate("本期编辑：张三"));
        assert!(!c.is_boilerplate("夏季高温，请注意防暑降温。"));
        let long =
            "科普员提醒：遇到可疑来电请挂断，长按识别二维码的做法要谨慎，不明链接不要点，陌生转账请求一定要先核实。";
        assert!(!c.is_boilerplate(long));
    }
}
