"""Text hygiene, content hashes and language identification of peacetalks.ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from peacetalks.ingest import content_hash, detect_language, normalise_text

from ingest_helpers import ARTICLE, FRENCH, collect, docs, skipped

SENTENCES = {
    "en": "The minister said that the talks would resume after the summit, but he gave no date for it.",
    "fr": "Le ministre a déclaré que les pourparlers reprendraient après le sommet, mais il n'a pas donné de date.",
    "de": "Der Minister sagte, dass die Gespräche nach dem Gipfel wieder aufgenommen werden, aber er nannte kein Datum.",
    "es": "El ministro dijo que las conversaciones se reanudarían después de la cumbre, pero no dio una fecha.",
    "it": "Il ministro ha detto che i colloqui riprenderanno dopo il vertice, ma non ha dato una data per questo.",
    "pt": "O ministro disse que as negociações seriam retomadas após a cúpula, mas não deu uma data para isso.",
    "nl": "De minister zei dat de gesprekken na de top zouden worden hervat, maar hij gaf er geen datum voor.",
    "ru": "Министр заявил, что переговоры возобновятся после саммита, но не назвал дату.",
    "uk": "Міністр заявив, що переговори відновляться після саміту, але не назвав дату.",
    "ar": "قال الوزير إن المحادثات ستستأنف بعد القمة لكنه لم يحدد موعدا لذلك.",
    "zh": "部长说会谈将在峰会后恢复，但他没有给出日期。",
    "ja": "大臣は首脳会談の後に協議が再開されると述べたが、日付は示さなかった。",
}


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_detect_language(lang: str) -> None:
    code, confidence = detect_language(SENTENCES[lang])
    assert code == lang and confidence >= 0.5


def test_detect_language_without_evidence() -> None:
    assert detect_language("") == (None, 0.0)
    assert detect_language("12345 !!! ---") == (None, 0.0)
    assert detect_language("Putin Zelensky Trump")[0] is None


def test_english_article_quoting_french_stays_english() -> None:
    assert detect_language(ARTICLE + " « " + FRENCH[:120] + " »")[0] == "en"


def test_french_document_is_skipped_and_can_be_allowed(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(FRENCH, encoding="utf-8")
    [skip] = collect([path])
    assert skip.reason == "not English (detected: fr)"
    [doc] = docs(collect([path], languages=frozenset({"en", "fr"})))
    assert doc.lang == "fr"


def test_zero_width_and_bidi_controls_removed_letters_kept() -> None:
    text = "Zelen\u200bsky met \u202eecnarF\u202c officials\u00a0in Kyiv\u2028today\ufeff."
    assert normalise_text(text) == "Zelensky met ecnarF officials in Kyiv\ntoday."
    # Right-to-left scripts are kept as written, with the joiners they need.
    persian = "می\u200cخواهم"
    hebrew_arabic = "שלום سلام"
    assert normalise_text(persian) == persian
    assert normalise_text(hebrew_arabic) == hebrew_arabic
    assert normalise_text("Ze\u200dlensky") == "Zelensky"  # a joiner between Latin letters only breaks the word


def test_nfc_controls_and_line_ends() -> None:
    assert normalise_text("Cafe\u0301\x00 talks\r\n\r\n\r\n\rend\x85") == "Café talks\n\nend"


def test_content_hash_ignores_case_punctuation_and_spacing() -> None:
    a = "Lavrov said: “Talks are possible” — only if issues are prepared."
    b = 'LAVROV SAID "talks are possible" - only if\n issues are   prepared'
    c = "Lavrov said talks are impossible."
    assert content_hash(a) == content_hash(b) != content_hash(c)
    assert content_hash("ﬁnal\u200b text") == content_hash("final text")


def test_rtl_document_from_file_is_sane(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(ARTICLE + " The sign read \u202bسلام\u202c in Arabic.", encoding="utf-8")
    [doc] = docs(collect([path]))
    assert doc.text.endswith("The sign read سلام in Arabic.") and doc.lang == "en"
    assert not skipped(collect([path]))
