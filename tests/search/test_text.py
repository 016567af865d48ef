from search.text import MAX_QUERY_LENGTH, clean_query, fold, highlight, html_to_text


def test_clean_query_keeps_words_and_phrases():
    assert clean_query('  "family reunification" <b>now</b>; DROP\x00 ')[0] == '"family reunification" b now b DROP'
    assert clean_query('"unbalanced')[0] == "unbalanced"
    assert clean_query("l'asile - co-présidents")[0] == "l'asile co-présidents"


def test_clean_query_cuts_long_input_at_a_word():
    query, shortened = clean_query("détention " * 100)
    assert shortened
    assert len(query) <= MAX_QUERY_LENGTH
    assert query.endswith("détention")


def test_fold_keeps_positions():
    assert fold("Détention ÉTÉ") == "detention ete"
    assert len(fold("İstanbul")) == len("İstanbul")


def test_highlight_escapes_then_marks():
    excerpt = highlight("<b>Détentions</b> & réinstallation", "detention reinstallations")
    assert excerpt == "&lt;b&gt;<mark>Détentions</mark>&lt;/b&gt; &amp; <mark>réinstallation</mark>"


def test_highlight_centres_on_the_first_match():
    text = "mot " * 200 + "détention " + "fin " * 200
    excerpt = highlight(text, "détention")
    assert excerpt.startswith("…")
    assert excerpt.endswith("…")
    assert "<mark>détention</mark>" in excerpt


def test_html_to_text():
    assert html_to_text("<p>Un&nbsp;<b>groupe</b></p>\n<p>de travail</p>") == "Un groupe de travail"
