"""Turn a benchmark run's raw outputs into the results section of docs/benchmarks.md.

    python bench/report.py RESULTS_DIR             # print the Markdown
    python bench/report.py RESULTS_DIR --readme docs/benchmarks.md   # rewrite its section

RESULTS_DIR is what ../shared/peers/run.sh (with EXTRA_TARGETS=bench/ours.sh)
or bench/load.sh wrote: results.tsv, wrk/*.txt, versions.txt and
newsday_pagestats_*.json. The section lies between the
``<!-- bench:start -->`` and ``<!-- bench:end -->`` markers.
"""

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(text):
    def latency(pct):
        m = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] if m else None

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors:.*?(\d+).*?(\d+).*?(\d+).*?(\d+)", text)
    return {
        "rps": float(rps.group(1)) if rps else None,
        "p50": latency(50),
        "p99": latency(99),
        "bad": (int(non2xx.group(1)) if non2xx else 0)
        + (sum(int(g) for g in errors.groups()) if errors else 0),
    }


def load(results_dir):
    rows = {}
    for line in (results_dir / "results.tsv").read_text().splitlines():
        target, _url, path = line.split("\t")
        rows[target] = parse_wrk(Path(path).read_text())
    stats = {
        p.stem.removeprefix("newsday_pagestats_"): json.loads(p.read_text())
        for p in sorted(results_dir.glob("newsday_pagestats_*.json"))
    }
    versions = (results_dir / "versions.txt").read_text().strip().splitlines()
    return (
        rows,
        stats,
        versions,
        load_pairs(results_dir),
        load_pairs(results_dir, "newsday_baseline_pairs.tsv"),
    )


def load_pairs(results_dir, name="newsday_scale_pairs.tsv"):
    """{page: [(req/s of the first, req/s of the second), …]}: turns of two
    servers (bench/ours.sh: N and N_SCALE articles, or a baseline revision
    and this tree); empty when the run has none."""
    pairs = {}
    path = results_dir / name
    lines = path.read_text().splitlines() if path.exists() else []
    for line in lines:
        page, _turn, small, big = line.split("\t")
        rps = [parse_wrk(Path(p).read_text())["rps"] for p in (small, big)]
        pairs.setdefault(page, []).append(tuple(rps))
    return pairs


def fmt(value, digits=0):
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}".replace(",", " ")


def ratio(rows, a, b):
    if a in rows and b in rows and rows[a]["rps"] and rows[b]["rps"]:
        return rows[a]["rps"] / rows[b]["rps"]
    return None


def targets(rows, stats, pairs, baseline=None, baseline_rev="baseline"):
    """The issue's targets, each with the measured value and a verdict."""
    out = []

    def check(label, value, ok, shown):
        verdict = "n/a" if value is None else ("✅" if ok(value) else "❌")
        out.append(
            f"| {label} | {shown if value is not None else 'not measured'} | {verdict} |"
        )

    r = ratio(rows, "newsday-article", "wagtail-article")
    check("uncached article ≥ 3x Wagtail's req/s", r, lambda v: v >= 3, f"{fmt(r, 2)}x")
    q = stats.get("main", {}).get("pages", {}).get("article", {}).get("queries_warm")
    check("uncached article ≤ 5 queries", q, lambda v: v <= 5, f"{q} queries")
    for page in ("article", "home"):
        r = ratio(rows, f"newsday-{page}-cached", "django-floor")
        check(
            f"{page} from Django's cache ≥ 80 % of the bare Django floor",
            r,
            lambda v: v >= 0.8,
            f"{fmt(r * 100 if r else None)} %",
        )
        r = ratio(rows, f"newsday-{page}-edge", "nginx-static")
        check(
            f"{page} from the edge cache ≥ 50 % of nginx static",
            r,
            lambda v: v >= 0.5,
            f"{fmt(r * 100 if r else None)} %",
        )
    scale = stats.get("scale", {})
    search = scale.get("pages", {}).get("search", {})
    p50 = search.get("inproc_ms_p50") if search.get("status") == 200 else None
    check(
        f"search « {search.get('url', '?').partition('q=')[2]} » p50 < 50 ms at {scale.get('articles', '100k')} articles ({scale.get('database', '?')}, in-process)",
        p50,
        lambda v: v < 50,
        f"{fmt(p50, 1)} ms",
    )
    for page, turns in pairs.items():
        ratios = [big / small for small, big in turns if small and big]
        r = statistics.median(ratios) if ratios else None
        check(
            f"{page} at {scale.get('articles', '100k')} within 10 % of 1k"
            f" (median of {len(turns)} turns)",
            r,
            lambda v: v >= 0.9,
            " / ".join(f"{fmt(v * 100)} %" for v in ratios)
            + f" → {fmt(r * 100 if r else None)} %",
        )
    for page, turns in (baseline or {}).items():
        ratios = [ours / base for base, ours in turns if base and ours]
        r = statistics.median(ratios) if ratios else None
        check(
            f"uncached {page} within 10 % of {baseline_rev} (median of {len(turns)} turns)",
            r,
            lambda v: v >= 0.9,
            " / ".join(f"{fmt(v * 100)} %" for v in ratios)
            + f" → {fmt(r * 100 if r else None)} %",
        )
    return out


def render(results_dir):
    rows, stats, versions, pairs, baseline = load(results_dir)
    baseline_rev = next(
        (v.partition("=")[2] for v in versions if v.startswith("newsday_baseline=")),
        "baseline",
    )
    nginx = rows.get("nginx-static", {}).get("rps")
    lines = [
        f"Run `{results_dir.name}`; regenerate with `make bench` (about 15 minutes).",
        "",
        "```",
        *versions,
        "```",
        "",
        "| target | req/s | p50 ms | p99 ms | errors | ratio to nginx |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for target, row in rows.items():
        share = row["rps"] / nginx if nginx and row["rps"] else None
        lines.append(
            f"| {target} | {fmt(row['rps'])} | {fmt(row['p50'], 1)} | {fmt(row['p99'], 1)}"
            f" | {row['bad']} | {fmt(share, 4)} |"
        )
    lines += [
        "",
        "Queries per page and in-process time (Django test client):",
        "",
        "| run | page | status | HTML bytes | queries (warm; cold) | p50 ms | p90 ms |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for label, data in stats.items():
        run = f"{label} ({data['articles']} articles, {data['database']})"
        for page, p in data["pages"].items():
            lines.append(
                f"| {run} | {page} | {p['status']} | {fmt(p['html_bytes'])}"
                f" | {p['queries_warm']} ({p['queries_cold']}) | {p['inproc_ms_p50']} | {p['inproc_ms_p90']} |"
            )
    lines += [
        "",
        "| target | measured | |",
        "|---|---:|:-:|",
        *targets(rows, stats, pairs, baseline, baseline_rev),
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("results_dir", type=Path)
    parser.add_argument("--readme", type=Path)
    args = parser.parse_args(argv)
    section = render(args.results_dir)
    if not args.readme:
        print(section)
        return
    text = args.readme.read_text()
    if START not in text or END not in text:
        sys.exit(f"{args.readme} has no {START} … {END} section")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    args.readme.write_text(f"{head}{START}\n{section}\n{END}{tail}")
    print(f"updated {args.readme}")


if __name__ == "__main__":
    main()
