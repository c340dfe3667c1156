#!/usr/bin/env python3
"""Builds the benchmark report (Markdown) from what bench/run.sh recorded.

  python3 bench/report.py --summary /tmp/nendo-bench/results/summary-1000000.tsv \
      --results /tmp/nendo-bench/results --queries /tmp/nendo-bench/queries.jsonl --n 1000000 \
      --out /tmp/nendo-bench/results/report-1000000.md

summary-N.tsv has one "engine<TAB>key<TAB>value" line per figure: `indexed` (nendo's INDEXED line
or the peers' RESULT line of the indexing step), `index_wall_s`, `result` (bench.sh RESULT lines),
`rss_kb` (VmHWM of the server process), `check_errors`, and for nendo `gc_log_index`,
`gc_log_serve`, `start_jvm_s` / `start_mvn_s` (one per restart), `index_rss_kb`. The hit-count
files are the check_queries.py outputs `<engine>-N.hits.tsv` (qid, kind, status, hits, ms).
Writes the differing queries nendo vs Groonga bigram to RESULTS/hit-diff.tsv. Python stdlib only.
"""
import argparse
import collections
import json
import os
import re
import statistics
import sys

ENGINES = [("nendo", "nendo"), ("solr", "Solr 9 standalone"), ("groonga-TokenBigram", "Groonga bigram"),
           ("groonga-TokenMecab", "Groonga MeCab")]
UNIT = {"B": 1 / 1048576, "K": 1 / 1024, "M": 1.0, "G": 1024.0}
SIZE = r"(\d+(?:\.\d+)?)([BKMG])"
PAUSE = re.compile(SIZE + "->" + SIZE + r"\(" + SIZE + r"\)")


def read_summary(path):
    d = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t", 2)
        if len(parts) == 3:
            d[parts[0]][parts[1]].append(parts[2])
    return d


def kv(line):
    return dict(re.findall(r"(\S+?)=(\S+)", line or ""))


def num(v):
    if v is None:
        return None
    m = re.match(r"-?[\d.]+", str(v))
    return float(m.group(0)) if m else None


def index_figures(e):
    """(engine seconds, records, records/s) from nendo's INDEXED line or a peer's RESULT line."""
    line = (e.get("indexed") or [None])[-1]
    f = kv(line)
    secs = num(f.get("seconds") or f.get("total"))
    recs = num(f.get("records") or f.get("docs"))
    rate = num(f.get("records_per_s") or f.get("docs/s"))
    if rate is None and secs and recs:
        rate = recs / secs
    return secs, recs, rate


def bench_figures(e):
    """{concurrency: {qps, p50, p99, non2xx, socket_errors}} from bench.sh RESULT lines."""
    out = {}
    for line in e.get("result", []):
        f = kv(line)
        c = int(num(f.get("conc")))
        se = re.search(r"socket_errors=\[(.*)\]", line)
        out[c] = {"qps": num(f.get("qps")), "p50": num(f.get("p50")), "p99": num(f.get("p99")),
                  "non2xx": int(num(f.get("non2xx")) or 0), "socket_errors": se.group(1) if se else ""}
    return out


def gc_peak(path):
    """(peak heap used in MiB, max heap in MiB, number of pauses, live heap in MiB) from a -Xlog:gc*
    file: the largest "before" of the pause lines "... 412M->120M(1024M) ..." and the heap used printed
    at exit; live is the largest "after" of a full collection, what survived one. The peak includes
    garbage and so depends on the collector (the parallel collector lets the heap fill before it
    collects the old generation); the live figure does not. Only a full pause counts for live: after
    a young pause the old generation still holds its garbage (seen: a young pause "1005M->1013M"
    just before a full one "1013M->460M"). A log without a full pause after start-up gives the largest
    "after" of any pause, an upper bound."""
    if not path or not os.path.exists(path):
        return None, None, 0, None
    peak, cap, pauses = None, None, 0
    live_full, live_any = None, None
    for line in open(path, encoding="utf-8", errors="replace"):
        if "Pause" in line:
            m = PAUSE.search(line)
            if m:
                pauses += 1
                before = float(m.group(1)) * UNIT[m.group(2)]
                peak = before if peak is None else max(peak, before)
                after = float(m.group(3)) * UNIT[m.group(4)]
                live_any = after if live_any is None else max(live_any, after)
                # "Pause Full (Metadata GC Threshold)" runs at start-up, before any data is loaded
                if "Pause Full" in line and "Metadata" not in line:
                    live_full = after if live_full is None else max(live_full, after)
        m = re.search(r"Heap Max Capacity: " + SIZE, line)
        if m:
            cap = float(m.group(1)) * UNIT[m.group(2)]
        if "exit" in line:  # [gc,exit] (or [gc,heap,exit]) " garbage-first heap   total reserved …, used 94813K"
            m = re.search(r"heap\s+total (?:reserved )?\d+K, (?:committed \d+K, )?used (\d+)K", line)
            if m:
                used = int(m.group(1)) / 1024
                peak = used if peak is None else max(peak, used)
    return peak, cap, pauses, (live_full if live_full is not None else live_any)


def f_int(v):
    return "–" if v is None else f"{v:,.0f}"


def f_num(v, d=1):
    return "–" if v is None else f"{v:.{d}f}"


def f_mib(kb):
    v = num(kb)
    return "–" if not v else f"{v / 1024:,.0f} MiB"


def ratio(a, b):
    return a / b if a is not None and b else None


def f_ratio(r):
    return "–" if r is None else f"{r:.2f}×"


def load_hits(path):
    rows = {}
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            p = line.rstrip("\n").split("\t")
            if len(p) >= 4:
                rows[p[0]] = p
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--summary", required=True)
    ap.add_argument("--results", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--n", required=True)
    ap.add_argument("--out")
    ap.add_argument("--diff-rows", type=int, default=40)
    a = ap.parse_args()
    S = read_summary(a.summary)
    meta = {k: v[-1] for k, v in S.get("meta", {}).items()}
    out = []
    p = out.append

    p(f"## nendo vs Solr vs Groonga — {int(a.n):,} records")
    p("")
    p(f"- run: {meta.get('date', '?')}; wrk {meta.get('dur', '?')} per concurrency after a {meta.get('warm', '?')} "
      f"warm-up at c=8; 1,000 queries (gen_queries.py --seed 7), every request: top 10, highlighted snippets, "
      f"year + department facet counts")
    p(f"- machine: {meta.get('cpu', '?')}, {meta.get('mem', '?')} RAM, Linux {meta.get('kernel', '?')}")
    p(f"- corpus: gen_corpus.py --n {a.n} --seed 42, md5 {meta.get('corpus_md5', '?')}")
    nj = (S.get("nendo", {}).get("java") or ["?"])[-1]
    sj = (S.get("solr", {}).get("java") or ["?"])[-1]
    p(f"- nendo: {meta.get('nendo_commit', '?')} — {nj}, -Xmx1g; Solr 9.10.1: {sj}, -Xms2g -Xmx2g; "
      f"{(S.get('groonga-TokenBigram', {}).get('version') or ['Groonga'])[-1]}, 2 threads")
    runs = [(name, S[key]["run"][-1]) for key, name in ENGINES if key in S and S[key].get("run")]
    if runs:
        p("- measured: " + "; ".join(f"{name} {r}" for name, r in runs))
    if meta.get("profile") == "1":
        p("- **PROFILE=1: nendo ran with Java Flight Recorder; its figures are not comparable**")
    p("")

    # ---- main table
    p("| engine | index s | index wall s | records/s | QPS c=1 | p50 c=1 ms | p99 c=1 ms | QPS c=8 | p50 c=8 ms "
      "| p99 c=8 ms | errors | peak RSS | peak heap (index / serve) | start → first answer |")
    p("|---|" + "---:|" * 9 + "---|" * 2 + "---:|" * 2)
    fig = {}
    for key, name in ENGINES:
        e = S.get(key)
        if not e:
            continue
        secs, recs, rate = index_figures(e)
        b = bench_figures(e)
        c1, c8 = b.get(1, {}), b.get(8, {})
        errs = [f"check {e.get('check_errors', ['?'])[-1] or '?'}"]
        errs.append(f"non-2xx {sum(x['non2xx'] for x in b.values())}")
        if any(x["socket_errors"] for x in b.values()):
            errs.append("socket " + "; ".join(x["socket_errors"] for x in b.values() if x["socket_errors"]))
        heap, start = "–", "–"
        f = {"rate": rate, "qps1": c1.get("qps"), "qps8": c8.get("qps"), "p99_1": c1.get("p99"),
             "p99_8": c8.get("p99"), "recs": recs}
        if key == "nendo":
            hi, cap_i, _, li = gc_peak((e.get("gc_log_index") or [None])[-1])
            hs, cap_s, _, ls = gc_peak((e.get("gc_log_serve") or [None])[-1])
            cap = cap_s or cap_i or 1024
            heap = (f"{f_num(hi, 0)} / {f_num(hs, 0)} MiB, live after GC {f_num(li, 0)} / {f_num(ls, 0)} MiB"
                    f" (max {cap:.0f})")
            sj_ = [float(x) for x in e.get("start_jvm_s", [])]
            sm_ = [float(x) for x in e.get("start_mvn_s", [])]
            f["start"] = statistics.median(sj_) if sj_ else None
            f["start_mvn"] = statistics.median(sm_) if sm_ else None
            f["heap"] = max([x for x in (hi, hs) if x is not None], default=None)
            f["heap_cap"] = cap
            f["live"] = max([x for x in (li, ls) if x is not None], default=None)
            f["starts"] = sj_
            start = "–" if not sj_ else f"{f['start']:.2f} s (with Maven {f['start_mvn']:.2f} s)"
        rss = f_mib((e.get("rss_kb") or [None])[-1])
        if key == "nendo" and num((e.get("index_rss_kb") or [None])[-1]):
            rss += f" (index {f_mib(e['index_rss_kb'][-1])})"
        fig[key] = f
        p(f"| {name} | {f_num(secs)} | {f_num(num((e.get('index_wall_s') or [None])[-1]))} | {f_int(rate)} "
          f"| {f_num(c1.get('qps'))} | {f_num(c1.get('p50'), 2)} | {f_num(c1.get('p99'), 2)} "
          f"| {f_num(c8.get('qps'))} | {f_num(c8.get('p50'), 2)} | {f_num(c8.get('p99'), 2)} "
          f"| {', '.join(errs)} | {rss} | {heap} | {start} |")
    p("")

    # ---- ratios and targets
    n = fig.get("nendo")
    if n:
        p("### nendo ÷ peer")
        p("")
        p("| nendo ÷ | records/s | QPS c=1 | QPS c=8 | p99 c=1 (lower is better) | p99 c=8 (lower is better) |")
        p("|---|---:|---:|---:|---:|---:|")
        for key, name in ENGINES[1:]:
            o = fig.get(key)
            if o:
                p(f"| {name} | {f_ratio(ratio(n['rate'], o['rate']))} | {f_ratio(ratio(n['qps1'], o['qps1']))} "
                  f"| {f_ratio(ratio(n['qps8'], o['qps8']))} | {f_ratio(ratio(n['p99_1'], o['p99_1']))} "
                  f"| {f_ratio(ratio(n['p99_8'], o['p99_8']))} |")
        p("")
        p("### Targets (issue 7)")
        p("")
        p("| target | measured | |")
        p("|---|---:|---|")
        s = fig.get("solr", {})

        def mark(ok):
            return "n/a" if ok is None else ("**met**" if ok else "**not met**")

        def row(label, value, ok):
            p(f"| {label} | {value} | {mark(ok)} |")

        for label, k in (("indexing throughput ≥ 1.5× Solr", "rate"), ("QPS c=1 ≥ 1.5× Solr", "qps1"),
                         ("QPS c=8 ≥ 1.5× Solr", "qps8")):
            r = ratio(n[k], s.get(k))
            row(label, f_ratio(r), None if r is None else r >= 1.5)
        for label, k in (("p99 c=1 ≤ Solr's", "p99_1"), ("p99 c=8 ≤ Solr's", "p99_8")):
            v, o = n[k], s.get(k)
            row(label, "–" if v is None or o is None else f"{v:.2f} ms vs {o:.2f} ms",
                None if v is None or o is None else v <= o)
        st = n.get("start")
        row("start-to-first-answer < 2 s (JVM start → first HTTP 200 of /api/search?q=防災, median of "
            f"{len(n.get('starts', []))}; existing index)",
            "–" if st is None else f"{st:.2f} s ({', '.join(f'{x:.2f}' for x in n['starts'])})",
            None if st is None else st < 2.0)
        hp = n.get("heap")
        row(f"peak heap < 1 GB (max heap used before a GC or at exit, index and serve; -Xmx{n['heap_cap']:.0f}m)",
            "–" if hp is None else f"{hp:.0f} MiB (live after GC {f_num(n.get('live'), 0)} MiB)",
            None if hp is None else hp < 1024)
        p("")

    # ---- hit counts
    nh = load_hits(os.path.join(a.results, f"nendo-{a.n}.hits.tsv"))
    gh = load_hits(os.path.join(a.results, f"groonga-TokenBigram-{a.n}.hits.tsv"))
    if nh and gh:
        p("### Hit counts: nendo vs Groonga bigram")
        p("")
        cmpf = os.path.join(a.results, f"compare-nendo-groonga-{a.n}.txt")
        if os.path.exists(cmpf):
            p("check_queries.py --compare (identical hit counts, by query kind):")
            p("")
            p("```")
            p(open(cmpf, encoding="utf-8").read().rstrip())
            p("```")
            p("")
        qs = {}
        for line in open(a.queries, encoding="utf-8"):
            if line.strip():
                q = json.loads(line)
                qs[q["qid"]] = q
        diffs = []
        for qid, r in nh.items():
            g = gh.get(qid)
            if g is None or r[3] != g[3]:
                q = qs.get(qid, {})
                filt = []
                if q.get("year_from") is not None:
                    filt.append(f"year {q['year_from']}-{q['year_to']}")
                if q.get("department"):
                    filt.append(f"dept {q['department']}")
                terms = " ".join(q.get("terms", []))
                if q.get("phrase"):
                    terms = f'"{terms}"'
                diffs.append((qid, r[1], terms, ", ".join(filt) or "-", r[3], g[3] if g else "?"))
        path = os.path.join(a.results, "hit-diff.tsv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("qid\tkind\tterms\tfilters\tnendo\tgroonga_bigram\n")
            for d in diffs:
                f.write("\t".join(map(str, d)) + "\n")
        by = collections.Counter()
        for d in diffs:
            nv, gv = num(d[4]), num(d[5])
            by[(d[1], "nendo more" if nv is not None and gv is not None and nv > gv else "nendo fewer"
                if nv is not None and gv is not None and nv < gv else "error")] += 1
        p(f"{len(diffs)} of {len(nh)} queries differ"
          + (" (" + ", ".join(f"{k} {w}: {c}" for (k, w), c in sorted(by.items())) + ")" if diffs else "")
          + (f"; all listed in `{path}`, first {min(a.diff_rows, len(diffs))} here:" if diffs else
             f" (`{path}` has the header only)."))
        p("")
        if diffs:
            p("| qid | kind | terms | filters | nendo | Groonga bigram |")
            p("|---|---|---|---|---:|---:|")
            for d in diffs[:a.diff_rows]:
                p("| " + " | ".join(str(x).replace("|", "\\|") for x in d) + " |")
            p("")
    cmps = os.path.join(a.results, f"compare-nendo-solr-{a.n}.txt")
    if os.path.exists(cmps):
        p("For reference, nendo vs Solr (Solr ANDs the Kuromoji tokens of an unquoted word, so its counts differ "
          "by design):")
        p("")
        p("```")
        p(open(cmps, encoding="utf-8").read().rstrip())
        p("```")
        p("")

    text = "\n".join(out) + "\n"
    sys.stdout.write(text)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
