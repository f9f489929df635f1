from bench.report import load_pairs, targets

WRK = """Running 5s test @ http://127.0.0.1:18085/
  1 threads and 16 connections
  Latency Distribution
     50%   75.19ms
     99%  152.04ms
  195 requests in 1.01s, 4.40MB read
Requests/sec:    {rps}
"""


def write_turns(results_dir, page, turns):
    lines = []
    for turn, (small, big) in enumerate(turns, start=1):
        paths = []
        for size, rps in (("small", small), ("big", big)):
            path = results_dir / f"{page}-{size}-{turn}.txt"
            path.write_text(WRK.format(rps=rps))
            paths.append(str(path))
        lines.append(f"{page}\t{turn}\t{paths[0]}\t{paths[1]}")
    with (results_dir / "newsday_scale_pairs.tsv").open("a") as pairs:
        pairs.write("\n".join(lines) + "\n")


def verdicts(rows):
    return {row.split(" | ")[0].removeprefix("| "): row for row in rows}


def test_scale_turns_are_read_in_pairs(tmp_path):
    write_turns(tmp_path, "home", [(200, 190), (250, 240)])
    assert load_pairs(tmp_path) == {"home": [(200.0, 190.0), (250.0, 240.0)]}


def test_a_run_without_scale_turns_has_no_pairs(tmp_path):
    assert load_pairs(tmp_path) == {}


def test_the_scale_verdict_is_the_median_turn_not_the_worst(tmp_path):
    # One turn disturbed by the machine (70 %), two within 10 %.
    write_turns(tmp_path, "home", [(200, 140), (200, 190), (200, 196)])
    # Two turns of three beyond 10 %.
    write_turns(tmp_path, "feed", [(100, 80), (100, 85), (100, 99)])
    stats = {"scale": {"articles": 100000}}
    found = verdicts(targets({}, stats, load_pairs(tmp_path)))
    home = found["home at 100000 within 10 % of 1k (median of 3 turns)"]
    feed = found["feed at 100000 within 10 % of 1k (median of 3 turns)"]
    assert "70 % / 95 % / 98 % → 95 %" in home
    assert home.endswith("| ✅ |")
    assert "→ 85 %" in feed
    assert feed.endswith("| ❌ |")


def test_the_baseline_verdict_compares_this_tree_with_the_baseline_in_turns(
    tmp_path,
):
    lines = []
    for turn, (base, ours) in enumerate([(500, 470), (480, 400), (520, 500)], 1):
        paths = []
        for label, rps in (("base", base), ("ours", ours)):
            path = tmp_path / f"article-{label}-{turn}.txt"
            path.write_text(WRK.format(rps=rps))
            paths.append(str(path))
        lines.append(f"article\t{turn}\t{paths[0]}\t{paths[1]}")
    (tmp_path / "newsday_baseline_pairs.tsv").write_text("\n".join(lines) + "\n")
    baseline = load_pairs(tmp_path, "newsday_baseline_pairs.tsv")
    rows = verdicts(targets({}, {}, {}, baseline, "e962e74"))
    row = rows["uncached article within 10 % of e962e74 (median of 3 turns)"]
    # Turns at 94 %, 83 % and 96 %: the median, 94 %, passes.
    assert "→ 94 %" in row
    assert row.endswith("✅ |")
