use super::*;

fn split(text: &str) -> Vec<&str> {
    split_in(text, Language::English)
}

fn split_in(text: &str, language: Language) -> Vec<&str> {
    segment(text, language).iter().map(|s| &text[s.range()]).collect()
}

fn split_by<'a>(text: &'a str, language: &str) -> Vec<&'a str> {
    segment_by_name(text, language).iter().map(|s| &text[s.range()]).collect()
}

#[test]
fn titles_and_initials_stay_inside_sentences() {
    assert_eq!(
        split("Mr. Smith met Dr. Jones and Sen. Warren. They talked. J. K. Rowling wrote it."),
        ["Mr. Smith met Dr. Jones and Sen. Warren.", "They talked.", "J. K. Rowling wrote it."]
    );
    assert_eq!(split("Gen. Augusto Pinochet was arrested."), ["Gen. Augusto Pinochet was arrested."]);
}

#[test]
fn latin_forms_do_not_end_sentences() {
    assert_eq!(
        split("Use a tool, e.g. Rust. Or i.e. Python works. Fine."),
        ["Use a tool, e.g. Rust.", "Or i.e. Python works.", "Fine."]
    );
}

#[test]
fn ambiguous_abbreviations_split_only_before_sentence_openers() {
    assert_eq!(
        split("He moved to the U.S. The move was hard. The U.S. Senate voted."),
        ["He moved to the U.S.", "The move was hard.", "The U.S. Senate voted."]
    );
    assert_eq!(
        split("Shares of Acme Corp. rose. Acme Corp. Chief Jane Doe spoke. It ended at 5 p.m. Then rain."),
        ["Shares of Acme Corp. rose.", "Acme Corp. Chief Jane Doe spoke.", "It ended at 5 p.m.", "Then rain."]
    );
}

#[test]
fn abbreviations_before_numbers() {
    assert_eq!(
        split("He wore No. 5 on Jan. 12 last year. Then he quit."),
        ["He wore No. 5 on Jan. 12 last year.", "Then he quit."]
    );
    assert_eq!(split("See p. 4 and fig. 2 for details."), ["See p. 4 and fig. 2 for details."]);
}

#[test]
fn hindi_titles_and_units_do_not_end_sentences() {
    assert_eq!(
        split_in("डॉ. शर्मा ने कहा कि वह आएंगे। मलबा लगभग ६५०कि.मी. दूर मिला था। यह 5 कि.मी. है।", Language::Hindi),
        ["डॉ. शर्मा ने कहा कि वह आएंगे।", "मलबा लगभग ६५०कि.मी. दूर मिला था।", "यह 5 कि.मी. है।"]
    );
}

#[test]
fn decimals_money_and_urls_keep_their_dots() {
    assert_eq!(
        split("Trade stood at $3.5bn in 2022. Pi is 3.14 or so. Visit example.com/a.html today."),
        ["Trade stood at $3.5bn in 2022.", "Pi is 3.14 or so.", "Visit example.com/a.html today."]
    );
    assert_eq!(split("Mail jo.doe@example.org now. Done."), ["Mail jo.doe@example.org now.", "Done."]);
}

#[test]
fn numbers_end_english_sentences_but_not_list_items() {
    assert_eq!(split("It happened in 2010. Nobody knew."), ["It happened in 2010.", "Nobody knew."]);
    assert_eq!(split("1. Buy milk\n2. Sell eggs"), ["1. Buy milk", "2. Sell eggs"]);
}

#[test]
fn german_ordinals() {
    assert_eq!(
        split_in("Er kam am 3. Oktober an. Das war im Jahr 2010. Die Stadt feierte.", Language::German),
        ["Er kam am 3. Oktober an.", "Das war im Jahr 2010.", "Die Stadt feierte."]
    );
    assert_eq!(
        split_in("Das ist z.B. gut. Hr. Müller kam.", Language::German),
        ["Das ist z.B. gut.", "Hr. Müller kam."]
    );
}

#[test]
fn quotes_and_brackets_after_the_full_stop() {
    assert_eq!(
        split("He said, \u{201c}We won.\u{201d} Then he left. (It was late.) She stayed.' Next."),
        ["He said, \u{201c}We won.\u{201d}", "Then he left.", "(It was late.)", "She stayed.'", "Next."]
    );
    assert_eq!(
        split("\u{201c}Why?\u{201d} she asked. \u{201c}Because.\u{201d}"),
        ["\u{201c}Why?\u{201d} she asked.", "\u{201c}Because.\u{201d}"]
    );
}

#[test]
fn question_and_exclamation_marks() {
    assert_eq!(split("Why go? Because! Really?! Yes."), ["Why go?", "Because!", "Really?!", "Yes."]);
    assert_eq!(split("Yahoo! reported gains."), ["Yahoo! reported gains."]);
}

#[test]
fn ellipses() {
    assert_eq!(
        split("Wait... what happened? He left... The end."),
        ["Wait... what happened?", "He left...", "The end."]
    );
    assert_eq!(split("Well\u{2026} No."), ["Well\u{2026}", "No."]);
}

#[test]
fn colons_and_semicolons_do_not_end_sentences() {
    assert_eq!(split("Note: this holds; that too. End."), ["Note: this holds; that too.", "End."]);
}

#[test]
fn headings_bylines_and_datelines_are_their_own_units() {
    let text = "July 19, 2024, 11:39 pm\n\nBy Jane Doe\nStrengthening Ties\nPutin arrived. He spoke.\nU.S. Opposition\nThe U.S. objected.";
    let segments = segment(text, Language::English);
    let texts: Vec<&str> = segments.iter().map(|s| &text[s.range()]).collect();
    assert_eq!(
        texts,
        [
            "July 19, 2024, 11:39 pm",
            "By Jane Doe",
            "Strengthening Ties",
            "Putin arrived.",
            "He spoke.",
            "U.S. Opposition",
            "The U.S. objected."
        ]
    );
    let terminated: Vec<bool> = segments.iter().map(|s| s.terminated).collect();
    assert_eq!(terminated, [false, false, false, true, true, false, true]);
}

#[test]
fn lower_case_next_line_continues_the_sentence() {
    assert_eq!(
        split("The talks will focus on trade\nand energy. Next."),
        ["The talks will focus on trade\nand energy.", "Next."]
    );
}

#[test]
fn hard_wrapped_paragraphs_are_joined() {
    let text = "The president said on Tuesday that the\nUnited States would act soon if the\ntalks failed. Officials agreed.\n\nNew paragraph.";
    assert_eq!(
        split(text),
        [
            "The president said on Tuesday that the\nUnited States would act soon if the\ntalks failed.",
            "Officials agreed.",
            "New paragraph."
        ]
    );
}

#[test]
fn line_endings_of_every_platform() {
    assert_eq!(split("One.\r\nTwo\r\rThree.\rFour"), ["One.", "Two", "Three.", "Four"]);
    assert_eq!(split("One\u{2029}Two."), ["One", "Two."]);
}

#[test]
fn other_scripts() {
    assert_eq!(split("你好。我很好！你呢？好"), ["你好。", "我很好！", "你呢？", "好"]);
    assert_eq!(split_in("मैं ठीक हूँ। तुम कैसे हो?", Language::English), ["मैं ठीक हूँ।", "तुम कैसे हो?"]);
    assert_eq!(split_in("ماذا حدث؟ لا شيء.", Language::Arabic), ["ماذا حدث؟", "لا شيء."]);
    assert_eq!(split_in("Τι κάνεις; Καλά.", Language::Greek), ["Τι κάνεις;", "Καλά."]);
    assert_eq!(split("እንደምን አለህ፧መልካም ቀን።"), ["እንደምን አለህ፧", "መልካም ቀን።"]);
}

#[test]
fn no_punctuation_at_all() {
    let text = "words without any end at all";
    assert_eq!(segment(text, Language::English), [Segment { start: 0, end: text.len(), terminated: false }]);
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    assert!(segment("", Language::English).is_empty());
    assert!(segment(" \n\t\r\n ", Language::English).is_empty());
    assert_eq!(split("..."), ["..."]);
}

#[test]
fn spans_tile_the_text_up_to_whitespace() {
    let text = "  A b. C d?\n\n“E” f!  G\r\nh. 你好。 Mr. X\u{2029}y.  ";
    let segments = segment(text, Language::English);
    let mut covered = 0;
    for s in &segments {
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start < s.end);
        assert!(text[covered..s.start].chars().all(char::is_whitespace), "lost text before {s:?}");
        assert_eq!(text[s.range()].trim(), &text[s.range()]);
        covered = s.end;
    }
    assert!(text[covered..].chars().all(char::is_whitespace));
}

#[test]
fn quotations_and_brackets_are_not_split_inside() {
    assert_eq!(
        split("\u{201c}We lost. We will be back,\u{201d} the coach said. Fans left."),
        ["\u{201c}We lost. We will be back,\u{201d} the coach said.", "Fans left."]
    );
    assert_eq!(
        split("She shouted \"Stop! Stop now!\" and ran. He stayed."),
        ["She shouted \"Stop! Stop now!\" and ran.", "He stayed."]
    );
    assert_eq!(
        split("The plan (approved. Nobody objected.) took effect. Next."),
        ["The plan (approved. Nobody objected.) took effect.", "Next."]
    );
    assert_eq!(
        split_by("\u{ab}Куда? \u{2013} спросил он. \u{2013} Домой\u{bb}. Всё.", "ru"),
        ["\u{ab}Куда? \u{2013} спросил он. \u{2013} Домой\u{bb}.", "Всё."]
    );
    assert_eq!(split("我们去看《快跑！朋友》好吗？好！"), ["我们去看《快跑！朋友》好吗？", "好！"]);
    // An opening mark never closed protects nothing.
    assert_eq!(split("\"Wait. Go on. Stop."), ["\"Wait.", "Go on.", "Stop."]);
    // Apostrophes are not closing quotes.
    assert_eq!(
        split("'It isn't over. We're here,' he said. Then quiet."),
        ["'It isn't over. We're here,' he said.", "Then quiet."]
    );
}

#[test]
fn dashes_commas_and_number_signs_after_a_mark_continue_the_sentence() {
    assert_eq!(split("He won -- really! -- and left. Next."), ["He won -- really! -- and left.", "Next."]);
    assert_eq!(split("Was it? \u{2014} nobody knew. Next."), ["Was it? \u{2014} nobody knew.", "Next."]);
    assert_eq!(split("See the 2019 report. \u{2116}5 explains it."), ["See the 2019 report. \u{2116}5 explains it."]);
}

#[test]
fn sentences_run_together_without_a_space() {
    assert_eq!(split("It rained all day.Then the sun came out."), ["It rained all day.", "Then the sun came out."]);
    assert_eq!(split("They paid 2,500.Nobody complained."), ["They paid 2,500.", "Nobody complained."]);
    assert_eq!(
        split("Open readme.txt or the U.S.Army site. Done."),
        ["Open readme.txt or the U.S.Army site.", "Done."]
    );
}

#[test]
fn references_after_the_full_stop_stay_with_their_sentence() {
    assert_eq!(
        split("The tower is 300 m tall.[2] It opened in 1889."),
        ["The tower is 300 m tall.[2]", "It opened in 1889."]
    );
    assert_eq!(
        split("Rates rose sharply.12 14 Analysts were surprised."),
        ["Rates rose sharply.12 14", "Analysts were surprised."]
    );
    assert_eq!(
        split("See fig.3 for details. Version 2.10 Beta shipped."),
        ["See fig.3 for details.", "Version 2.10 Beta shipped."]
    );
}

#[test]
fn omission_marks_are_not_ends() {
    assert_eq!(
        split("He wrote \"the law [...] is clear [...]\" (Smith 2001). Next."),
        ["He wrote \"the law [...] is clear [...]\" (Smith 2001).", "Next."]
    );
}

#[test]
fn spaced_abbreviations_initials_and_elisions() {
    assert_eq!(
        split_in("Wir kaufen z. B. Brot u. Ä. im Laden. Dann gehen wir.", Language::German),
        ["Wir kaufen z. B. Brot u. Ä. im Laden.", "Dann gehen wir."]
    );
    assert_eq!(split_by("Выступил А. И. Петров. Все слушали.", "ru"), ["Выступил А. И. Петров.", "Все слушали."]);
    assert_eq!(
        split_in("Ho parlato con l'Avv. Rossi. Poi sono uscito.", Language::Italian),
        ["Ho parlato con l'Avv. Rossi.", "Poi sono uscito."]
    );
}

#[test]
fn dotted_numbers_and_units_end_sentences() {
    assert_eq!(split("The code is 12.34.56.7. Call now."), ["The code is 12.34.56.7.", "Call now."]);
    assert_eq!(split("It reached 98.6°F. Then it fell."), ["It reached 98.6°F.", "Then it fell."]);
}

#[test]
fn roman_ordinals_in_languages_that_write_ordinals_with_a_full_stop() {
    assert_eq!(
        split_by("Bol to XII. Pluk armády. Potom odišiel.", "sk"),
        ["Bol to XII. Pluk armády.", "Potom odišiel."]
    );
    assert_eq!(
        split_by("Stalo sa to 7. Mája v meste. Potom nie.", "slovak"),
        ["Stalo sa to 7. Mája v meste.", "Potom nie."]
    );
}

#[test]
fn list_items_on_their_own_lines() {
    assert_eq!(split("Steps:\n(i) mix it well.\n(ii) bake it."), ["Steps:", "(i) mix it well.", "(ii) bake it."]);
    assert_eq!(split("\u{2022} 1. Buy milk\n\u{2022} 2. Sell eggs"), ["\u{2022} 1. Buy milk", "\u{2022} 2. Sell eggs"]);
}

#[test]
fn language_specific_terminators() {
    assert_eq!(split_by("Բարև Ձեզ: Ինչպե՞ս եք:", "hy"), ["Բարև Ձեզ:", "Ինչպե՞ս եք:"]);
    assert_eq!(split("Note: this holds."), ["Note: this holds."]);
    assert_eq!(
        split("Test strange period\u{ff0e}Does it work\u{ff0e}"),
        ["Test strange period\u{ff0e}", "Does it work\u{ff0e}"]
    );
}

#[test]
fn unknown_language_names_fall_back_to_neutral_rules() {
    assert_eq!(split_by("Dr. Who came. He left.", "klingon"), ["Dr. Who came.", "He left."]);
    assert_eq!(split_by("Dr. Who came. He left.", ""), ["Dr. Who came.", "He left."]);
}

#[test]
fn inline_lists_split_at_markers_that_count_up() {
    assert_eq!(split("Buy: a) milk b) eggs c) bread"), ["Buy:", "a) milk", "b) eggs", "c) bread"]);
    assert_eq!(split("Steps. 1. Mix well 2. Bake it 3. Serve"), ["Steps.", "1. Mix well", "2. Bake it", "3. Serve"]);
    assert_eq!(split("(i) one thing (ii) another"), ["(i) one thing", "(ii) another"]);
    // A lone marker-like word is not a list.
    assert_eq!(split("Plan a) works. Plan b. Done."), ["Plan a) works.", "Plan b.", "Done."]);
    assert_eq!(split("It is 5 p.m. today. Then at 6 a.m. we met."), ["It is 5 p.m. today.", "Then at 6 a.m. we met."]);
}

#[test]
fn spaced_ellipses_are_one_mark() {
    assert_eq!(
        split("He paused . . . and went on. It ended. . . ."),
        ["He paused . . . and went on.", "It ended. . . ."]
    );
}

#[test]
fn a_dash_after_a_mark_defers_to_the_next_word() {
    assert_eq!(split("What now? - Nobody knew. Fine."), ["What now?", "- Nobody knew.", "Fine."]);
}

#[test]
fn an_ellipsis_opening_the_next_sentence_is_not_part_of_the_mark() {
    assert_eq!(
        split_in("Het was raak. ...en toen ging het mis.", Language::Dutch),
        ["Het was raak.", "...en toen ging het mis."]
    );
    assert_eq!(
        split("They met in Washington, D.C. - the capital. Fine."),
        ["They met in Washington, D.C. - the capital.", "Fine."]
    );
}

#[test]
fn lines_continue_after_brackets_but_short_lines_stay_apart() {
    assert_eq!(split("It reached 400 yd\n(365.8 m). Next."), ["It reached 400 yd\n(365.8 m).", "Next."]);
    assert_eq!(split("features\ncontact manager\nevents, prices"), ["features", "contact manager", "events, prices"]);
}

#[test]
fn question_and_answer_labels() {
    assert_eq!(split("Q. Who won? A. The home side."), ["Q. Who won?", "A. The home side."]);
}

#[test]
fn times_end_sentences_unless_a_day_or_zone_follows() {
    assert_eq!(
        split("He left at 6 p.m. Travelers stayed. We met at 5 p.m. Tuesday. It ran till 8 P.M. EDT."),
        ["He left at 6 p.m.", "Travelers stayed.", "We met at 5 p.m. Tuesday.", "It ran till 8 P.M. EDT."]
    );
}

#[test]
fn numbers_pointing_at_items_are_not_lists() {
    assert_eq!(
        split("As agreed in 1. above and in 2. below, we pay."),
        ["As agreed in 1. above and in 2. below, we pay."]
    );
    assert_eq!(
        split("Trophy\n(6 inch crystal - photo soon)\nThe team judges."),
        ["Trophy", "(6 inch crystal - photo soon)", "The team judges."]
    );
    assert_eq!(split("d. Compliance Log\ne. Logistics Data"), ["d. Compliance Log", "e. Logistics Data"]);
}

#[test]
fn bullets_and_broken_off_speech_start_sentences() {
    assert_eq!(
        split("\u{2022} milk \u{2022} eggs \u{2022} 3. bread"),
        ["\u{2022} milk", "\u{2022} eggs", "\u{2022} 3. bread"]
    );
    assert_eq!(
        split("She began, \"If you please, sir--\" The man ran off."),
        ["She began, \"If you please, sir--\"", "The man ran off."]
    );
    assert_eq!(split("A well-known--\"quoted\" word stays."), ["A well-known--\"quoted\" word stays."]);
}

#[test]
fn ellipses_between_and_before_sentences() {
    assert_eq!(split("I mean . . . I didn't mean it. Fine."), ["I mean . . . I didn't mean it.", "Fine."]);
    assert_eq!(
        split("It was over. . . . The rest followed. . . ."),
        ["It was over.", ". . . The rest followed. . . ."]
    );
    assert_eq!(split("Write to Jane.Doe@example.com today."), ["Write to Jane.Doe@example.com today."]);
    assert_eq!(split("We did it, you and I. Did you see him?"), ["We did it, you and I.", "Did you see him?"]);
}

#[test]
fn lower_case_opens_a_sentence_after_a_question_or_a_word_never_abbreviated() {
    assert_eq!(split("Who called? nobody knows. Why? because."), ["Who called?", "nobody knows.", "Why?", "because."]);
    assert_eq!(
        split("'Who called?' she asked. Yahoo! reported it."),
        ["'Who called?' she asked.", "Yahoo! reported it."]
    );
    assert_eq!(split("He paid approx. five pounds, i.e. too much."), ["He paid approx. five pounds, i.e. too much."]);
    assert_eq!(split("That is what it was for. the rest went."), ["That is what it was for.", "the rest went."]);
    assert_eq!(split("We paid the bill. then left."), ["We paid the bill. then left."]);
    assert_eq!(
        split_in("Δεν ήρθε κανένας. το σπίτι ήταν άδειο.", Language::Greek),
        ["Δεν ήρθε κανένας.", "το σπίτι ήταν άδειο."]
    );
    // A lower-case label closing a line of scraped text stands alone.
    assert_eq!(
        split("Welcome to our lovely town. offers\nabout us\nThe market opens at nine."),
        ["Welcome to our lovely town.", "offers", "about us", "The market opens at nine."]
    );
}

#[test]
fn a_bracketed_relative_clause_belongs_to_the_sentence_before() {
    assert_eq!(
        split("'I won!' he cried. (Which was true.) \"We lost!\" (Tom was the coach.) It rained. (Where else?)"),
        ["'I won!' he cried. (Which was true.)", "\"We lost!\"", "(Tom was the coach.)", "It rained.", "(Where else?)"]
    );
}

#[test]
fn quantities_open_sentences_after_an_abbreviation() {
    assert_eq!(
        split("He moved to the U.S. Thousands followed him."),
        ["He moved to the U.S.", "Thousands followed him."]
    );
    assert_eq!(split("The U.S. Army moved."), ["The U.S. Army moved."]);
}

#[test]
fn arabic_colons_and_commas_end_sentences_but_lists_and_times_do_not() {
    assert_eq!(
        split_in("تقرير خاص: وصل الوفد في الساعة 10:30 صباحا، واستمر الاجتماع طويلا", Language::Arabic),
        ["تقرير خاص:", "وصل الوفد في الساعة 10:30 صباحا،", "واستمر الاجتماع طويلا"]
    );
    assert_eq!(
        split_in("اشترينا الخبز، والحليب، والجبن من السوق.", Language::Arabic),
        ["اشترينا الخبز، والحليب،", "والجبن من السوق."]
    );
    assert_eq!(split_in("قال: نعم، الخبز جيد.", Language::English).len(), 1, "only Arabic rules split there");
}

#[test]
fn every_stemmed_language_keeps_its_abbreviations() {
    let cases = [
        (Language::Swedish, "Vi köpte bl.a. Bröd och mjölk. Sedan gick han.", "Vi köpte bl.a. Bröd och mjölk."),
        (Language::Norwegian, "Vi kjøpte bl.a. Brød og melk. Han gikk hjem.", "Vi kjøpte bl.a. Brød og melk."),
        (Language::Danish, "Vi købte bl.a. Brød og mælk. Han gik hjem.", "Vi købte bl.a. Brød og mælk."),
        (Language::Finnish, "Paikalla oli esim. Matti Virtanen. Hän lähti pian.", "Paikalla oli esim. Matti Virtanen."),
        (Language::Greek, "Ήρθε ο κ. Παπαδόπουλος σήμερα. Μετά έφυγε.", "Ήρθε ο κ. Παπαδόπουλος σήμερα."),
        (Language::Hungarian, "Ott volt dr. Kovács Péter is. Ő beszélt először.", "Ott volt dr. Kovács Péter is."),
        (Language::Romanian, "A venit dl. Popescu azi. El a plecat devreme.", "A venit dl. Popescu azi."),
        (Language::Turkish, "Bugün Dr. Yılmaz geldi. O konuştu.", "Bugün Dr. Yılmaz geldi."),
        (Language::Czech, "Přišel např. Novák s rodinou. Potom odešel.", "Přišel např. Novák s rodinou."),
        (Language::Portuguese, "Falou o Sr. Silva ontem. Depois saiu.", "Falou o Sr. Silva ontem."),
        (Language::French, "Il a vu M. Dupont hier. Puis il est parti.", "Il a vu M. Dupont hier."),
        (Language::Dutch, "Hij zag dhr. Jansen gisteren. Toen ging hij.", "Hij zag dhr. Jansen gisteren."),
    ];
    for (language, text, first) in cases {
        let sentences = split_in(text, language);
        assert_eq!(sentences.len(), 2, "{language}: {sentences:?}");
        assert_eq!(sentences[0], first, "{language}");
    }
}

#[test]
fn every_terminal_mark_terminates_a_segment() {
    // One table of terminal marks: a segment ending in any of them is terminated,
    // and a line ending in one does not run on into a bracketed next line.
    for text in ["Om shanti \u{965}", "Really\u{203c}", "Ayo\u{589}", "End\u{ff0e}", "Done\u{104b}"] {
        let segments = segment(text, Language::English);
        assert!(segments.last().is_some_and(|s| s.terminated), "{text}: {segments:?}");
    }
}

#[test]
fn every_dash_breaks_off_speech() {
    assert_eq!(
        split("She began, \"If you please, sir\u{2015}\" The man ran off."),
        ["She began, \"If you please, sir\u{2015}\"", "The man ran off."]
    );
    assert_eq!(split("He wrote \u{2013}\"Stop. Go.\" and left."), ["He wrote \u{2013}\"Stop. Go.\" and left."]);
}

#[test]
fn lower_cased_text_splits_after_plain_words() {
    assert_eq!(
        split("the talks ended late. the ministers left. mr. smith stayed, e.g. at home."),
        ["the talks ended late.", "the ministers left.", "mr. smith stayed, e.g. at home."]
    );
    // One capital and the usual rules apply: a lower-case word goes on.
    assert_eq!(split("We paid the bill. then left."), ["We paid the bill. then left."]);
}

#[test]
fn word_at_a_time_skip_agrees_with_the_byte_table() {
    // Every byte value at every offset of a 20-byte window of filler, so that the
    // candidate falls in each lane of the eight-byte words and in the tail.
    for b in 0..=255u8 {
        for at in 0..20 {
            let mut bytes = vec![b'a'; 20];
            bytes[at] = b;
            for (start, limit) in [(0, 20), (1, 20), (0, 13), (3, 9), (5, 5)] {
                let naive = (start..limit).find(|&i| MAY_END[usize::from(bytes[i])]).unwrap_or(limit.max(start));
                assert_eq!(super::skip_to_may_end(&bytes, start, limit), naive, "byte {b} at {at}, {start}..{limit}");
            }
        }
    }
}
