"""Data files as analysts have them: Swedish CSVs, other encodings, every Excel sheet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from minutebook.template.data import DataFileError, read_data

SWEDISH = "kategori;2021;2022\nVåldsbrott;1 250;1 110,5\nStöld;980;1 020,25\n"


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> str:
    (folder / name).write_bytes(text.encode(encoding))
    return name


def test_a_comma_separated_file_reads_as_it_always_did(tmp_path):
    frame = read_data(tmp_path, _write(tmp_path, "a.csv", "kategori,2021\nStöld,980\n"))
    assert list(frame.columns) == ["kategori", "2021"] and frame.iloc[0, 1] == 980


def test_a_swedish_csv_is_recognised_semicolons_decimal_commas_and_spaces(tmp_path):
    frame = read_data(tmp_path, _write(tmp_path, "s.csv", SWEDISH))
    assert list(frame.columns) == ["kategori", "2021", "2022"]
    assert frame["2021"].tolist() == [1250, 980]
    assert frame["2022"].tolist() == [1110.5, 1020.25]


def test_the_options_are_passed_to_pandas(tmp_path):
    name = _write(tmp_path, "o.csv", "a|b\n1.234,5|x\n", "cp1252")
    frame = read_data(tmp_path, name, sep="|", decimal=",", thousands=".", encoding="cp1252")
    assert frame["a"].tolist() == [1234.5]


def test_a_file_that_is_not_utf8_is_refused_with_the_option_that_fixes_it(tmp_path):
    name = _write(tmp_path, "l.csv", "kategori,antal\nVåld,3\n", "latin-1")
    with pytest.raises(DataFileError) as error:
        read_data(tmp_path, name)
    assert str(error.value) == (
        "l.csv is not UTF-8 (byte 0xe5 in line 2): give its encoding in the meeting file, "
        "e.g. {file: l.csv, encoding: cp1252} for a file saved by Excel on Windows"
    )
    assert read_data(tmp_path, name, encoding="latin-1")["kategori"].tolist() == ["Våld"]


def test_a_file_whose_separator_cannot_be_told_is_refused(tmp_path):
    name = _write(tmp_path, "x.csv", "a;b,c\n1;2,3\n")
    with pytest.raises(DataFileError, match=r"x.csv: cannot tell whether its columns are"):
        read_data(tmp_path, name)


def test_decimal_commas_in_a_comma_separated_file_are_refused(tmp_path):
    name = _write(tmp_path, "q.csv", 'a,b\n"1,5",2\n')
    with pytest.raises(DataFileError, match="decimal commas"):
        read_data(tmp_path, name)


def test_every_sheet_or_one_by_name(tmp_path):
    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"a": [1]}).to_excel(writer, sheet_name="Första", index=False)
        pd.DataFrame({"b": [2]}).to_excel(writer, sheet_name="Andra", index=False)
    assert read_data(tmp_path, "book.xlsx").columns.tolist() == ["a"]
    assert read_data(tmp_path, "book.xlsx", sheet="Andra").columns.tolist() == ["b"]
    sheets = read_data(tmp_path, "book.xlsx", sheet="all")
    assert sorted(sheets) == ["Andra", "Första"]
    with pytest.raises(DataFileError, match=r"book\.xlsx has no sheet 'Tredje'"):
        read_data(tmp_path, "book.xlsx", sheet="Tredje")
