#!/usr/bin/env python3
"""Turns one harness run (results.tsv + meta.tsv, written by run.sh) into a Markdown report and an
SVG bar chart of requests/s. Standard library only.

usage: report.py RESULTS_TSV META_TSV OUT_MD OUT_SVG
"""
import csv
import sys
from html import escape

# One colour per server, the same in every chart: Pronto warm, the peers cool.
COLOURS = {"pronto-worker": "#d9480f", "pronto-inline": "#f08c00", "hello-core": "#e67700",
           "tomcat": "#1971c2", "jetty": "#2f9e44", "undertow": "#7048e8", "netty": "#495057"}
PALETTE = ["#0c8599", "#c2255c", "#5c940d", "#862e9c", "#a61e4d"]  # servers added later


def read_meta(path):
    meta, scenarios = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "scenario":
                scenarios[parts[1]] = parts[2]
            elif len(parts) >= 2:
                meta[parts[0]] = parts[1]
    return meta, scenarios


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def num(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def baseline_of(rows, preferred):
    """The preferred server when it ran fine, else the first server that did."""
    ok = [r for r in rows if r["status"] == "ok" and num(r["rps"])]
    for r in ok:
        if r["server"] == preferred:
            return r
    return ok[0] if ok else None


def fmt_int(value):
    return f"{value:,.0f}" if value is not None else "—"


def markdown(rows, meta, scenarios):
    out = [f"## Pronto benchmark — {meta.get('date', '')}", ""]
    out.append(f"Commit `{meta.get('commit')}` · {meta.get('cpu')} · nproc {meta.get('nproc')} · "
               f"kernel {meta.get('kernel')} · {meta.get('java')} · {meta.get('wrk')}")
    out.append("")
    out.append(f"Each server pinned to CPU {meta.get('server_cpus')}, wrk (1 thread) pinned to CPU "
               f"{meta.get('client_cpus')}; JVM options `{meta.get('jvm_opts')}`; after start every scenario's "
               f"load for {meta.get('jit_warmup')} (JIT warm-up), then per scenario {meta.get('warmup')} warm-up and "
               f"{meta.get('duration')} measured.")
    if "h2c" in scenarios or "h2" in scenarios:
        out.append(f"The h2c and h2 scenarios' load generator is {meta.get('h2load', 'h2load')} (1 thread, in the "
                   "wrk columns), against the servers started with `--http2` (h2c) or `--tls` and `--http2` (h2, "
                   "ALPN).")
    out.append("")
    skipped = []
    for scenario, description in scenarios.items():
        srows = [r for r in rows if r["scenario"] == scenario]
        skipped += [r["server"] for r in srows if r["status"] == "skipped" and r["server"] not in skipped]
        ran = [r for r in srows if r["status"] != "skipped"]
        base = baseline_of(ran, meta.get("baseline"))
        base_name = base["server"] if base else "—"
        out.append(f"### {scenario} — {description}")
        out.append("")
        out.append(f"| server | requests/s | requests per server CPU-s | server CPU (core) | wrk CPU (core) "
                   f"| peak RSS MiB | vs {base_name} | notes |")
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        if not ran:
            out.append("| (no server ran) | | | | | | | |")
        for r in ran:
            out.append(table_row(r, base))
        out.append("")
    if skipped:
        out.append(f"Skipped (jar not built): {', '.join(skipped)}.")
        out.append("")
    failed = sorted({r["server"] for r in rows if r["status"] == "FAILED"})
    if failed:
        out.append(f"**FAILED runs: {', '.join(failed)}** — see the notes column and the raw output in "
                   f"`benchmarks/results/{meta.get('stamp')}/`.")
        out.append("")
    out.append("CPU columns: the process's utime+stime as a share of the run, and in brackets how busy its "
               "pinned core was in all (loopback TCP work in softirq is charged to no process). "
               f"*client-bound*: wrk used more than {meta.get('client_bound_pct')}% of its core, or its core was "
               f"more than {meta.get('client_core_bound_pct')}% busy while no other process ran — that row measures the load generator as "
               f"much as the server. *noisy*: other processes used more than {meta.get('foreign_noise_pct')}% "
               f"of a core during the run (such a run is measured again, up to {meta.get('noise_retries')} "
               "times, and the quietest attempt kept).")
    out.append("")
    return "\n".join(out)


def table_row(r, base):
    rps, requests, cpu = num(r["rps"]), num(r["requests"]), num(r["server_cpu_s"])
    per_cpu = requests / cpu if requests and cpu else None
    server = pct_with_core(r["server_cpu_pct"], r["server_core_pct"])
    client = pct_with_core(r["wrk_cpu_pct"], r["client_core_pct"])
    rss = r["peak_rss_mib"] or "—"
    notes = escape_cell(r["notes"])
    shown = fmt_int(rps) if r["status"] == "ok" else "FAILED"
    ratio = f"{rps / num(base['rps']):.2f}×" if r["status"] == "ok" and base and rps else "—"
    return f"| {r['server']} | {shown} | {fmt_int(per_cpu)} | {server} | {client} | {rss} | {ratio} | {notes} |"


def pct_with_core(process, core):
    if not process:
        return "—"
    return f"{process}% ({core}%)" if core else f"{process}%"


def escape_cell(text):
    return (text or "").replace("|", "\\|")


def svg(rows, meta, scenarios):
    servers = []
    for r in rows:
        if r["status"] != "skipped" and r["server"] not in servers:
            servers.append(r["server"])
    others = [s for s in servers if s not in COLOURS]
    colour = {s: COLOURS.get(s) or PALETTE[others.index(s) % len(PALETTE)] for s in servers}

    width, label_w, bar_w, row_h, top = 780, 130, 500, 22, 58
    parts, y = [], top
    for scenario, description in scenarios.items():
        srows = [r for r in rows if r["scenario"] == scenario and r["status"] != "skipped"]
        parts.append(f'<text x="10" y="{y + 14}" class="h">{escape(scenario)}'
                     f'<tspan class="d" dx="8">— {escape(description)}</tspan></text>')
        y += 24
        top_rps = max([num(r["rps"]) or 0 for r in srows if r["status"] == "ok"] or [0])
        if not srows:
            parts.append(f'<text x="{label_w}" y="{y + 15}" class="d">no server ran</text>')
            y += row_h
        for r in srows:
            parts.append(bar(r, y, top_rps, colour[r["server"]], label_w, bar_w, row_h))
            y += row_h
        y += 14
    height = y + 10
    title = f"requests/s per server (higher is better) — {meta.get('date', '')}"
    subtitle = (f"server on CPU {meta.get('server_cpus')}, wrk on CPU {meta.get('client_cpus')}; "
                f"{meta.get('duration')} runs; {meta.get('cpu')}; {meta.get('java')}")
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
        "<style>.t{font-size:16px;font-weight:bold}.s{font-size:11px;fill:#555}.h{font-size:14px;"
        "font-weight:bold}.d{font-size:11px;font-weight:normal;fill:#555}.l{font-size:12px}"
        ".v{font-size:11px}.f{font-size:12px;fill:#c92a2a;font-weight:bold}</style>",
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="10" y="22" class="t">{escape(title)}</text>',
        f'<text x="10" y="40" class="s">{escape(subtitle)}</text>',
        *parts,
        "</svg>",
        "",
    ])


def bar(r, y, top_rps, fill, label_w, bar_w, row_h):
    label = f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" class="l">{escape(r["server"])}</text>'
    rps = num(r["rps"])
    if r["status"] != "ok" or not rps:
        return label + f'<text x="{label_w}" y="{y + 15}" class="f">FAILED</text>'
    w = max(1.0, bar_w * rps / top_rps) if top_rps else 1.0
    flags = [flag for flag in ("client-bound", "noisy") if flag in (r["notes"] or "")]
    bound = f" ({', '.join(flags)})" if flags else ""
    return (label + f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 6}" fill="{fill}"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" class="v">{rps:,.0f}{escape(bound)}</text>')


def main(argv):
    if len(argv) != 5:
        sys.exit(__doc__)
    rows = read_rows(argv[1])
    meta, scenarios = read_meta(argv[2])
    with open(argv[3], "w", encoding="utf-8") as f:
        f.write(markdown(rows, meta, scenarios))
    with open(argv[4], "w", encoding="utf-8") as f:
        f.write(svg(rows, meta, scenarios))


if __name__ == "__main__":
    main(sys.argv)
