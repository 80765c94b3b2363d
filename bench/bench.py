#!/usr/bin/env python3
"""`make bench` (issue 17): offsync against a hand-written DuckDB job on the same files.

Generates the workspace once per N (bench/zendesk_workspace.py), installs DuckDB from PyPI into
a virtual environment under the bench folder, then runs, one after the other:
  1. the job `offsync compile --engine duckdb` writes for the workspace, with no state (its
     `.offsync` removed first), which must count and write what run 1 does;
  2. `offsync run --timings --force` with no state, then the compiled job again and a second
     `offsync run`, both once the first run's links are remembered (the job must count and write
     what run 2 does);
  3. the DuckDB job (bench/duckdb_job.py), which plans the first run;
  4. with --repeat R (`REPEAT=3 make bench`), R-1 more rounds of run 1, run 2 and the DuckDB job,
     and the medians of the rounds are printed.
It prints the counts of both side by side with AGREE or DISAGREE (exit 1 on DISAGREE), whether
the import files hold the same lines, what the second run changed, then wall time, CPU time
(user + sys) and peak RSS of each, the ratio offsync/DuckDB and offsync's seconds per stage.

`--force`: the circuit breaker guards against broken exports, and a first run of a migration
may well rewrite more than 10% of a dataset; it does not change what is planned.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DUCKDB = "duckdb==2.0.0"
COMPARED = ["linked", "matched", "ambiguous", "create", "update_target", "update_source", "unchanged",
            "unmatched_source", "unmatched_target", "duplicate"]


def fail(message):
    print(f"bench: {message}", file=sys.stderr)
    sys.exit(1)


# ---- Measuring a child process -------------------------------------------------------------------

def measure(command, log):
    """Runs `command` with its output in `log`; returns wall, user+sys CPU seconds and peak RSS (bytes)."""
    timing = log + ".time"
    use_time = os.access("/usr/bin/time", os.X_OK)
    wrapped = ["/usr/bin/time", "-v", "-o", timing] + command if use_time else \
        [sys.executable, os.path.abspath(__file__), "--rusage", timing, "--"] + command
    start = time.monotonic()
    with open(log, "w") as out:
        code = subprocess.call(wrapped, stdout=out, stderr=subprocess.STDOUT)
    wall = time.monotonic() - start
    if code != 0:
        with open(log) as f:
            tail = f.read()[-3000:]
        fail(f"{' '.join(command)} exited {code}:\n{tail}")
    with open(timing) as f:
        text = f.read()
    if use_time:
        def field(name):
            match = re.search(re.escape(name) + r":\s*([\d.]+)", text)
            return float(match.group(1)) if match else 0.0
        return wall, field("User time (seconds)") + field("System time (seconds)"), \
            field("Maximum resident set size (kbytes)") * 1024
    usage = json.loads(text)
    return wall, usage["cpu"], usage["maxrss"]


def rusage_wrapper(timing, command):
    """Without /usr/bin/time: the one child of this process, so RUSAGE_CHILDREN is its own."""
    code = subprocess.call(command)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(timing, "w") as f:
        json.dump({"cpu": usage.ru_utime + usage.ru_stime, "maxrss": usage.ru_maxrss * 1024}, f)
    sys.exit(code)


# ---- Setting up ------------------------------------------------------------------------------------

def duckdb_python(bench_dir):
    venv = os.path.join(bench_dir, "venv")
    python = os.path.join(venv, "bin", "python")
    check = [python, "-c", f"import duckdb, sys; sys.exit(duckdb.__version__ != '{DUCKDB.split('==')[1]}')"]
    if os.path.exists(python) and subprocess.call(check, stderr=subprocess.DEVNULL) == 0:
        return python
    print(f"bench: installing {DUCKDB} into {venv}")
    if subprocess.call([sys.executable, "-m", "venv", venv]) != 0:
        fail("could not create a virtual environment (on Debian: apt-get install python3-venv)")
    if subprocess.call([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", DUCKDB]) != 0:
        fail(f"could not install {DUCKDB} from PyPI")
    return python


def input_bytes(workspace):
    dumps = os.path.join(workspace, "dumps")
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(dumps) for f in files)


# ---- Reading the results ----------------------------------------------------------------------------

def report_head(path):
    """report.json without `findings` (hundreds of MB at 1M today): everything before it."""
    with open(path, "rb") as f:
        text = f.read()
    match = re.search(rb'(\n  "findings": \[|,"findings":\[)', text)
    if match is None:
        return json.loads(text)
    return json.loads(text[:match.start()].rstrip().rstrip(b",") + b"}")


def timings(log):
    stages = {}
    peak = None
    with open(log) as f:
        for line in f:
            match = re.match(r"^(\S.*?)\s+(\d+\.\d+)\s+[\d.]+%(?:\s+\d+)?$", line.rstrip())
            if match:
                stages[match.group(1)] = float(match.group(2))
            elif line.startswith("peak memory"):
                peak = line.split(None, 2)[2].strip()
    return stages, peak


def inflated_digest(path):
    digest = hashlib.sha256()
    lines = 0
    with gzip.open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            lines += chunk.count(b"\n")
    return digest.hexdigest(), lines


def import_files(folder):
    found = {}
    root = os.path.join(folder, "import")
    for d, _, files in os.walk(root):
        for name in files:
            if name.endswith(".jsonl.gz"):
                path = os.path.join(d, name)
                found[os.path.relpath(path, folder)] = path
    return found


def parsed_lines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return sorted(json.dumps(json.loads(line), sort_keys=True) for line in f if line.strip())


def differing_lines(a, b, limit=3):
    with gzip.open(a, "rt", encoding="utf-8") as f:
        left = set(f.read().splitlines())
    with gzip.open(b, "rt", encoding="utf-8") as f:
        right = set(f.read().splitlines())
    return sorted(left - right)[:limit], sorted(right - left)[:limit], len(left - right), len(right - left)


# ---- Printing -------------------------------------------------------------------------------------

def kilobytes_as_mb(text):
    match = re.match(r"(\d+) kB", text or "")
    return f"{int(match.group(1)) * 1024 / 1e6:.0f}" if match else (text or "?")


def number(value):
    return f"{value:,}" if isinstance(value, int) else str(value)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--rusage":
        rusage_wrapper(sys.argv[2], sys.argv[4:])
    parser = argparse.ArgumentParser(description="offsync against DuckDB on one generated workspace")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--dir", default=".bench")
    parser.add_argument("--offsync", required=True, help="the offsync binary (a release build)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run offsync's two runs and the DuckDB job this many times, alternating, and print medians")
    args = parser.parse_args()
    n = args.records
    bench_dir = os.path.abspath(args.dir)
    workspace = os.path.join(bench_dir, f"zendesk-{n}")
    offsync = os.path.abspath(args.offsync)

    if subprocess.call([sys.executable, os.path.join(HERE, "zendesk_workspace.py"), "--out", workspace,
                        "--records", str(n)]) != 0:
        fail("generating the workspace failed")
    python = duckdb_python(bench_dir)
    size = input_bytes(workspace)

    outputs = {name: os.path.join(bench_dir, f"zendesk-{n}-{name}") for name in ("run1", "run2", "duckdb", "compiled", "compiled2")}
    job = os.path.join(bench_dir, f"zendesk-{n}-job")
    for folder in list(outputs.values()) + [os.path.join(workspace, ".offsync"), job]:
        shutil.rmtree(folder, ignore_errors=True)
    logs = {name: folder + ".log" for name, folder in outputs.items()}
    if subprocess.call([offsync, "compile", workspace, "--engine", "duckdb", "--out", job]) != 0:
        fail("offsync compile failed")

    load_before = os.getloadavg()[0]
    print(f"\nbench: N={n:,}, {size / 1e6:.1f} MB of exports in {workspace}")
    results = {}
    # The compiled job reads state as offsync does: run before run 1, it plans the same first run.
    print("bench: the job offsync compile wrote (DuckDB), no state ...", flush=True)
    results["compiled"] = measure([python, os.path.join(job, "run"), outputs["compiled"]], logs["compiled"])
    for name, label in (("run1", "offsync run 1 (no state)"), ("run2", "offsync run 2 (links remembered)")):
        if name == "run2":
            # Between the runs, the compiled job reads the state run 2 reads.
            print("bench: the compiled job again, links remembered ...", flush=True)
            results["compiled2"] = measure([python, os.path.join(job, "run"), outputs["compiled2"], "--force"], logs["compiled2"])
        print(f"bench: {label} ...", flush=True)
        results[name] = measure([offsync, "run", workspace, "--out", outputs[name], "--timings", "--force"], logs[name])
    print("bench: DuckDB job ...", flush=True)
    os.makedirs(outputs["duckdb"])
    results["duckdb"] = measure([python, os.path.join(HERE, "duckdb_job.py"), workspace, outputs["duckdb"]], logs["duckdb"])

    # On a shared machine one measurement can be 30% off: more rounds, each of the three in turn,
    # and the median of each figure (the outputs and stage seconds are the first round's).
    rounds = {name: [results[name]] for name in ("run1", "run2", "duckdb")}
    for r in range(2, args.repeat + 1):
        print(f"bench: round {r} of {args.repeat}: offsync run 1, run 2, DuckDB job ...", flush=True)
        shutil.rmtree(os.path.join(workspace, ".offsync"))
        for name in ("run1", "run2", "duckdb"):
            folder = f"{outputs[name]}-round"
            shutil.rmtree(folder, ignore_errors=True)
            if name == "duckdb":
                os.makedirs(folder)
                command = [python, os.path.join(HERE, "duckdb_job.py"), workspace, folder]
            else:
                command = [offsync, "run", workspace, "--out", folder, "--timings", "--force"]
            rounds[name].append(measure(command, folder + ".log"))
            shutil.rmtree(folder)
    for name, measured in rounds.items():
        results[name] = tuple(sorted(figure)[len(figure) // 2] for figure in zip(*measured))

    run1 = report_head(os.path.join(outputs["run1"], "report.json"))
    run2 = report_head(os.path.join(outputs["run2"], "report.json"))
    with open(os.path.join(outputs["duckdb"], "counts.json")) as f:
        duck = json.load(f)

    # ---- Counts ----
    agree = True
    width = 56
    print(f"\n{'counts, first run':<{width}} {'offsync':>10} {'DuckDB':>10}")
    flows1 = {(f["source"], f["target"]): f["counts"] for f in run1["flows"]}
    for flow in duck["flows"]:
        key = (flow["source"], flow["target"])
        print(f"{key[0]} -> {key[1]}")
        ours = flows1.get(key)
        if ours is None:
            print("  (offsync's report has no such flow)")
            agree = False
            continue
        for name in COMPARED:
            a, b = ours.get(name), flow["counts"].get(name)
            mark = "" if a == b else "   <-- differs"
            agree = agree and a == b
            print(f"  {name:<{width - 2}} {number(a):>10} {number(b):>10}{mark}")
        if flow["counts"].get("unresolved_reference"):
            print(f"  {'(unresolved_reference: partyId not linked yet)':<{width - 2}} {'':>10} "
                  f"{number(flow['counts']['unresolved_reference']):>10}")
    # identities[] keeps the first 100; identities_total counts them all.
    identities = run1.get("identities_total", len(run1.get("identities", [])))
    mark = "" if identities == duck["identities"] else "   <-- differs"
    agree = agree and identities == duck["identities"]
    print(f"{'identities (a target linked from 2+ records)':<{width}} {number(identities):>10} "
          f"{number(duck['identities']):>10}{mark}")
    imports1 = {i["file"]: i["records"] for i in run1.get("imports", [])}
    importsd = {i["file"]: i["records"] for i in duck["imports"]}
    print("import files (records)")
    for file in sorted(set(imports1) | set(importsd)):
        a, b = imports1.get(file, 0), importsd.get(file, 0)
        mark = "" if a == b else "   <-- differs"
        agree = agree and a == b
        print(f"  {file:<{width - 2}} {number(a):>10} {number(b):>10}{mark}")

    # ---- Same lines? ----
    files1, filesd, files2 = import_files(outputs["run1"]), import_files(outputs["duckdb"]), import_files(outputs["run2"])
    digests1 = {f: inflated_digest(p)[0] for f, p in files1.items()}
    same_lines = True
    notes = []
    for file in sorted(set(files1) | set(filesd)):
        if file not in files1 or file not in filesd:
            same_lines = False
            notes.append(f"  {file}: only in {'offsync' if file in files1 else 'DuckDB'}'s output")
        elif digests1[file] != inflated_digest(filesd[file])[0]:
            same_lines = False
            only1, onlyd, count1, countd = differing_lines(files1[file], filesd[file])
            if not only1 and not onlyd:
                notes.append(f"  {file}: the same lines in another order")
                continue
            notes.append(f"  {file}: {count1:,} lines only offsync wrote, {countd:,} only DuckDB wrote, e.g.")
            notes += [f"    offsync: {line}" for line in only1] + [f"    DuckDB:  {line}" for line in onlyd]
    print("import files' lines: " + ("identical (inflated bytes)" if same_lines else "DIFFER"))
    for note in notes:
        print(note)
    # The compiled job: every count of every flow, and every import line as parsed JSON.
    for name, run, ours in (("compiled", "run 1", run1), ("compiled2", "run 2", run2)):
        with open(os.path.join(outputs[name], "report.json")) as f:
            compiled = json.load(f)
        theirs = import_files(outputs[name])
        mine = import_files(outputs["run1" if name == "compiled" else "run2"])
        same = [f["counts"] for f in compiled["flows"]] == [f["counts"] for f in ours["flows"]] and set(theirs) == set(mine) and all(
            parsed_lines(theirs[f]) == parsed_lines(mine[f]) for f in mine)
        print(f"offsync compile's DuckDB job, as {run}: " + (f"the same counts and import lines as offsync {run}" if same
                                                              else f"DIFFERS from offsync {run}"))
        agree = agree and same
    verdict = "AGREE" if agree and same_lines else "DISAGREE"
    print(f"\n{verdict}: offsync and DuckDB " + (
        "count and write the same first run" if verdict == "AGREE" else
        ("count the same first run, but write other lines" if agree else "count the first run differently")))

    # ---- The second run ----
    flows2 = {(f["source"], f["target"]): f["counts"] for f in run2["flows"]}
    same_ops = set(files2) == set(files1) and all(inflated_digest(files2[f])[0] == digests1[f] for f in files1)
    print(f"\nsecond run (first run's links remembered, nothing uploaded): "
          + ("the same import files" if same_ops else "OTHER import files than the first run"))
    for key, counts in flows1.items():
        second = flows2.get(key, {})
        print(f"  {key[0]} -> {key[1]}: linked {number(counts['linked'])} -> {number(second.get('linked'))}, "
              f"matched {number(counts['matched'])} -> {number(second.get('matched'))}, "
              f"create {number(counts['create'])} -> {number(second.get('create'))}")

    # ---- Time and memory ----
    print(f"\n{'':<34} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'RSS/input':>10}")
    for name, label in (("run1", "offsync run 1"), ("run2", "offsync run 2"), ("duckdb", "DuckDB job"),
                        ("compiled", "offsync compile's DuckDB job"), ("compiled2", "  the same, links remembered")):
        wall, cpu, rss = results[name]
        print(f"{label:<34} {wall:>8.2f} {cpu:>8.2f} {rss / 1e6:>12.0f} {rss / size:>10.2f}")
    if args.repeat > 1:
        walls = ", ".join(f"{name} {min(w for w, _, _ in m):.2f}-{max(w for w, _, _ in m):.2f}" for name, m in rounds.items())
        print(f"(offsync and DuckDB: medians of {args.repeat} rounds; wall s min-max: {walls})")
    (w1, c1, r1), (wd, cd, rd) = results["run1"], results["duckdb"]
    print(f"{'ratio offsync run 1 / DuckDB':<34} {w1 / wd:>7.1f}x {c1 / cd:>7.1f}x {r1 / rd:>11.1f}x")
    print(f"{'ratio offsync run 2 / run 1':<34} {results['run2'][0] / w1:>7.2f}x {results['run2'][1] / c1:>7.2f}x "
          f"{results['run2'][2] / r1:>11.2f}x")
    print("(CPU s = user + sys; peak RSS from " + ("/usr/bin/time -v" if os.access("/usr/bin/time", os.X_OK)
                                                   else "getrusage") + f"; input {size / 1e6:.1f} MB; "
          "issue 17's targets: run 1 / DuckDB <= 1.0, run 2 <= run 1, peak RSS <= 2 x input)")
    # Other work on the machine slows every figure: wall time above CPU time / cores says so too.
    print(f"(load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores)")

    stages1, peak1 = timings(logs["run1"])
    stages2, peak2 = timings(logs["run2"])
    print(f"\n{'offsync seconds per stage':<34} {'run 1':>8} {'run 2':>8}")
    for stage in list(stages1) + [s for s in stages2 if s not in stages1]:
        a, b = stages1.get(stage), stages2.get(stage)
        print(f"  {stage:<32} {a if a is not None else float('nan'):>8.2f} {b if b is not None else float('nan'):>8.2f}")
    print(f"  {'total':<32} {sum(stages1.values()):>8.2f} {sum(stages2.values()):>8.2f}")
    print(f"  {'peak memory (offsync, MB)':<32} {kilobytes_as_mb(peak1):>8} {kilobytes_as_mb(peak2):>8}")
    print(f"\noutputs: {', '.join(outputs.values())} (logs beside them)")
    sys.exit(0 if verdict == "AGREE" else 1)


if __name__ == "__main__":
    main()
