#!/usr/bin/env python3
"""Sums a workbook's data table and the CSV of the same report, column by column, with pandas.

usage: sum_workbook.py REPORT.xlsx SHEET REPORT.csv

The workbook's table is its autofilter range (the rows a filter, a SUM or a pivot sees); the CSV is
read whole. Prints one line per column that differs and exits 1, or prints the sums and exits 0.
Money in the CSV is pounds; a workbook percentage is a fraction where the CSV writes a percentage.
"""
import sys

import openpyxl
import pandas as pd
from openpyxl.utils import range_boundaries


def main(xlsx, sheet, csv):
    book = openpyxl.load_workbook(xlsx)
    ws = book[sheet]
    ref = ws.auto_filter.ref
    if not ref:
        print(f"{xlsx} {sheet}: no filtered table")
        return 1
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    rows = list(ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col))
    header = [c.value for c in rows[0]]
    percent = [any("%" in (r[i].number_format or "") for r in rows[1:]) for i in range(len(header))]
    table = pd.DataFrame([[c.value for c in r] for r in rows[1:]], columns=header)
    data = pd.read_csv(csv, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    problems = []
    if len(table) != len(data):
        problems.append(f"{len(table)} rows in the workbook's table, {len(data)} in the CSV")

    def numeric(frame, column):
        values = pd.to_numeric(frame[column].replace("", None), errors="coerce")
        return values if values.notna().any() else None

    # Dates are dates in the workbook and ISO text in the CSV: neither is summed.
    for w in table.columns:
        table[w] = table[w].map(lambda v: v.date().isoformat() if hasattr(v, "date") and callable(v.date) else v)
    ours = [(w, i, numeric(table, w)) for i, w in enumerate(table.columns)]
    ours = [(w, i, v) for w, i, v in ours if v is not None]
    theirs = [(c, v) for c in data.columns if (v := numeric(data, c)) is not None]
    # The workbook may carry more columns for people (a finding's rule), never fewer figures.
    if len(ours) != len(theirs):
        problems.append(f"{len(ours)} number columns in the workbook ({[w for w, _, _ in ours]}), {len(theirs)} in the CSV ({[c for c, _ in theirs]})")
    elif not problems:
        for (w, i, a), (c, b) in zip(ours, theirs):
            if a.notna().sum() != b.notna().sum():
                problems.append(f"column {w!r}: {a.notna().sum()} numbers in the workbook, {b.notna().sum()} in the CSV")
                continue
            # A percentage is a fraction in the workbook and rounded to 0.1 in the CSV.
            x = (a * 100).round(1).sum() if percent[i] else a.sum()
            if round(x, 2) != round(b.sum(), 2):
                problems.append(f"column {w!r}: the workbook sums to {x:.2f}, the CSV ({c}) to {b.sum():.2f}")
            else:
                print(f"{w}: {x:.2f}")
    for p in problems:
        print(f"{xlsx} {sheet}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
