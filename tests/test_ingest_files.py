"""Ingest from local files and folders, through ``iter_items``, including hostile inputs."""

from __future__ import annotations

import json
from pathlib import Path

from peacetalks.ingest import IngestConfig, content_hash, iter_items, sniff
from peacetalks.pipeline import InputDocument

from ingest_helpers import ARTICLE, FRENCH, article, collect, docs, errors, skipped

PAGE = f"""<!DOCTYPE html><html><head><title>Talks resume in Geneva | Example News</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-08-10T09:30:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Talks resume in Geneva</h1><p>{ARTICLE}</p><p>{ARTICLE.upper().lower()}</p></article>
<footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_plain_text_file(tmp_path: Path) -> None:
    path = write(tmp_path / "Talks Resume.txt", "Home > World > Talks resume in Geneva\n\n" + ARTICLE + "\n")
    [doc] = collect([path])
    assert doc.id == "talks-resume"
    assert doc.title == "Talks resume in Geneva"
    assert doc.text.startswith("Home > World") and doc.text.endswith("parliament.")
    assert doc.lang == "en" and doc.source == str(path)
    assert doc.content_hash == content_hash(doc.text) and len(doc.content_hash) == 64
    assert doc.to_input() == InputDocument(id=doc.id, text=doc.text, title=doc.title)


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    [doc] = collect([write(tmp_path / "page.html", PAGE)])
    assert doc.title and doc.title.startswith("Talks resume in Geneva")
    assert doc.published == "2025-08-10T09:30:00Z"  # the meta tag, with its time
    assert doc.author == "Jane Roe"
    assert "ceasefire along the front line" in doc.text
    assert "All rights reserved" not in doc.text and "World" not in doc.text.split("\n")[0][:5]


def test_json_object_array_and_wrapper(tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", json.dumps({"id": "a1", "text": article("a"), "date": "2025-08-01"}))
    many = write(tmp_path / "many.json", json.dumps([
        {"id": "b1", "content": article("b"), "title": "B"},
        {"body": "<p>" + article("c") + "</p><p>More.</p>", "url": "https://news.example/c"},
    ]))
    wrapped = write(tmp_path / "wrapped.json", json.dumps({"status": "ok", "articles": [{"text": article("d")}]}))
    items = collect([one, many, wrapped])
    got = docs(items)
    assert [d.id for d in got] == ["a1", "b1", "many-2", "wrapped-1"]
    assert got[0].published == "2025-08-01" and got[1].title == "B"
    assert "<p>" not in got[2].text and got[2].url == "https://news.example/c"
    assert not errors(items)


def test_json_lines_good_lines_survive_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok1", "text": article("1"), "published": "2025-08-10T08:00:00+02:00"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "notext", "title": "no body here"}),
        "[1, 2, 3]",
        "",
        json.dumps({"text": article("2"), "url": "https://news.example/2"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = collect([path])
    good = docs(items)
    assert [d.id for d in good] == ["ok1", "batch-6"]
    assert good[0].source == f"{path}:1" and good[1].source == f"{path}:6"
    assert good[0].published == "2025-08-10T08:00:00+02:00"
    errs = errors(items)
    assert [(e.source, e.line) for e in errs] == [(str(path), 2), (str(path), 3), (str(path), 4)]
    assert "invalid JSON" in errs[0].message and "missing 'text'" in errs[1].message
    assert str(errs[1]).startswith(f"{path}:3: ")


def test_json_lines_giant_line_is_one_error(tmp_path: Path) -> None:
    giant = json.dumps({"id": "huge", "text": "word " * 50_000})
    path = write(tmp_path / "big.jsonl", "\n".join([
        json.dumps({"id": "before", "text": article("x")}), giant, json.dumps({"id": "after", "text": article("y")}),
    ]))
    items = collect([path], max_bytes=10_000)
    assert [d.id for d in docs(items)] == ["before", "after"]
    [err] = errors(items)
    assert err.line == 2 and "cap" in err.message


def test_oversized_text_file_is_an_error_naming_it(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", ARTICLE * 50)
    [err] = collect([path], max_bytes=1000)
    assert err.source == str(path) and "cap" in err.message


def test_invalid_utf8_and_legacy_encodings_never_crash(tmp_path: Path) -> None:
    latin = write(tmp_path / "latin.txt", ("Caf\xe9 talks. " + ARTICLE).encode("cp1252"))
    mixed = write(tmp_path / "mixed.txt", b"Broken \xff\xfe\xc3 bytes. " + article("m").encode())
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + article("b").encode())
    items = collect([latin, mixed, bom])
    got = docs(items)
    assert len(got) == 3
    assert got[0].text.startswith("Café talks.")
    assert got[1].text.startswith("Broken") and "\x00" not in got[1].text
    assert got[2].text.startswith("Report b.")


def test_nul_and_control_bytes_are_removed(tmp_path: Path) -> None:
    path = write(tmp_path / "nul.txt", ("Talks\x00 resumed\x07 today.\r\n" + ARTICLE).encode())
    [doc] = collect([path])
    assert doc.text.startswith("Talks resumed today.\nNegotiators")


def test_empty_whitespace_and_binary_files(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", " \n\t\n ")
    png = write(tmp_path / "image", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    blob = write(tmp_path / "blob.dat", bytes(range(256)) * 8)
    items = collect([empty, blank, png, blob])
    assert [(s.source, s.reason) for s in skipped(items)] == [
        (str(empty), "empty file"), (str(blank), "empty text"),
        (str(png), "binary file"), (str(blob), "binary file"),
    ]


def test_folder_with_mixed_files(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    write(root / "a.txt", article("a"))
    write(root / "b.html", PAGE)
    write(root / "sub" / "c.jsonl", json.dumps({"text": article("c")}) + "\n" + json.dumps({"text": article("d")}))
    write(root / "sub" / "noext", json.dumps({"id": "e", "text": article("e")}))
    write(root / "sub" / "fr.txt", FRENCH)
    write(root / "sub" / "copy.md", article("a").replace(".", " ."))  # same article re-typed
    write(root / ".hidden.txt", article("h"))
    write(root / ".git" / "config", "[core]")
    write(root / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(300))
    items = collect([root])
    got = docs(items)
    assert [d.id for d in got] == ["a", "b", "sub-c-1", "sub-c-2", "e"]
    reasons = {Path(s.source).name: s.reason for s in skipped(items)}
    assert reasons == {
        ".git": "hidden directory", ".hidden.txt": "hidden file", "photo.jpg": "binary file",
        "copy.md": "duplicate content of a", "fr.txt": "not English (detected: fr)",
    }
    assert not errors(items)


def test_generated_ids_stay_unique(tmp_path: Path) -> None:
    write(tmp_path / "x" / "story.txt", article("1"))
    write(tmp_path / "y" / "story.txt", article("2"))
    ids = [d.id for d in docs(collect([tmp_path / "x" / "story.txt", tmp_path / "y" / "story.txt"]))]
    assert ids == ["story", "story-2"]


def test_missing_input_and_unsupported_xml(tmp_path: Path) -> None:
    other = write(tmp_path / "data.xml", "<?xml version='1.0'?><catalog><book/></catalog>")
    items = collect([tmp_path / "nope.txt", other])
    assert [e.message for e in errors(items)] == [
        "no such file or directory", "unsupported format: XML that is neither a feed nor OPML"]


def test_sniff_by_extension_and_content(tmp_path: Path) -> None:
    cases = {
        "a.txt": "hello there", "b": "<!doctype html><p>x</p>", "c": '{"text": "x"}\n{"text": "y"}',
        "d.json": '{\n  "text": "x"\n}', "e": "[]", "f.xml": "<rss version='2.0'><channel/></rss>",
        "g": '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"/>', "h.xml": "<opml/>",
        "i": "", "j.pdf": "%PDF-1.4",
    }
    expected = ["text", "html", "jsonl", "json", "json", "feed", "feed", "opml", "empty", "binary"]
    assert [sniff(write(tmp_path / name, body)) for name, body in cases.items()] == expected


def test_same_config_object_reusable(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", article("a"))
    config = IngestConfig()
    assert len(docs(list(iter_items([str(path)], config)))) == 1
    assert len(docs(list(iter_items([str(path)], config)))) == 1  # dedupe is per run


def test_json_lines_hostile_strings(tmp_path: Path) -> None:
    lines = [
        b'{"id": "nul", "text": "Talks\x00 resumed. ' + ARTICLE.encode() + b'"}',
        b'{"id": "esc", "text": "Lone \\ud800 surrogate and \\u0000 NUL. ' + article("e").encode() + b'"}',
        b'{"id": "latin", "text": "Caf\xe9 diplomacy. ' + article("l").encode() + b'"}',
        b"[" * 100_000 + b"]" * 100_000,
        b'{"id": "empty", "text": ""}',
    ]
    path = write(tmp_path / "hostile.jsonl", b"\n".join(lines))
    items = collect([path])
    got = {d.id: d for d in docs(items)}
    assert got["nul"].text.startswith("Talks resumed.")
    assert got["esc"].text.startswith("Lone  surrogate and  NUL.")
    assert got["latin"].text.startswith("Café diplomacy.")
    [err] = errors(items)
    assert err.line == 4
    assert [(s.id, s.reason) for s in skipped(items)] == [("empty", "empty text")]


def test_deeply_nested_json_file(tmp_path: Path) -> None:
    [err] = collect([write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)])
    assert "nested too deeply" in err.message


def test_stdin_json_lines(monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    data = (json.dumps({"id": "s1", "text": article("s1")}) + "\nnot json\n").encode()
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]
    monkeypatch.setattr(sys, "stdin", fake)
    items = collect(["-"])
    assert [d.id for d in docs(items)] == ["s1"]
    assert [(e.source, e.line) for e in errors(items)] == [("<stdin>", 2)]


def test_gzipped_json_lines_and_text(tmp_path: Path) -> None:
    import gzip

    lines = json.dumps({"text": article("g1")}) + "\n" + json.dumps({"text": article("g2")}) + "\n"
    jl = write(tmp_path / "batch.jsonl.gz", gzip.compress(lines.encode()))
    txt = write(tmp_path / "story.txt.gz", gzip.compress(article("g3").encode()))
    bomb = write(tmp_path / "bomb.txt.gz", gzip.compress(b"a" * 200_000))
    broken = write(tmp_path / "broken.jsonl.gz", gzip.compress(lines.encode())[:-30])
    items = collect([jl, txt, bomb, broken], max_bytes=50_000)
    assert [d.id for d in docs(items)][:3] == ["batch-1", "batch-2", "story"]
    assert [d.source for d in docs(items)][:2] == [f"{jl}:1", f"{jl}:2"]
    msgs = [(e.source, e.message) for e in errors(items)]
    assert msgs[0] == (str(bomb), "input over the 50000-byte cap")
    assert msgs[-1][0] == str(broken) and "gzip" in msgs[-1][1]


def test_text_file_header_block_is_metadata(tmp_path: Path) -> None:
    header = ("Id: wire-0042\nTitle: Talks resume in Geneva\nSource: Example Wire\nAuthor: Jane Roe\n"
              "Published: 2025-08-10T09:30:00+00:00\nURL: https://news.example/wire-0042\n\n")
    fenced = "---\ntitle: Fenced title\ndate: 10 August 2025\n---\n" + article("f")
    dateline = "Talks resume in Geneva\nPublished: August 11, 2025\n\n" + article("d")
    colon = "Note: the talks resumed today in Geneva after a long pause.\n\n" + article("c")
    items = collect([write(tmp_path / "w.txt", header + ARTICLE), write(tmp_path / "f.md", fenced),
                     write(tmp_path / "d.txt", dateline), write(tmp_path / "c.txt", colon)])
    w, f, d, c = docs(items)
    assert (w.id, w.title, w.author, w.published, w.url) == (
        "wire-0042", "Talks resume in Geneva", "Jane Roe", "2025-08-10T09:30:00+00:00", "https://news.example/wire-0042")
    assert w.text == ARTICLE  # the header is not article text
    assert (f.id, f.title, f.published) == ("f", "Fenced title", "2025-08-10") and f.text.startswith("Report f.")
    assert (d.title, d.published) == ("Talks resume in Geneva", "2025-08-11") and d.text.startswith("Talks resume")
    assert c.text.startswith("Note: the talks") and c.published is None  # one "Key:" line is prose


def test_a_crashing_reader_ends_only_its_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import trafilatura

    import peacetalks.ingest.walk as walk

    def broken_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("too many bodies")

    real_read_text = walk.read_text

    def read_text(data: bytes, source: str, id_hint: str):  # type: ignore[no-untyped-def]
        if source.endswith("bad.txt"):
            raise RuntimeError("reader bug")
        return real_read_text(data, source, id_hint)

    monkeypatch.setattr(trafilatura, "bare_extraction", broken_extraction)
    monkeypatch.setattr(walk, "read_text", read_text)
    write(tmp_path / "a.html", PAGE)
    write(tmp_path / "bad.txt", article("bad"))
    write(tmp_path / "c.txt", article("c"))
    items = collect([tmp_path])
    assert [d.id for d in docs(items)] == ["a", "c"]  # the page falls back to its visible text
    [err] = errors(items)
    assert err.source.endswith("bad.txt") and err.message == "unexpected RuntimeError: reader bug"
