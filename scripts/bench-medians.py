#!/usr/bin/env python3
"""Medians over several benchmark runs (BENCHMARKS.md): every number in target/bench/results-<label>.json files.

  python3 scripts/bench-medians.py target/bench/results-run1.json target/bench/results-run2.json ...

Prints a Markdown table (median, min, max, runs) of the headline figures and writes every numeric figure's median
to target/bench/medians.json.
"""
import json
import os
import statistics
import sys

HEADLINES = [
    ('startupMillis', 'startup: time to ready (jar)', 'ms'),
    ('caseloadRest.casesPerSecond', 'caseload REST: cases/s', '/s'),
    ('caseloadFloor.casesPerSecond', 'caseload floor: cases/s', '/s'),
    ('caseloadRatio', 'caseload ratio ours/floor', ''),
    ('caseloadRest.requestsPerSecond', 'caseload REST: requests/s', '/s'),
    ('heapAfterCaseloadMiB', 'heap used after caseload (after full GC)', 'MiB'),
    ('rssAfterCaseloadMiB', 'RSS after caseload', 'MiB'),
    ('inbox.*.list.p50', 'inbox list p50, {openTasks} open tasks', 'ms'),
    ('inbox.*.list.p95', 'inbox list p95, {openTasks} open tasks', 'ms'),
    ('inbox.*.count.p50', 'inbox count p50, {openTasks} open tasks', 'ms'),
    ('inbox.*.count.p95', 'inbox count p95, {openTasks} open tasks', 'ms'),
    ('inbox.*.stock.list.p95', 'stock anchor (engine SQL): inbox list p95, {openTasks} open tasks', 'ms'),
    ('inbox.*.stock.count.p95', 'stock anchor (engine SQL): inbox count p95, {openTasks} open tasks', 'ms'),
    ('drain.reminders', 'reminder drain: reminders due at once', ''),
    ('drain.perSecond', 'reminder drain: reminders/s (from due)', '/s'),
    ('drain.perSecondAfterFirstMail', 'reminder drain: reminders/s from the first mail', '/s'),
    ('drain.duplicates', 'reminder drain: duplicates', ''),
    ('drain.lost', 'reminder drain: lost', ''),
]


def flatten(node, prefix=''):
    """Numbers by dotted path; list entries of the inbox are keyed by their open-task count."""
    out = {}
    if isinstance(node, dict):
        for key, value in node.items():
            out.update(flatten(value, f'{prefix}{key}.'))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            key = str(value.get('openTasks', index)) if isinstance(value, dict) else str(index)
            out.update(flatten(value, f'{prefix}{key}.'))
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        out[prefix[:-1]] = float(node)
    return out


def main(files):
    runs = [flatten(json.load(open(f, encoding='utf-8'))) for f in files]
    keys = sorted(set().union(*runs))
    medians = {}
    for key in keys:
        values = [run[key] for run in runs if key in run]
        medians[key] = {'median': statistics.median(values), 'min': min(values), 'max': max(values), 'runs': len(values)}
    os.makedirs(os.path.join('target', 'bench'), exist_ok=True)
    with open(os.path.join('target', 'bench', 'medians.json'), 'w', encoding='utf-8') as out:
        json.dump({'files': files, 'figures': medians}, out, indent=2)
    print(f'Medians of {len(files)} runs ({", ".join(os.path.basename(f) for f in files)})\n')
    print('| db | measure | median | min – max | runs |')
    print('|---|---|---|---|---|')
    databases = sorted({key.split('.')[0] for key in keys if key.split('.')[0] in ('postgres', 'h2')},
                       key=lambda d: d != 'postgres')
    for database in databases:
        for path, label, unit in HEADLINES:
            parts = path.split('.')
            if parts[0] == 'inbox':
                sizes = sorted({int(float(k.split('.')[2])) for k in keys if k.startswith(f'{database}.inbox.')})
                rows = [(f'{database}.inbox.{size}.{".".join(parts[2:])}', label.format(openTasks=f'{size:,}'))
                        for size in sizes]
            else:
                rows = [(f'{database}.{path}', label)]
            for key, text in rows:
                if key in medians:
                    m = medians[key]
                    scale = 1000.0 if unit == 'ms' and path == 'startupMillis' else 1.0
                    shown_unit = 's' if path == 'startupMillis' else unit
                    digits = 3 if path == 'caseloadRatio' else 2
                    print(f'| {database} | {text} | {m["median"] / scale:.{digits}f} {shown_unit} | '
                          f'{m["min"] / scale:.{digits}f} – {m["max"] / scale:.{digits}f} | {m["runs"]} |')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
