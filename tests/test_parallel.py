"""Local parallelism: ordered, bounded, batched coding (peacetalks.parallel, ingest --workers)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from peacetalks.parallel import code_items, iter_json_lines, ordered_map
from peacetalks.runner import run_ingest
from peacetalks.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "peacetalks" / "data" / "sample" / "articles.jsonl"


def _square_all(batch: list[int]) -> list[int]:
    return [x * x for x in batch]


def test_ordered_map_keeps_order_and_reads_the_input_lazily():
    pulled = []

    def numbers():
        for i in range(1000):
            pulled.append(i)
            yield i

    results = ordered_map(_square_all, numbers(), workers=2, batch_size=5, window=2)
    first = next(results)
    # Only the window (2 batches) plus the batch being queued were read: memory does not grow
    # with the input, unlike Pool.imap which reads everything ahead.
    assert first == 0 and len(pulled) <= 3 * 5
    assert [first, *results] == [i * i for i in range(1000)]


def test_code_items_same_records_with_two_workers_including_bad_lines():
    docs = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()[:6]]
    items = [(i + 1, d, None) for i, d in enumerate(docs)]
    items += [(7, None, "x:7: not valid JSON"), (8, {"id": "no-text"}, None), (9, {"text": "Russia met Ukraine."}, None)]
    one = list(code_items(items, workers=1, batch_size=4))
    two = list(code_items(items, workers=2, batch_size=4))
    assert one == two
    assert [r["id"] for r in one] == [d["id"] for d in docs] + [None, "no-text", "line-9"]
    assert "error" in one[6] and "error" in one[7] and "error" not in one[8]
    assert sum(len(r["events"]) for r in one[:6]) > 0


def test_streaming_reader_numbers_lines_reports_bad_json_and_reads_plain_text_whole():
    def read(data: str) -> list:
        return list(iter_json_lines(io.StringIO(data), "in/f.txt"))

    lines = read('\n{"id": 1, "text": "a"}\n\nnot json\n{"text": "b"}\n')
    assert [(n, obj) for n, obj, _ in lines] == [(2, {"id": 1, "text": "a"}), (4, None), (5, {"text": "b"})]
    assert lines[1][2].startswith("in/f.txt:4: not valid JSON")
    assert read("\n\nPlain text.\nMore.\n") == [(1, {"id": "f", "text": "\n\nPlain text.\nMore.\n"}, None)]
    assert read("") == [] and read(" \n") == []


def test_ingest_with_two_workers_stores_the_same_events(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:8]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = []
    for workers in (1, 2):
        with Store.open(f"sqlite:///{tmp_path / f'w{workers}.db'}") as store:
            summary = run_ingest([str(src)], store, workers=workers, errors_to=io.StringIO())
            assert summary.stored == 8 and summary.failed == 0
            ids.append(sorted(e["id"] for e in store.events()))
    assert ids[0] == ids[1] and ids[0]
