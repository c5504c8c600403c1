//! The notebook view of a summary (`Summary._repr_html_`), readable in light and
//! dark themes alike.
//!
//! Every text colour is set together with its background, so no theme can leave
//! light text on a light background: the card has its own background and text
//! colour, switched to a dark pair when the notebook says it is dark (JupyterLab's
//! `data-jp-theme-light="false"`, VS Code's `vscode-dark` and high-contrast
//! classes, or the system's `prefers-color-scheme`). Sources are told apart by
//! the Okabe–Ito palette, chosen to stay distinct under the common colour-vision
//! deficiencies (Okabe & Ito 2008), on a bar beside each sentence and on a tag that
//! names the document and shows the score. Each tag's text is black or white,
//! whichever contrasts more with its colour; tests/python/test_notebook.py checks
//! every pair against WCAG's 4.5:1.

/// Okabe–Ito's colours but black, which is the text colour.
const SOURCE_COLOURS: [&str; 7] = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];

/// Card text, muted text, background and border: light, then dark.
const LIGHT: Theme = Theme { text: "#1f2328", muted: "#57606a", background: "#ffffff", border: "#d0d7de" };
const DARK: Theme = Theme { text: "#e6edf3", muted: "#9da7b3", background: "#0d1117", border: "#30363d" };

struct Theme {
    text: &'static str,
    muted: &'static str,
    background: &'static str,
    border: &'static str,
}

impl Theme {
    fn variables(&self) -> String {
        format!(
            "--ps-text:{};--ps-muted:{};--ps-background:{};--ps-border:{}",
            self.text, self.muted, self.background, self.border
        )
    }
}

/// One sentence as the view shows it.
pub(crate) struct ViewSentence<'a> {
    pub(crate) doc: usize,
    pub(crate) doc_id: String,
    pub(crate) index: usize,
    pub(crate) score: f64,
    /// Relevance to the query, shown when the summary answers one.
    pub(crate) relevance: Option<f64>,
    pub(crate) text: &'a str,
}

/// What the header says.
pub(crate) struct ViewHeader<'a> {
    pub(crate) method: &'a str,
    pub(crate) documents: usize,
    pub(crate) words: usize,
    pub(crate) query: Option<&'a str>,
    pub(crate) notes: &'a [String],
}

/// The card: a header (method, sentence and word counts, documents, the query if
/// any), then one line per sentence with its source's colour, its document id,
/// its index there and its score.
pub(crate) fn summary_card(header: &ViewHeader<'_>, sentences: &[ViewSentence<'_>]) -> String {
    let mut html = String::with_capacity(1024 + sentences.iter().map(|s| s.text.len() + 200).sum::<usize>());
    html.push_str("<div class=\"polysum-summary\"><style>");
    html.push_str(&style());
    html.push_str("</style>");
    html.push_str(&format!(
        "<div class=\"ps-head\">polysum · {} · {} sentence{} · {} word{} · from {} document{}</div>",
        escape(header.method),
        sentences.len(),
        plural(sentences.len()),
        header.words,
        plural(header.words),
        header.documents,
        plural(header.documents),
    ));
    if let Some(query) = header.query {
        html.push_str(&format!("<div class=\"ps-query\"><b>Query:</b> {}</div>", escape(query)));
    }
    for note in header.notes {
        html.push_str(&format!("<div class=\"ps-head\">{}</div>", escape(note)));
    }
    for s in sentences {
        let colour = SOURCE_COLOURS[s.doc % SOURCE_COLOURS.len()];
        let relevance = s.relevance.map(|r| format!(" · relevance {r:.2}")).unwrap_or_default();
        html.push_str(&format!(
            "<div class=\"ps-s\" style=\"border-left-color:{colour}\"><span class=\"ps-tag\" \
             style=\"background:{colour};color:{}\">{} #{} · {:.3}{relevance}</span> {}</div>",
            tag_text_colour(colour),
            escape(&s.doc_id),
            s.index,
            s.score,
            escape(s.text)
        ));
    }
    html.push_str("</div>");
    html
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The card's style: light by default, dark where the notebook or system is dark.
fn style() -> String {
    let card = ".polysum-summary";
    let dark_notebooks = [
        "body[data-jp-theme-light=\"false\"]",
        "body.vscode-dark",
        "body.vscode-high-contrast:not(.vscode-high-contrast-light)",
        "html[data-theme=\"dark\"]",
    ];
    let light_notebooks = ["body[data-jp-theme-light=\"true\"]", "body.vscode-light"];
    let dark_selector: Vec<String> = dark_notebooks.iter().map(|n| format!("{n} {card}")).collect();
    let light_selector: Vec<String> = light_notebooks.iter().map(|n| format!("{n} {card}")).collect();
    format!(
        "{card}{{{light};color:var(--ps-text);background:var(--ps-background);border:1px solid var(--ps-border);\
         border-radius:6px;padding:8px 12px;line-height:1.55;max-width:60em}}\
         @media (prefers-color-scheme: dark){{{card}{{{dark}}}}}\
         {dark_selector}{{{dark}}}\
         {light_selector}{{{light}}}\
         {card} .ps-head{{color:var(--ps-muted);background:var(--ps-background);font-size:0.85em;margin-bottom:4px}}\
         {card} .ps-query{{color:var(--ps-text);background:var(--ps-background);margin-bottom:4px}}\
         {card} .ps-s{{color:var(--ps-text);background:var(--ps-background);border-left:4px solid;\
         padding-left:8px;margin:4px 0}}\
         {card} .ps-tag{{border-radius:3px;padding:0 4px;font-size:0.8em;white-space:nowrap}}",
        light = LIGHT.variables(),
        dark = DARK.variables(),
        dark_selector = dark_selector.join(","),
        light_selector = light_selector.join(","),
    )
}

/// Black or white, whichever contrasts more with `background` (a `#rrggbb` colour).
fn tag_text_colour(background: &str) -> &'static str {
    let luminance = relative_luminance(background);
    // WCAG contrast: (lighter + 0.05) / (darker + 0.05).
    let with_black = (luminance + 0.05) / 0.05;
    let with_white = 1.05 / (luminance + 0.05);
    if with_black >= with_white {
        "#000000"
    } else {
        "#ffffff"
    }
}

/// WCAG 2 relative luminance of a `#rrggbb` colour.
fn relative_luminance(colour: &str) -> f64 {
    let channel = |i: usize| {
        let value = u8::from_str_radix(colour.get(1 + 2 * i..3 + 2 * i).unwrap_or("00"), 16).unwrap_or(0);
        let c = f64::from(value) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
