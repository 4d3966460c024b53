//! Front-matter slips, keys, types and terms.

/// (id, 中文, English).
pub(super) const MESSAGES: &[(&str, &str, &str)] = &[
    (
        "yaml.tab",
        "这一行用制表符（Tab）缩进，front matter 只认空格",
        "this line is indented with a tab; front matter needs spaces",
    ),
    (
        "yaml.tab.help",
        "把行首的制表符换成空格（每级两个空格）",
        "replace the tab at the start of the line with spaces (two per level)",
    ),
    (
        "yaml.colon",
        "键 '{0}' 后面是全角冒号“：”，应为半角冒号“:”",
        "the key '{0}' is followed by a full-width colon '：'; YAML needs the half-width ':'",
    ),
    (
        "yaml.colon.help",
        "把“：”改成半角的“: ”（冒号后加一个空格）：{0}: …",
        "write ': ' (half-width colon and a space): {0}: …",
    ),
    (
        "yaml.comma",
        "列表中用了全角逗号“，”，“{0}”会被当成一项；应为半角逗号“,”",
        "a full-width comma '，' in a list makes '{0}' one item; YAML needs the half-width ','",
    ),
    (
        "yaml.comma.help",
        "把“，”改成半角的“, ”：[{0}]",
        "write ', ' between the items: [{0}]",
    ),
    (
        "yaml.brackets",
        "'{0}' 是列表，应写在半角方括号“[ ]”里，不是“【】”",
        "'{0}' is a list: write it in half-width brackets '[ ]', not '【】'",
    ),
    ("yaml.brackets.help", "改成：{0}: [{1}]", "write: {0}: [{1}]"),
    (
        "yaml.quotes",
        "'{0}' 的值用了全角引号“”，引号会成为文字的一部分；需要引号时用半角的 \"\"",
        "the value of '{0}' is wrapped in full-width quotes “”, which become part of the text; use half-width \"\" when quotes are needed",
    ),
    (
        "yaml.quotes.help",
        "改成：{0}: \"{1}\"，或去掉引号",
        "write: {0}: \"{1}\", or drop the quotes",
    ),
    ("key.unknown", "不认识的键 '{0}'", "unknown key '{0}'"),
    ("key.unknown_in", "{0} 里没有 '{1}' 这个键", "'{1}' is not a key of {0}"),
    ("key.unknown_in.help", "{0} 可用的键：{1}", "the keys of {0}: {1}"),
    (
        "key.unknown.suggest",
        "是不是 '{0}'？{1}可用的键：{2}",
        "did you mean '{0}'? Keys of this kind of page ({1}): {2}",
    ),
    (
        "key.unknown.list",
        "{0}可用的键：{1}",
        "keys of this kind of page ({0}): {1}",
    ),
    ("type.text", "{0} 应为一行文字", "{0} should be one line of text"),
    (
        "type.list",
        "{0} 应为列表，如 [甲, 乙]",
        "{0} should be a list, like [a, b]",
    ),
    (
        "type.list.help",
        "列表写在方括号里，各项用半角逗号隔开：{0}",
        "write a list in square brackets, its items parted by commas: {0}",
    ),
    ("type.number", "{0} 应为数字", "{0} should be a number"),
    ("type.yesno", "{0} 应为 true 或 false", "{0} should be true or false"),
    (
        "type.map",
        "{0} 应为若干“键: 值”",
        "{0} should be a set of 'key: value' lines",
    ),
    (
        "type.help",
        "检查 '---' 之间的 front matter",
        "check the front matter between the '---' lines",
    ),
    (
        "term.same_address",
        "{0} '{1}' 和 '{2}' 的拼音相同，会共用地址 /{0}/{3}/：'{1}' 改发布在 /{0}/{4}/",
        "{0} '{1}' and '{2}' would share the address /{0}/{3}/: '{1}' is published at /{0}/{4}/",
    ),
    (
        "term.same_address.help",
        "如果两者是同一个词，请写成同样的字",
        "if they are the same term, write them the same way",
    ),
];
