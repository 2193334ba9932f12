"""Extraction on dask.distributed (issue 14): a two-worker LocalCluster writes Parquet
that equals the single-process event table, row for row, warnings included."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from support.synthetic import write_synthetic_folder

from gazetteer.distributed import extract_to_parquet
from gazetteer.errors import EngineError
from gazetteer.exchange import read_events
from gazetteer.extract import extract_folder
from gazetteer.settings import SEEDS_DIR


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 synthetic articles, the seeds, and a few bad files the loader must report."""
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "articles"
    write_synthetic_folder(folder, 40, seed=14)
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "wide.txt").write_bytes("The KIA captured Bhamo on 3 May 2024.".encode("utf-16"))
    (root / "secret.txt").write_text("The KIA captured Laiza on 3 May 2024.")
    (folder / "link.txt").symlink_to(root / "secret.txt")
    with open(os.path.join(os.fsencode(folder), b"odd\xe9.txt"), "wb") as handle:
        handle.write(b"The KIA captured Shwegu on 3 May 2024.")
    return folder


def test_two_worker_cluster_equals_one_process(corpus: Path, tmp_path: Path) -> None:
    single, single_warnings = extract_folder(corpus)
    report = extract_to_parquet(corpus, tmp_path / "events.parquet", workers=2, chunk=7)
    assert report.workers == 2
    assert report.articles_read == single.attrs["articles_read"]
    assert report.warnings == single_warnings
    assert report.by_type == dict(sorted(single["event_type"].value_counts().items()))
    entries = 40 + len(list(SEEDS_DIR.glob("*.txt"))) + 3  # the link is never listed
    assert len(list(report.out.glob("part-*.parquet"))) == -(-entries // 7)  # one per task
    table = pd.read_parquet(report.out)
    assert list(table.columns) == list(single.columns)
    assert table.to_dict("records") == single.to_dict("records")
    # --events reads the Parquet folder as it reads our CSV
    events, warnings = read_events(report.out)
    assert warnings == [] and list(events["event_id"]) == list(single["event_id"])


def test_an_existing_scheduler_runs_the_job(corpus: Path, tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                      host="127.0.0.1", dashboard_address=None) as cluster:
        report = extract_to_parquet(corpus, tmp_path / "e.parquet",
                                    scheduler=cluster.scheduler_address)
    assert report.workers == 1
    single, _ = extract_folder(corpus)
    assert pd.read_parquet(report.out).to_dict("records") == single.to_dict("records")


def test_no_scheduler_at_the_address_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(EngineError, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1"):
        extract_to_parquet(corpus, tmp_path / "e.parquet", scheduler="tcp://127.0.0.1:9",
                           connect_timeout=2)


def test_existing_output_is_kept_unless_replacing(tmp_path: Path) -> None:
    folder = tmp_path / "few"
    write_synthetic_folder(folder, 2, seed=1)
    out = tmp_path / "e.parquet"
    out.mkdir()
    (out / "notes.md").write_text("mine")
    with pytest.raises(EngineError, match="exists"):
        extract_to_parquet(folder, out)
    with pytest.raises(EngineError, match="other than Parquet"):
        extract_to_parquet(folder, out, overwrite=True)
    assert (out / "notes.md").read_text() == "mine"


def test_undated_articles_are_dated_by_their_folder_as_in_one_process(tmp_path: Path) -> None:
    # no sources.csv: two articles carry full dates in their text, the third only a day
    # and month, which the first round of tasks must learn the folder's years to place
    folder = tmp_path / "bare"
    folder.mkdir()
    (folder / "a.txt").write_text("Fighting went on near Bhamo on 2 March 2024. "
                                  "The KIA captured a hill post there on 4 March 2024.")
    (folder / "b.txt").write_text("Kachin rebels overran the army camp at Mansi on "
                                  "Saturday, 9 March 2024, residents said.")
    (folder / "c.txt").write_text("The Kachin Independence Army seized Shwegu on "
                                  "12 March, a spokesman said.")
    single, single_warnings = extract_folder(folder)
    undated = single[single["source_file"] == "c.txt"]
    assert len(undated) and undated["published_basis"].str.contains("folder").all()
    report = extract_to_parquet(folder, tmp_path / "e.parquet", workers=2, chunk=1)
    assert report.warnings == single_warnings
    assert pd.read_parquet(report.out).to_dict("records") == single.to_dict("records")
