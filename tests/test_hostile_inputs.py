"""Hostile inputs through `peacetalks ingest` and `peacetalks code` (issue 8, item 1).

For every case: a clear error naming the file, a deliberate skip, or a correct document; the
run never crashes and the good items of the same run are stored.
"""

from __future__ import annotations

import json
import random
import re
import resource
from pathlib import Path

import pytest

from peacetalks.schemas import errors as schema_errors
from peacetalks.store import Store

from hostile.checks import assert_documents_whole, integrity_ok, items_by_status, peacetalks
from hostile.corpus import article, big_text, many_words, write_corpus


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("hostile")
    cases = write_corpus(folder / "in", random.Random(8))
    db = folder / "hostile.db"
    proc = peacetalks(["ingest", str(folder / "in"), "--db", str(db), "-q"])
    return cases, db, proc


def _status_by_file(db: Path) -> dict[str, set[str]]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source, status FROM ingest_items").fetchall()
    out: dict[str, set[str]] = {}
    for source, status in rows:
        name = Path(re.sub(r"(:\d+|#\d+)$", "", source)).name  # "f.jsonl:3", "f.rss#2" -> the file
        out.setdefault(name, set()).add(status)
    return out


def test_every_hostile_file_gets_its_outcome(ingested) -> None:  # type: ignore[no-untyped-def]
    cases, db, proc = ingested
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]  # some items failed, the run ended normally
    assert b"Traceback" not in proc.stderr
    statuses = _status_by_file(db)
    for case in cases:
        if case.items is None:
            assert statuses.get(case.name) == {case.outcome}, (case.name, statuses.get(case.name))
    stderr = proc.stderr.decode()
    for case in cases:
        if case.outcome == "failed":
            assert case.name in stderr  # the error names the file


def test_containers_keep_their_good_items(ingested) -> None:  # type: ignore[no-untyped-def]
    cases, db, _ = ingested
    with Store.open(str(db)) as store:
        ids = {d["id"] for d in store.documents(limit=None)}
        jl1, jl2 = store.document("jl-good-1"), store.document("jl-good-2")
        future = store.document("urn:uuid:1")
        undated = store.document("urn:uuid:2")
    assert {"jl-good-1", "jl-good-2", "urn:uuid:1", "urn:uuid:2", "urn:uuid:3"} <= ids
    assert jl1 and jl2 and "Report jl1." in jl1["text"]
    assert future and future["published"].startswith("2077-08-10")  # future dates are kept as given
    assert undated and undated["published"] is None
    assert "Report dupguid." not in " ".join(store_text(db))  # a repeated GUID is one entry


def store_text(db: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT text FROM documents")]


def test_stored_hostile_documents_are_clean_and_whole(ingested) -> None:  # type: ignore[no-untyped-def]
    cases, db, _ = ingested
    assert integrity_ok(db)
    with Store.open(str(db)) as store:
        docs = {d["id"]: d for d in assert_documents_whole(store)}
    for case in cases:
        stem = case.name.rsplit(".", 1)[0]
        if case.outcome == "stored" and case.items is None:
            assert stem in docs, case.name
            assert "\ufffd" not in docs[stem]["text"] or case.name == "invalid-utf8.txt"
            if case.check is not None:
                assert case.check(docs[stem]["text"]), case.name


def test_ingesting_the_hostile_folder_again_adds_nothing(ingested) -> None:  # type: ignore[no-untyped-def]
    cases, db, _ = ingested
    before = items_by_status(db)
    folder = db.parent / "in"
    proc = peacetalks(["ingest", str(folder), "--db", str(db), "-q"])
    assert proc.returncode == 1
    after = items_by_status(db)
    assert after["stored"] == before["stored"]  # every document of the first run is a duplicate now
    assert integrity_ok(db)


HOSTILE_TEXTS = {
    "nul": "Russia\x00 accused\x00 Ukraine of shelling Kyiv.\x00",
    "rtl": "\u202bمحادثات السلام\u202c Russia and Ukraine met in Geneva. \u200fשלום\u200e",
    "zero-width": "Rus\u200bsia ac\u200dcused Ukr\u2060aine\ufeff of an attack\u00ad on Kyiv.",
    "one-word": "Ceasefire",
    "emoji": "🕊️ Talks in Geneva 🇺🇦🇷🇺 ended without agreement. 👍🏽",
    "combining": "Ne\u0301gotiations in Gene\u0300va: Zelensky\u0301 met Erdog\u0306an.",
    "surrogate-ish": "Lone \ufffd replacement and \U0010ffff private-use \ue000 characters.",
    "controls": "Line\u2028separator and\u2029paragraph\u0085next \x1b[31mred\x1b[0m text about talks.",
    "crlf": "Talks resumed.\r\n\r\nRussia accused Ukraine.\rOfficials met.",
    "whitespace": " \t\n ",
}


def test_hostile_texts_through_code_cli(tmp_path: Path) -> None:
    lines = [json.dumps({"id": k, "text": v}) for k, v in HOSTILE_TEXTS.items()]
    lines += ['{"id": "broken", "text": ', "[1, 2]", '{"id": "no-text"}']
    data = ("\n".join(lines) + "\n").encode() + b'{"id": "bad-bytes", "text": "Caf\xe9 talks \xff\xfe in Geneva."}\n'
    proc = peacetalks(["code"], input=data)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 1  # the broken lines failed; the others were coded
    out = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert len(out) == len(HOSTILE_TEXTS) + 4  # one output line per input line, in order
    failed = [o for o in out if "error" in o]
    assert 3 <= len(failed) <= 4
    texts = {**HOSTILE_TEXTS, "bad-bytes": "Caf\ufffd talks \ufffd\ufffd in Geneva."}
    for record in out:
        if "error" in record:
            continue
        assert schema_errors("code_output", record) == [], record["id"]
        text = texts[record["id"]]
        for e in record.get("events", []):
            assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]


@pytest.mark.slow
def test_a_100_megabyte_file_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    big_text(folder / "huge.txt", 100, random.Random(1))
    (folder / "good.txt").write_text(article("besidehuge"), encoding="utf-8")
    (folder / "huge.jsonl").write_bytes(b'{"id": "j1", "text": "' + b"word " * 6_000_000 + b'"}\n'
                                        + json.dumps({"id": "j2", "text": article("afterhuge")}).encode() + b"\n")
    db = tmp_path / "big.db"
    proc = peacetalks(["ingest", str(folder), "--db", str(db), "-q", "--max-bytes", "20000000"])
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    assert proc.returncode == 1, proc.stderr.decode()[-2000:]
    assert "huge.txt" in proc.stderr.decode() and "cap" in proc.stderr.decode()
    assert peak_mb < 1500  # bounded: the file is never read whole
    with Store.open(str(db)) as store:
        assert {d["id"] for d in store.documents(limit=None)} == {"good", "j2"}


@pytest.mark.slow
def test_a_200000_word_document_through_code(tmp_path: Path) -> None:
    text = many_words(200_000, random.Random(2))
    proc = peacetalks(["code"], input=(json.dumps({"id": "long", "text": text}) + "\n").encode(), timeout=1800)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    record = json.loads(proc.stdout)
    assert schema_errors("code_output", record) == []
    assert peak_mb < 4000
