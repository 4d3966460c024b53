//! Images.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    ("images.error.read", "无法读取文件（{0}）", "cannot read the file ({0})"),
    (
        "images.error.decode",
        "无法识别这张图片，可能已损坏（{0}）",
        "cannot decode the image ({0})",
    ),
    (
        "images.error.too_large",
        "图片标明有 {0}×{1} 像素（{2} 百万像素），超过 images.max_megapixels（{3}）；为安全起见，未打开就拒绝了",
        "the image declares {0}×{1} pixels ({2} megapixels), more than images.max_megapixels ({3}); refused before decoding",
    ),
    (
        "images.error.encode",
        "无法生成压缩后的图片（{0}）",
        "cannot encode the image ({0})",
    ),
    (
        "images.error.cache",
        "无法写入图片缓存文件夹 {0}（检查磁盘空间和文件夹权限；删除 .kepu-cache/ 文件夹是安全的）",
        "cannot write the image cache {0} (check the free disk space and the folder's permissions; deleting .kepu-cache/ is safe)",
    ),
    ("images.failed", "图片 {0}：{1}", "image {0}: {1}"),
    (
        "images.failed.hint",
        "用看图软件打开它，另存为 JPEG 或 PNG，或者删掉它",
        "open it in an image viewer, save it again as JPEG or PNG, or remove it",
    ),
    (
        "images.heavy_file",
        "图片有 {0} MB，超过 20 MB",
        "image of {0} MB, more than 20 MB",
    ),
    (
        "images.heavy_file.hint",
        "从相机或手机导出小一些的图片；读者看图从来用不到超过 1600 像素宽",
        "export it smaller from the camera or phone; readers never need more than 1600 pixels",
    ),
    (
        "images.huge_side",
        "图片有 {0}×{1} 像素，有一边超过 12000 像素",
        "image of {0}×{1} pixels, more than 12,000 on a side",
    ),
    (
        "images.huge_side.hint",
        "先把图片缩小再放进来；读者看图从来用不到超过 1600 像素宽",
        "scale it down before adding it; readers never need more than 1600 pixels",
    ),
    (
        "images.heavy_page",
        "/{0}：这一页的图片在手机上共 {1} KB，超过 1 MB；最大的是 {2}（{3} KB）",
        "/{0}: its images weigh {1} KB on a phone, more than 1 MB; the largest is {2} ({3} KB)",
    ),
    (
        "images.heavy_page.hint",
        "这一页少放几张图，或者分成几篇",
        "use fewer pictures on this page, or split it",
    ),
    (
        "images.no_alt",
        "图片没有文字说明（替代文字）：{0}",
        "image without a description (alt text): {0}",
    ),
    (
        "images.no_alt.hint",
        "在方括号里写上图片的内容：![志愿者在仙龙村讲解防汛知识](photo.jpg)",
        "write what the picture shows between the brackets: ![志愿者在仙龙村讲解防汛知识](photo.jpg)",
    ),
    (
        "images.resize.failed",
        "resize_image(path=\"{0}\")：{1}",
        "resize_image(path=\"{0}\"): {1}",
    ),
    (
        "images.resize.unknown",
        "不是网站 static/ 或 content/ 里的 JPEG、PNG 或 WebP 图片",
        "not a JPEG, PNG or WebP file of the site's static/ or content/",
    ),
    ("images.resize.needs", "fit=\"{0}\" 还需要 {1}", "fit=\"{0}\" needs {1}"),
    (
        "images.resize.fit",
        "不认识的 fit \"{0}\"（可用 fit_width、fit_height、fit 或 fill）",
        "unknown fit \"{0}\" (fit_width, fit_height, fit or fill)",
    ),
    (
        "images.resize.format",
        "不认识的 format \"{0}\"（可用 auto、webp、jpg 或 png）",
        "unknown format \"{0}\" (auto, webp, jpg or png)",
    ),
];
