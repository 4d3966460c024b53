//! Images for phones: resized, upright, stripped of metadata, cached.

use crate::support::common;
use crate::support::images_support;
use crate::support::serve_support;

use common::{NOW, SiteTest};
use images_support::*;

fn read_out(t: &SiteTest, rel: &str) -> Vec<u8> {
    let p = t.path().join("public").join(rel);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn build(t: &SiteTest) -> kepu::BuildReport {
    let opts = kepu::BuildOptions {
        root: t.path().to_path_buf(),
        now: Some(NOW.parse().expect("now")),
        ..Default::default()
    };
    match kepu::build(&opts) {
        Ok(r) => r,
        Err(kepu::Error::Site(d)) => panic!("build failed: {d:?}"),
        Err(e) => panic!("build failed: {e}"),
    }
}

/// A bundle with a rotated GPS photo, a transparent PNG and an animated GIF.
fn photo_site() -> SiteTest {
    let t = SiteTest::new();
    t.page(
        "articles/trip/index.md",
        "title: 仙龙村科普行\ndate: 2026-11-01",
        "![志愿者讲解](photo.jpg)\n\n![图标](logo.png)\n\n![动图](anim.gif)\n",
    );
    t.write_bytes("content/articles/trip/photo.jpg", &jpeg_with_gps(1000, 600));
    t.write_bytes("content/articles/trip/logo.png", &png_rgba(900, 300));
    t.write_bytes("content/articles/trip/anim.gif", &animated_gif());
    t
}

#[test]
fn the_fixture_photo_carries_gps_and_orientation() {
    let j = jpeg_with_gps(100, 60);
    assert!(jpeg_app_markers(&j).contains(&0xE1));
    let mut dec = image::ImageReader::new(std::io::Cursor::new(&j))
        .with_guessed_format()
        .expect("format")
        .into_decoder()
        .expect("decoder");
    use image::ImageDecoder;
    assert_eq!(
        dec.orientation().expect("orientation"),
        image::metadata::Orientation::Rotate90
    );
}

#[test]
fn photos_are_published_upright_resized_and_without_metadata() {
    let t = photo_site();
    let report = build(&t);
    assert_eq!(report.images.images, 2, "jpg and png processed, gif passed through");
    // The original with its GPS position is not published.
    assert!(!t.exists("articles/trip/photo.jpg"));
    assert!(!t.exists("articles/trip/logo.png"));
    // Upright: 1000×600 with Orientation=6 is a 600×1000 portrait.
    for (rel, w, h) in [
        ("articles/trip/photo-480.jpg", 480, 800),
        ("articles/trip/photo-480.webp", 480, 800),
        ("articles/trip/photo-600.jpg", 600, 1000),
        ("articles/trip/photo-600.webp", 600, 1000),
    ] {
        let bytes = read_out(&t, rel);
        assert_eq!(dims(&bytes), (w, h), "{rel}");
        match rel.ends_with(".jpg") {
            true => assert_eq!(jpeg_app_markers(&bytes), [0xE0], "{rel}: only the JFIF header"),
            false => {
                let chunks = webp_chunks(&bytes);
                assert!(!chunks.iter().any(|c| c == "EXIF" || c == "XMP "), "{rel}: {chunks:?}");
            }
        }
    }
    assert!(!t.exists("articles/trip/photo-800.jpg"), "never upscaled");
    // Transparency keeps a PNG fallback, with no text or EXIF chunks.
    let png = read_out(&t, "articles/trip/logo-800.png");
    assert_eq!(dims(&png), (800, 267));
    let chunks = png_chunks(&png);
    assert!(
        chunks.iter().all(|c| ["IHDR", "IDAT", "IEND"].contains(&c.as_str())),
        "{chunks:?}"
    );
    // The GIF is copied as it is, both frames.
    assert_eq!(read_out(&t, "articles/trip/anim.gif"), animated_gif());

    let html = t.read("articles/trip/index.html");
    assert!(
        html.contains("<picture><source type=\"image/webp\" srcset=\"/articles/trip/photo-480.webp 480w, /articles/trip/photo-600.webp 600w\" sizes=\"(min-width: 48rem) 46rem, 100vw\">"),
        "{html}"
    );
    assert!(html.contains("<img alt=\"志愿者讲解\" src=\"/articles/trip/photo-600.jpg\" srcset=\"/articles/trip/photo-480.jpg 480w, /articles/trip/photo-600.jpg 600w\" sizes=\"(min-width: 48rem) 46rem, 100vw\" width=\"600\" height=\"1000\" decoding=\"async\"></picture>"), "{html}");
    // Every image after the first is lazy.
    assert!(html.contains("src=\"/articles/trip/logo-800.png\""), "{html}");
    assert!(
        html.contains("width=\"800\" height=\"267\" decoding=\"async\" loading=\"lazy\"></picture>"),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"anim.gif\" alt=\"动图\" decoding=\"async\" loading=\"lazy\">"),
        "{html}"
    );
    assert_eq!(html.matches("loading=\"lazy\"").count(), 2);
}

#[test]
fn a_second_build_decodes_nothing_and_the_cache_may_be_deleted() {
    let t = photo_site();
    assert_eq!(build(&t).images.decoded, 2);
    let first = read_out(&t, "articles/trip/photo-480.webp");
    let again = build(&t);
    assert_eq!((again.images.images, again.images.decoded), (2, 0));
    assert_eq!(read_out(&t, "articles/trip/photo-480.webp"), first);
    // A changed photo is decoded again, the other one is not.
    t.write_bytes("content/articles/trip/photo.jpg", &jpeg_with_gps(1000, 640));
    assert_eq!(build(&t).images.decoded, 1);
    std::fs::remove_dir_all(t.path().join(".kepu-cache")).expect("rm cache");
    assert_eq!(build(&t).images.decoded, 2);
    assert_eq!(dims(&read_out(&t, "articles/trip/photo-480.webp")), (480, 750));
    let err = t.build_ok();
    assert!(err.contains("Images: 2 (0 processed, 2 from .kepu-cache/)"), "{err}");
}

#[test]
fn the_phone_rendition_of_a_phone_photo_is_small() {
    let t = SiteTest::new();
    t.page("articles/big/index.md", "title: 大照片", "![仙龙村科普站](photo.jpg)\n");
    let photo = jpeg(4032, 3024);
    assert!(photo.len() > 1_000_000, "a photo-like source: {} bytes", photo.len());
    t.write_bytes("content/articles/big/photo.jpg", &photo);
    build(&t);
    for ext in ["webp", "jpg"] {
        let phone = read_out(&t, &format!("articles/big/photo-480.{ext}"));
        assert!(phone.len() < 200 * 1024, "{ext}: {} bytes", phone.len());
        assert_eq!(dims(&phone), (480, 360));
    }
    assert_eq!(dims(&read_out(&t, "articles/big/photo-1600.webp")), (1600, 1200));
    assert!(!t.exists("articles/big/photo-2000.webp") && !t.exists("articles/big/photo.jpg"));
}

#[test]
fn originals_are_published_stripped_when_asked() {
    let t = photo_site();
    t.write(
        "site.yaml",
        &format!(
            "{}images: {{ publish_originals: true, widths: [300] }}\n",
            common::SITE_YAML
        ),
    );
    build(&t);
    let original = read_out(&t, "articles/trip/photo.jpg");
    assert_eq!(dims(&original), (600, 1000));
    assert_eq!(jpeg_app_markers(&original), [0xE0]);
    assert_eq!(dims(&read_out(&t, "articles/trip/photo-300.jpg")), (300, 500));
    let html = t.read("articles/trip/index.html");
    assert!(
        html.contains("srcset=\"/articles/trip/photo-300.jpg 300w, /articles/trip/photo-600.jpg 600w\""),
        "{html}"
    );
}

#[test]
fn broken_images_and_bombs_fail_the_build_by_name_and_keep_the_last_site() {
    let t = photo_site();
    t.build_ok();
    let good = t.read("articles/trip/index.html");
    t.page("articles/bad/index.md", "title: 坏图", "![坏的](broken.jpg)\n");
    t.write_bytes("content/articles/bad/broken.jpg", &corrupt_jpeg());
    t.write_bytes("static/img/bomb.png", &bomb_png(30000, 30000));
    t.page("articles/boom.md", "title: 炸弹", "![炸弹](/img/bomb.png)\n");
    let err = t.build_err();
    assert!(err.contains("content/articles/bad/index.md"), "{err}");
    assert!(
        err.contains("image content/articles/bad/broken.jpg: cannot decode the image"),
        "{err}"
    );
    assert!(err.contains("content/articles/boom.md"), "{err}");
    assert!(
        err.contains("image static/img/bomb.png: the image declares 30000×30000 pixels (900 megapixels), more than images.max_megapixels (100); refused before decoding"),
        "{err}"
    );
    assert_eq!(t.read("articles/trip/index.html"), good);
    assert!(!t.exists("articles/bad/index.html"));
}

#[test]
fn missing_alt_and_heavy_pages_are_warnings() {
    let t = SiteTest::new();
    let mut body = String::from("开头\n\n![](a.jpg)\n");
    for i in 0..12 {
        body.push_str(&format!("\n![照片{i}](p{i}.jpg)\n"));
        t.write_bytes(
            &format!("content/articles/many/p{i}.jpg"),
            &jpeg_noise(480 + i, 480, 127),
        );
    }
    t.write_bytes("content/articles/many/a.jpg", &jpeg(64, 48));
    t.page("articles/many/index.md", "title: 很多照片", &body);
    let err = t.build_ok();
    assert!(
        err.contains("content/articles/many/index.md:6:1")
            && err.contains("image without a description (alt text): a.jpg"),
        "{err}"
    );
    assert!(err.contains("its images weigh"), "{err}");
    assert!(err.contains("more than 1 MB; the largest is articles/many/p"), "{err}");
}

#[test]
fn templates_resize_covers_and_share_a_1200_wide_og_image() {
    let t = SiteTest::new();
    t.write(
        "themes/default/templates/page.html",
        "<head>{% if page.cover %}<meta property=\"og:image\" content=\"https://kepu.example.org{{ page.cover }}\">{% endif %}</head>{% set s = resize_image(path=page.cover, width=200, height=200, fit=\"fill\", format=\"webp\") %}<img class=\"card\" src=\"{{ s.url }}\" width=\"{{ s.width }}\" height=\"{{ s.height }}\" alt=\"\">{{ page.content | safe }}",
    );
    t.page("articles/c/index.md", "title: 封面\ncover: cover.jpg", "正文\n");
    t.write_bytes("content/articles/c/cover.jpg", &jpeg(2000, 1000));
    let report = build(&t);
    let html = t.read("articles/c/index.html");
    assert!(html.contains("<meta property=\"og:image\" content=\"https://kepu.example.org/articles/c/cover-1200.jpg\"><meta property=\"og:image:width\" content=\"1200\"><meta property=\"og:image:height\" content=\"600\">"), "{html}");
    assert!(html.contains("<img class=\"card\" src=\"/articles/c/cover-200x200-fill.webp\" width=\"200\" height=\"200\" alt=\"\" decoding=\"async\">"), "{html}");
    assert_eq!(dims(&read_out(&t, "articles/c/cover-200x200-fill.webp")), (200, 200));
    assert_eq!(
        report.images.decoded, 2,
        "once for the renditions, once for the template's size"
    );
    assert_eq!(build(&t).images.decoded, 0);
}

#[test]
fn the_default_theme_shows_small_cards_a_shared_image_and_a_print_poster() {
    let t = SiteTest::with_real_theme();
    t.page(
        "articles/heat/index.md",
        "title: 防暑降温\ndate: 2026-11-01\ncover: cover.jpg",
        "高温天气注意防暑。\n",
    );
    t.write_bytes("content/articles/heat/cover.jpg", &jpeg_with_gps(2400, 1800));
    t.page(
        "boards/park.md",
        "title: 公园画廊\nboard_kind: gallery\nplace: park\ntown: xianlong\ncommunity: 仙龙村\nshowing:\n  - { page: \"@/articles/heat/index.md\", from: 2026-11-10 }",
        "在公园里。\n",
    );
    t.build_ok();
    let page = t.read("articles/heat/index.html");
    assert!(
        page.contains("<meta property=\"og:image\" content=\"https://kepu.example.org/articles/heat/cover-1200.jpg\"><meta property=\"og:image:width\" content=\"1200\"><meta property=\"og:image:height\" content=\"1600\">"),
        "{page}"
    );
    // The cover is the first image of the page: not lazy.
    assert!(page.contains("src=\"/articles/heat/cover-800.jpg\""), "{page}");
    let cover = page.split("<figure class=\"cover\">").nth(1).expect("cover figure");
    assert!(
        !cover[..cover.find("</figure>").expect("end")].contains("loading="),
        "{cover}"
    );
    // List cards ask for an 8em picture: the 480 rendition serves it.
    let list = t.read("articles/index.html");
    assert!(
        list.contains("<source type=\"image/webp\" srcset=\"/articles/heat/cover-480.webp 480w, /articles/heat/cover-800.webp 800w, /articles/heat/cover-1200.webp 1200w, /articles/heat/cover-1600.webp 1600w\" sizes=\"8em\">"),
        "{list}"
    );
    // The poster prints the 1200-wide rendition (300 dpi at 100 mm), eagerly.
    let poster = t.read("boards/park/poster/index.html");
    assert!(
        poster.contains("<img class=\"poster__cover\" alt=\"\" src=\"/articles/heat/cover-1200.jpg\" width=\"1200\" height=\"1600\" decoding=\"async\">"),
        "{poster}"
    );
    // Feeds point at processed files, never at the original.
    for f in ["atom.xml", "rss.xml", "sitemap.xml"] {
        assert!(!t.read(f).contains("cover.jpg"), "{f}");
    }
    assert!(!t.exists("articles/heat/cover.jpg"));
}

#[test]
fn serve_shows_the_originals_until_the_renditions_are_made_then_reloads() {
    let t = photo_site();
    t.write_bytes("content/articles/trip/photo.jpg", &jpeg_with_gps(4032, 3024));
    let s = serve_support::Server::start(t.path(), &[]);
    let wait = std::time::Duration::from_secs(120);
    assert!(s.wait_log("Making 2 images in the background", 1, wait), "{}", s.log());
    let mut live = s.live();
    let early = s.text("/articles/trip/");
    if !early.contains("photo-480") {
        // Not ready yet: the page shows the original, then reloads.
        assert!(early.contains("<img src=\"photo.jpg\""), "{early}");
        assert!(live.wait("reload", wait).is_some(), "{}", s.log());
    }
    assert!(s.wait_log("Made 2 images", 1, wait), "{}", s.log());
    let html = s.text("/articles/trip/");
    assert!(html.contains("srcset=\"/articles/trip/photo-480.webp 480w"), "{html}");
    let r = s.get("/articles/trip/photo-480.webp");
    assert_eq!((r.status, r.header("content-type")), (200, Some("image/webp")));
    drop(s);
    // A second start finds everything in the cache: no background work.
    let again = serve_support::Server::start(t.path(), &[]);
    assert!(again.text("/articles/trip/").contains("photo-480.webp"));
    assert!(!again.log().contains("Making"), "{}", again.log());
}

#[test]
fn image_settings_are_checked_at_their_line() {
    let t = photo_site();
    t.write(
        "site.yaml",
        &format!("{}images:\n  widths: [0, 800]\n  quality: 180\n", common::SITE_YAML),
    );
    let err = t.build_err();
    assert!(
        err.contains("site.yaml:8:3: images.widths [0, 800]: each width must be from 16 to 8192 pixels"),
        "{err}"
    );
    assert!(
        err.contains("site.yaml:9:3: images.quality 180 is not from 1 to 100"),
        "{err}"
    );
    t.write(
        "site.yaml",
        &format!("{}images: {{ widht: [480] }}\n", common::SITE_YAML),
    );
    assert!(t.build_err().contains("widht"));
}
