#!/usr/bin/env python3
# convert.py — makes henan.tsv from the statistical division tables
#
# Copyright 2026 The Firegrid authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: convert.py CITIES.csv COUNTIES.csv TOWNSHIPS.csv YEAR REFERENCE-DATE > henan.tsv
#
# The three tables are the National Bureau of Statistics' 统计用区划代码 of
# Henan (cities: code,name,…; counties: code,name,cityCode,…; townships:
# code,name,areaCode,…), with 4-, 6- and 9-digit codes. The program keeps
# every division code as 12 digits (province 2, city 2, county 2, township
# 3, village 3), so each code is padded with zeros to 12. Run it again on
# the tables of a later year: the program reads only the .tsv it writes.

import csv
import sys


def read(path, digits, parent_column=None, parent_digits=None):
    rows = []
    with open(path, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            code = row['code'].strip()
            name = row['name'].strip()
            if len(code) != digits or not code.isdigit() or not name:
                sys.exit(f'{path}: bad row {row}')
            if parent_column is not None:
                parent = row[parent_column].strip()
                if len(parent) != parent_digits or not code.startswith(parent):
                    sys.exit(f'{path}: {code} is not under {parent}')
            rows.append((code.ljust(12, '0'), name))
    return rows


def main():
    if len(sys.argv) != 6:
        sys.exit('usage: convert.py CITIES.csv COUNTIES.csv TOWNSHIPS.csv YEAR REFERENCE-DATE')
    cities = read(sys.argv[1], 4)
    counties = read(sys.argv[2], 6, 'cityCode', 4)
    townships = read(sys.argv[3], 9, 'areaCode', 6)
    year, date = sys.argv[4], sys.argv[5]

    out = sys.stdout
    out.write('# Henan’s divisions down to townships and streets: 河南省统计用区划代码\n')
    out.write(f'# Source: National Bureau of Statistics of China, 统计用区划代码和城乡划分代码 ({year}), '
              f'reference date {date}.\n')
    out.write('# One division a line: its code (12 digits: province 2, city 2, county 2, township 3, '
              'village 3), a tab, its name as the source spells it.\n')
    out.write('# The level follows from the code: a city ends in 8 zeros, a county in 6, a township in 3.\n')
    out.write('# Made by convert.py beside this file; an office may correct a line or add one.\n')
    out.write(f'year\t{year}\n')
    for code, name in sorted(cities + counties + townships):
        out.write(f'{code}\t{name}\n')


if __name__ == '__main__':
    main()
