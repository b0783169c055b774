#!/usr/bin/env python3
"""Fills a return template as a person would, for the round-trip test (XLSXTests).

usage: fill_template.py TEMPLATE.xlsx OUT.xlsx

Of the first three proposals with £5,000 or more still to deliver: the first's delivered to date is
typed as a number (+£1,234.56); the second's as a formula adding £1,500 (which LibreOffice calculates
and saves with its result), with its forecast typed as text with £ and commas; the third has its
forecast and RAG emptied and a comment typed. Every other row is left as the template had it.
openpyxl keeps the sheet's protection, validation and formats. Prints the three refs.
"""
import sys

import openpyxl

src, out = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
ws = wb["Return"]
header = [c.value for c in ws[1]]
col = {name: i + 1 for i, name in enumerate(header)}


def cell(row, name):
    return ws.cell(row=row, column=col[name])


# The first three proposals with at least £5,000 of the year's target still to deliver.
rows = [r for r in range(2, ws.max_row + 1) if (cell(r, "target").value or 0) - (cell(r, "delivered_to_date").value or 0) >= 5000][:3]
typed, formula, emptied = rows
cell(typed, "delivered_to_date").value = cell(typed, "delivered_to_date").value + 1234.56
base = cell(formula, "delivered_to_date").value
cell(formula, "delivered_to_date").value = f"={base:.2f}+1000+500"
cell(formula, "forecast").value = "£123,456.78"
cell(emptied, "forecast").value = None
cell(emptied, "rag").value = None
comment = cell(emptied, "comment")
comment.value = "=SUM(A1) is only text; \"quoted\", commas"
comment.data_type = "s"
wb.save(out)
print(" ".join(cell(r, "ref").value for r in rows))
