#!/usr/bin/env python3
"""Makes the small return workbooks in Tests/MTFSTests/Fixtures/xlsx/, as other programs save them.

Each reports November 2023 (2023/24 P8) for proposals of Ledgers/sample-borough, whose October return
has PEO-01 at £233,300.00 delivered (forecast £400,000, Green) and PEO-02 at £87,500.00.

Needs openpyxl (pip install openpyxl) and LibreOffice (soffice) for the files LibreOffice saves. Run
from the repository root: python3 scripts/make_xlsx_fixtures.py. The files are committed; the tests
read them and need neither tool.
"""
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

OUT = os.path.join("Tests", "MTFSTests", "Fixtures", "xlsx")
HEAD = ["ref", "year", "title", "target", "delivered_to_date", "forecast", "rag", "comment"]


def book(rows, header=HEAD, about=(("period", "2023-11"), ("holder", "Finance BP (People)"))):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Return"
    ws.append(header)
    for r in rows:
        ws.append(r)
    if about is not None:
        a = wb.create_sheet("About")
        for k, v in about:
            a.append([k, v])
    return wb


def libreoffice(src_book, name):
    """Saves `src_book` with openpyxl, then has LibreOffice open and save it (which calculates formulas)."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, name)
        src_book.save(src)
        out = os.path.join(d, "out")
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", out, src], check=True, capture_output=True)
        shutil.copy(os.path.join(out, name), os.path.join(OUT, name))


def main():
    os.makedirs(OUT, exist_ok=True)

    # openpyxl: people's headings, money as text with £ and as numbers, rich text, an extra column,
    # an empty row at the end.
    rich = CellRichText([TextBlock(InlineFont(b=True), "Agency"), " cover ", TextBlock(InlineFont(i=True), "from December")])
    wb = book(
        [
            ["PEO-01", "2023/24", "Care packages", 400000, 250000, "£400,000.00", "Green", rich, "Amara"],
            ["PEO-02", "2023/24", "Transport", 150000, "£100,000.50", 140000, "A", "=1+1 is text here", "Amara"],
            [None] * 9,
        ],
        header=["Ref", "Year", "Title", "Target", "Delivered to date", "Forecast", "RAG", "Comment", "owner"],
    )
    wb["Return"]["H3"].data_type = "s"  # a formula-like string stays a string
    wb.save(os.path.join(OUT, "openpyxl-return.xlsx"))

    # LibreOffice: a formula (saved with its result), a percentage of a cell, a period Excel turned into a date.
    wb = book(
        [
            ["PEO-01", "2023/24", "Care packages", 400000, "=233300+16700", "=D2", "Green", "Formula cells"],
            ["PEO-02", "2023/24", "Transport", 150000, 87500, None, None, None],
        ],
        about=(("period", datetime.datetime(2023, 11, 1)), ("holder", "Finance BP (People)")),
    )
    wb["About"]["B1"].number_format = "mmm-yy"
    libreoffice(wb, "libreoffice-return.xlsx")

    # A formula that shows an error, saved by LibreOffice with its error value.
    libreoffice(book([["PEO-01", "2023/24", "Care packages", 400000, "=1/0", 400000, "G", ""]]), "error-cell.xlsx")

    # Text where money is expected, on the third row.
    book(
        [["PEO-01", "2023/24", "", 400000, 240000, 400000, "G", ""], ["PEO-02", "2023/24", "", 150000, "lots", 150000, "G", ""]]
    ).save(os.path.join(OUT, "bad-cell.xlsx"))

    # A formula that was never calculated (openpyxl does not calculate).
    book([["PEO-01", "2023/24", "", 400000, "=200000+40000", 400000, "G", ""]]).save(os.path.join(OUT, "uncalculated.xlsx"))

    # No About sheet: the period must come from --period.
    book([["PEO-01", "2023/24", "", 400000, 245000, 400000, "G", ""]], about=None).save(os.path.join(OUT, "no-about.xlsx"))

    # Written by hand: inline strings, cells without references, one part stored rather than deflated.
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1">' + "".join(f'<c t="inlineStr"><is><t>{h}</t></is></c>' for h in ["ref", "year", "delivered_to_date", "comment"]) + "</row>"
        '<row r="2"><c t="inlineStr"><is><t>PEO-02</t></is></c><c t="inlineStr"><is><t>2023/24</t></is></c>'
        '<c><v>95000</v></c><c t="inlineStr"><is><t xml:space="preserve">Fish &amp; chips &lt;b&gt; </t></is></c></row>'
        "</sheetData></worksheet>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="/xl/worksheets/data.xml"/></Relationships>'
    )
    with zipfile.ZipFile(os.path.join(OUT, "inline-strings.xlsx"), "w") as z:
        z.writestr("xl/workbook.xml", workbook, compress_type=zipfile.ZIP_STORED)
        z.writestr("xl/_rels/workbook.xml.rels", rels, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("xl/worksheets/data.xml", sheet, compress_type=zipfile.ZIP_DEFLATED)

    # Hostile: a stray value at column ZZZ, which must not make every row 18,278 cells wide.
    wb = book([["PEO-01", "2023/24", "", 400000, 245000, 400000, "G", ""]] * 3)
    wb["Return"]["ZZZ1"] = "x"
    wb.save(os.path.join(OUT, "wide.xlsx"))

    # Hostile: a sheet that declares entities (the "billion laughs").
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(os.path.join(OUT, "entities.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/data.xml", laughs)


if __name__ == "__main__":
    main()
