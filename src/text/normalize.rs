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
/// - markup: `<script>` and `<style>` elements dropped with their content; character
///   entities decoded (every named entity of HTML5, `&eacute;`, `&mdash;`, ..., and
///   numeric ones, `&#39;`, `&#x2019;`; `&nbsp;` becomes a space), then tags
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
/// - backticks used as opening quotes become apostrophes;
/// - in a text written out with escapes, literal `\n` and `\r` ("\ r \ n" too) are
///   the line breaks they stand for. A text is so written when one of them stands
///   before a space, another backslash or the end; a lone `\n` before a letter is
///   left alone, and so is every backslash of a Windows path ("C:\new\reports").
///
/// Every step takes time linear in the length of the text.
///
/// ```
/// let text = "<h2>Contents</h2>\nIntro.......... 5\n<p>We <em>won</em>. It was\n.</p>";
/// assert_eq!(polysum::text::normalize(text), "Contents\n\nIntro\n\nWe won. It was.\n");
/// ```
pub fn normalize(text: &str) -> String {
    let text = drop_scripts_and_styles(text);
    let text = decode_entities(&text);
    let text = strip_inline_codes(&text);
    let text = strip_tags(&text);
    let text = text.replace('`', "'");
    let text = read_escaped_line_breaks(&text);
    let lines: Vec<String> = text.split(['\n', '\r']).map(clean_line).collect();
    join_lines(lines)
}

/// Decodes character entities with the full HTML5 table (html-escape's): only
/// complete references ("&amp;", not "&amp"), so "AT&T" stays as it is. A no-break
/// space written as an entity ("&nbsp;") becomes a space; one typed as a character
/// stays.
fn decode_entities(text: &str) -> String {
    // The longest reference, "&CounterClockwiseContourIntegral;", is 33 bytes.
    const LONGEST: usize = 40;
    if !text.contains('&') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'&', &bytes[at..]) {
        let start = at + found;
        at = start + 1;
        let window = &bytes[at..bytes.len().min(at + LONGEST)];
        let Some(length) = window.iter().position(|&b| b == b';' || b == b'&' || b.is_ascii_whitespace()) else {
            continue;
        };
        if window[length] != b';' {
            continue;
        }
        let reference = &text[start..at + length + 1];
        let decoded = html_escape::decode_html_entities(reference);
        if decoded == reference {
            continue;
        }
        out.push_str(&text[copied..start]);
        out.push_str(&decoded.replace('\u{a0}', " "));
        copied = at + length + 1;
        at = copied;
    }
    out.push_str(&text[copied..]);
    out
}

/// Removes `<script>` and `<style>` elements, content and all, in any letter case.
/// Without a closing tag the opening tag is left to `strip_tags`: prose that mentions
/// "<script>" loses no more than the tag.
fn drop_scripts_and_styles(text: &str) -> String {
    const ELEMENTS: [&[u8]; 2] = [b"script", b"style"];
    let bytes = text.as_bytes();
    // Whether a search for an element's closing tag has failed: one would fail again.
    let mut unclosed = [false; 2];
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let open = at + found;
        at = open + 1;
        let name_end = |name: &[u8], from: usize| {
            let end = from + name.len();
            let named = bytes.get(from..end).is_some_and(|n| n.eq_ignore_ascii_case(name));
            let ends = bytes.get(end).is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'));
            (named && ends).then_some(end)
        };
        let Some((kind, content)) =
            ELEMENTS.iter().enumerate().find_map(|(kind, name)| Some((kind, name_end(name, open + 1)?)))
        else {
            continue;
        };
        if unclosed[kind] {
            continue;
        }
        let mut search = content;
        let close = loop {
            match memchr::memmem::find(&bytes[search..], b"</") {
                Some(i) => match name_end(ELEMENTS[kind], search + i + 2) {
                    Some(end) => break Some(end),
                    None => search += i + 2,
                },
                None => break None,
            }
        };
        let Some(mut end) = close else {
            unclosed[kind] = true;
            continue;
        };
        end += bytes[end..].iter().take_while(|b| b.is_ascii_whitespace()).count();
        if bytes.get(end) == Some(&b'>') {
            end += 1;
        }
        out.push_str(&text[copied..open]);
        copied = end;
        at = end;
    }
    if copied == 0 {
        return text.to_owned();
    }
    out.push_str(&text[copied..]);
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
    // Where the last search for a tag's '>' met a line break or the end of the text
    // first, as a length of `rest`: every '<' before it would fail the same way.
    let mut dead_end = usize::MAX;
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
        let end = if opens_tag && tag.len() <= dead_end {
            match tag.find(['>', '\n']) {
                Some(end) if tag.as_bytes()[end] == b'>' => Some(end),
                Some(end) => {
                    dead_end = tag.len() - end;
                    None
                }
                None => {
                    dead_end = 0;
                    None
                }
            }
        } else {
            None
        };
        match end {
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

/// Literal "\n" and "\r" escapes ("\ r \ n" too, as some extractors leave them) read
/// as the line breaks they stand for, where the text is plainly written out with
/// escapes: one of them stands before a space, another backslash or the end. Never
/// inside a Windows path ("C:\new\reports", "\\server\new", ".\reports"), and never
/// after an escaped backslash ("\\n" is a backslash and an n).
fn read_escaped_line_breaks(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    // (backslash, end, the line break) of every escape outside a path.
    let mut escapes: Vec<(usize, usize, char)> = Vec::new();
    let mut plainly_escaped = false;
    // The whitespace-delimited word last looked at, and whether it is a path.
    let mut word = (0, 0, false);
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\\', &bytes[at..]) {
        let run = bytes[at + found..].iter().take_while(|&&b| b == b'\\').count();
        at += found + run;
        if run % 2 == 0 {
            continue;
        }
        let backslash = at - 1;
        let letter_at = at + bytes[at..].iter().take_while(|&&b| b == b' ').count();
        let line_break = match bytes.get(letter_at) {
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            _ => continue,
        };
        if backslash >= word.1 {
            let start = bytes[..backslash].iter().rposition(u8::is_ascii_whitespace).map_or(0, |i| i + 1);
            let end =
                bytes[backslash..].iter().position(u8::is_ascii_whitespace).map_or(bytes.len(), |i| backslash + i);
            word = (start, end, is_path(&bytes[start..end]));
        }
        if word.2 {
            continue;
        }
        let next = bytes.get(letter_at + 1);
        plainly_escaped |= next.is_none_or(|&b| b.is_ascii_whitespace() || b == b'\\');
        escapes.push((backslash, letter_at + 1, line_break));
    }
    if !plainly_escaped {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end, line_break) in escapes {
        out.push_str(&text[copied..start]);
        out.push(line_break);
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// Whether a word is a Windows path: it has a drive ("C:\", "(D:\"), or starts as a
/// network path ("\\server") or a relative one (".\", "..\").
fn is_path(word: &[u8]) -> bool {
    word.starts_with(b"\\\\")
        || word.starts_with(b".\\")
        || word.starts_with(b"..\\")
        || word.windows(3).any(|w| w[0].is_ascii_alphabetic() && w[1] == b':' && w[2] == b'\\')
}

/// One line without dot leaders, separators and surrounding spaces.
fn clean_line(line: &str) -> String {
    if line.trim().is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line.chars().collect();
    // A page number after a leader: what follows it, spaces aside, is only digits,
    // dashes and full stops. Where that tail starts (`tail`) is found once, from the
    // end, so that each leader checks it in the length of its own gap.
    let page_mark = |d: char| d.is_ascii_digit() || d == '-' || d == '–' || d == '.';
    let text_end = chars.len() - chars.iter().rev().take_while(|d| d.is_whitespace()).count();
    let tail = text_end - chars[..text_end].iter().rev().take_while(|&&d| page_mark(d)).count();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let run = chars[i..].iter().take_while(|&&d| d == c).count();
        // Four dots are an ellipsis and a full stop ("that.... She"); longer runs
        // are leaders.
        if c == '.' && run >= 6 {
            let gap = chars[i + run..].iter().take_while(|d| d.is_whitespace()).count();
            if i + run + gap >= tail {
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
    // The index in `out` of its last line of text, kept as lines are added: looking
    // it up each time would walk back over every blank line.
    let mut last_text: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        // Letters spaced one line each: "W", "A", "RN", "I", "NG".
        let spaced = |l: &String| (1..=2).contains(&l.chars().count()) && l.chars().all(|c| c.is_uppercase());
        let run = lines[i..].iter().take_while(|l| spaced(l)).count();
        if run >= 3 {
            out.push(lines[i..i + run].concat());
            last_text = Some(out.len() - 1);
            i += run;
            continue;
        }
        // A line opening with a full stop finishes the last line of text; CJK text
        // broken inside a paragraph is joined without a space.
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
            _ => {
                out.push(line.clone());
                if !line.is_empty() {
                    last_text = Some(out.len() - 1);
                }
            }
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
        assert_eq!(normalize("Hi. \\ r \\ nBye."), "Hi.\n\nBye.\n");
        assert_eq!(normalize("`Why?' he asked."), "'Why?' he asked.\n");
    }

    #[test]
    fn every_html5_entity_is_decoded() {
        assert_eq!(
            normalize("Caf&eacute; &mdash; it&rsquo;s&nbsp;&laquo;bon&raquo;&hellip; &#8217;&#x2014;&euro;5"),
            "Café — it’s «bon»… ’—€5\n"
        );
        // A no-break space typed as a character stays one.
        assert_eq!(normalize("«\u{a0}bon\u{a0}» &#160;&NonBreakingSpace;x"), "«\u{a0}bon\u{a0}» x\n");
        // Only complete references: no semicolon, no entity; unknown names stay.
        assert_eq!(normalize("R&D &amp Q&A &notanentity; &#0; &#xZZ;"), "R&D &amp Q&A &notanentity; &#0; &#xZZ;\n");
    }

    #[test]
    fn scripts_and_styles_go_with_their_content() {
        assert_eq!(
            normalize("<p>Before.</p><SCRIPT type=\"text/javascript\">var a = 1 < 2;\ndocument.write('x');</Script >After.<style>p { color: red }</STYLE>"),
            "Before.\nAfter.\n"
        );
        assert_eq!(normalize("One<script src=\"a.js\"/></script> two."), "One two.\n");
        // Without a closing tag only the tag goes; "<scripts" is not a script.
        assert_eq!(normalize("Use a <script> tag, not <scripts> here."), "Use a tag, not here.\n");
        assert_eq!(normalize("x <style>y\nz"), "x y\nz\n");
    }

    #[test]
    fn escaped_line_breaks_but_never_a_windows_path() {
        assert_eq!(normalize(r"Saved to C:\new\reports today."), "Saved to C:\\new\\reports today.\n");
        assert_eq!(normalize(r"Saved to C:\new\reports.\n\nNext."), "Saved to C:\\new\\reports.\\n\\nNext.\n");
        assert_eq!(normalize(r"Open \\server\new or .\reports now."), "Open \\\\server\\new or .\\reports now.\n");
        // One "\n" before a letter in plain text is no proof of escapes.
        assert_eq!(normalize(r"In TeX, \newline breaks a line."), "In TeX, \\newline breaks a line.\n");
        // Written out with escapes: every one is read, path aside.
        assert_eq!(normalize(r"First.\nSecond.\n"), "First.\nSecond.\n");
        assert_eq!(
            normalize(r"Title\r\nBody text, see C:\new.\r\nEnd."),
            "Title\n\nBody text, see C:\\new.\\r\\nEnd.\n"
        );
        assert_eq!(normalize(r"Title\r\nSee C:\new, then\r\nEnd."), "Title\n\nSee C:\\new, then\n\nEnd.\n");
        // An escaped backslash before n is a backslash and an n.
        assert_eq!(normalize(r"a\\nb and c\n"), "a\\\\nb and c\n");
    }
}
