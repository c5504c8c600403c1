//! Rewrites scraped or extracted text into plain prose before it is split: the
//! one step of polysum that returns a new text rather than spans into the old one.
//!
//! Web pages and PDF extractions bring markup, tables of contents, letters spaced
//! one per line and sentences broken over lines. `normalize` removes that furniture
//! so that the segmenter sees sentences; it never rewrites words. Use it when the
//! text is not what a reader would see, and keep the original when spans into it
//! matter more.

/// The cleaned text of `text`:
///
/// - markup: character entities (`&amp;`, `&lt;`, `&#39;`, ...) decoded, then tags
///   removed (block tags such as `<p>`, `<div>`, `<h2>`, `<br>`, `<li>` end the
///   line; inline ones such as `<em>` vanish), and the inline formatting codes of
///   document converters ("{b^>1<b^}");
/// - dot leaders: a run of six or more full stops ending a line, with the page
///   number after it, is dropped ("Chapter 2 ........ 6"); elsewhere the run
///   becomes a space;
/// - borders: runs of ten or more slashes, bars, equals signs, tildes, pluses or
///   hashes are dropped;
/// - a line that starts with a full stop, question or exclamation mark continues
///   the line before ("for pricing\n." becomes "for pricing.");
/// - three or more lines in a row of one or two capital letters are one word
///   ("W\nA\nRN\nI\nNG" becomes "WARNING");
/// - a line ending in CJK text joins a next line that starts with CJK text,
///   without a space;
/// - backticks used as opening quotes become apostrophes; literal `\r` and `\n`
///   escapes are removed.
///
/// ```
/// let text = "<h2>Contents</h2>\nIntro.......... 5\n<p>We <em>won</em>. It was\n.</p>";
/// assert_eq!(polysum::text::normalize(text), "Contents\n\nIntro\n\nWe won. It was.\n");
/// ```
pub fn normalize(text: &str) -> String {
    let text = decode_entities(text);
    let text = strip_inline_codes(&text);
    let text = strip_tags(&text);
    let text = text.replace('`', "'");
    let text = remove_escaped_line_breaks(&text);
    let lines: Vec<String> = text.split(['\n', '\r']).map(clean_line).collect();
    join_lines(lines)
}

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let entity_end = rest[1..].find(';').map(|i| i + 1).filter(|&end| end <= 10);
        let decoded = entity_end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32)
                    .filter(|c| *c != '\0'),
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, length)) => {
                out.push(c);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes the inline formatting codes some document converters leave in text,
/// "{b^>1<b^}" (pySBD's cleaner removes the same codes).
fn strip_inline_codes(text: &str) -> String {
    if !text.contains("{b^>") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{b^>") {
        out.push_str(&rest[..at]);
        let code = &rest[at + 4..];
        let digits = code.len() - code.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if code[digits..].starts_with("<b^}") {
            rest = &code[digits + 4..];
        } else {
            out.push_str("{b^>");
            rest = code;
        }
    }
    out.push_str(rest);
    out
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "title",
    "dd",
    "dt",
];

/// Removes `<tag ...>` markup: a '<' followed by a letter, '/' or '!', up to the
/// next '>' on the same line.
fn strip_tags(text: &str) -> String {
    if !text.contains('<') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        // A tag name ends at a space, '/' or '>': "<b^}" or "<3" is text.
        let name_end = tag[1..]
            .trim_start_matches('/')
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == ':');
        let opens_tag = tag[1..].starts_with('!')
            || (tag[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/')
                && name_end.starts_with(|c: char| c.is_whitespace() || c == '/' || c == '>'));
        match tag.find(['>', '\n']).filter(|&end| opens_tag && tag.as_bytes()[end] == b'>') {
            Some(end) => {
                let name: String = tag[1..end]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .flat_map(|c| c.to_lowercase())
                    .collect();
                if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push('\n');
                }
                rest = &tag[end + 1..];
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Literal "\r" and "\n" escapes left in extracted text ("\ r \ n" too).
fn remove_escaped_line_breaks(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == '\\' {
            let rest = text[at + 1..].trim_start_matches(' ');
            if rest.starts_with(['r', 'n']) {
                let skip = text.len() - rest.len() + 1;
                while chars.peek().is_some_and(|&(i, _)| i < skip) {
                    chars.next();
                }
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// One line without dot leaders, separators and surrounding spaces.
fn clean_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        // Four dots are an ellipsis and a full stop ("that.... She"); longer runs
        // are leaders.
        if c == '.' && run >= 6 {
            let rest: String = chars[i + run..].iter().collect();
            let trailing = rest.trim();
            let page_number = trailing.chars().all(|d| d.is_ascii_digit() || d == '-' || d == '–' || d == '.');
            if page_number {
                break;
            }
            out.push(' ');
            i += run;
            continue;
        }
        // Borders drawn with slashes, bars or equals signs; underscores and dashes
        // stay (a line to sign on, a rule between parts).
        if run >= 10 && matches!(c, '/' | '\\' | '|' | '=' | '~' | '+' | '#') {
            i += run;
            continue;
        }
        out.extend(&chars[i..i + run]);
        i += run;
    }
    out.split([' ', '\t']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

fn join_lines(lines: Vec<String>) -> String {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        // Letters spaced one line each: "W", "A", "RN", "I", "NG".
        let spaced = |l: &String| (1..=2).contains(&l.chars().count()) && l.chars().all(|c| c.is_uppercase());
        let run = lines[i..].iter().take_while(|l| spaced(l)).count();
        if run >= 3 {
            out.push(lines[i..i + run].concat());
            i += run;
            continue;
        }
        // A line opening with a full stop finishes the last line of text; CJK text
        // broken inside a paragraph is joined without a space.
        let last_text = out.iter().rposition(|l| !l.is_empty());
        let same_paragraph = out.last().is_some_and(|l| !l.is_empty());
        let joins = match last_text {
            Some(last) => {
                line.starts_with(['.', '!', '?'])
                    || (same_paragraph
                        && out[last].chars().next_back().is_some_and(is_cjk)
                        && line.chars().next().is_some_and(is_cjk))
            }
            None => false,
        };
        match last_text {
            Some(last) if joins => out[last].push_str(line),
            _ => out.push(line.clone()),
        }
        i += 1;
    }
    let text = out.join("\n");
    let text = text.trim_matches('\n');
    if text.is_empty() {
        String::new()
    } else {
        format!("{text}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_removed_and_entities_decoded() {
        assert_eq!(normalize("<p>Fish &amp; chips. <em>Good</em>!</p>"), "Fish & chips. Good!\n");
        assert_eq!(normalize("a &lt;b&gt;bold&lt;/b&gt; word &#233;t&#xE9;"), "a bold word été\n");
        assert_eq!(normalize("3 < 4 and x<y"), "3 < 4 and x<y\n");
        assert_eq!(normalize("AT&T rose &"), "AT&T rose &\n");
        assert_eq!(normalize("I <3 it, x<b^}y and <br/>z<hr>w"), "I <3 it, x<b^}y and\nz\nw\n");
    }

    #[test]
    fn converter_formatting_codes_are_removed() {
        assert_eq!(normalize("Bold{b^>2<b^} text{b^&gt;12&lt;b^} ends."), "Bold text ends.\n");
        assert_eq!(normalize("Not a code {b^>x<b^} here."), "Not a code {b^>x<b^} here.\n");
    }

    #[test]
    fn dot_leaders_and_separators() {
        assert_eq!(normalize("Intro.......... 5\nChapter 2 ...... 16-17"), "Intro\nChapter 2\n");
        assert_eq!(normalize("Long dots........here."), "Long dots here.\n");
        assert_eq!(normalize("//////////////Title\n=============="), "Title\n");
        assert_eq!(
            normalize("It ended... I never meant that.... She left."),
            "It ended... I never meant that.... She left.\n"
        );
    }

    #[test]
    fn broken_lines_are_mended() {
        assert_eq!(normalize("Call us for pricing\n.\n\nMore"), "Call us for pricing.\n\nMore\n");
        assert_eq!(normalize("S\nT\nOP\n\nGo"), "STOP\n\nGo\n");
        assert_eq!(normalize("これは\nペンです。"), "これはペンです。\n");
        assert_eq!(normalize("Hi. \\ r \\ nBye."), "Hi. Bye.\n");
        assert_eq!(normalize("`Why?' he asked."), "'Why?' he asked.\n");
    }
}
