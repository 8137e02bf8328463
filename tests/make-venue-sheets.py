#!/usr/bin/env python3
"""Writes the spreadsheets the venue import is tested with.

    make-venue-sheets.py FOLDER

They are shaped like the files township offices keep: a GBK CSV saved by
Excel, an .xls of one village with a merged title above its header, an
.xlsx with its columns in another order, a formula, a date, and 20,000
empty but formatted rows below the venues; and hostile files: a
password-protected workbook, a damaged one, a zip bomb, a formula whose
value was never computed, a CSV in an encoding that is not Chinese.

The township they describe is the one tests/fg-test-util.h sets up
(冢头镇, village 李庄村 with grid 第一网格), with the villages
test-venue-import.c adds (王楼村, 小河村).

Needs python3-openpyxl and python3-xlwt (Debian), nothing from the network.
"""

import datetime
import io
import os
import re
import sys
import zipfile

import openpyxl
import openpyxl.styles
import xlwt

HEADER = ["序号", "场所名称", "地址", "负责人", "联系电话", "统一社会信用代码",
          "所属村", "网格", "场所类型", "建筑面积", "层数", "是否住人"]

# line 2 … : what each row is for is in the test
CSV_ROWS = [
    ["1", "老王烧烤", "冢头镇李庄村东街1号", "王建国", "13812345678", "91350100M000100Y43",
     "李庄村", "第一网格", "饭店", "120", "2", "否"],
    ["2", "李庄便民超市", "冢头镇李庄村西街8号", "李红", "0375-5123456", "",
     "李庄", "", "超市", "80㎡", "1", "是"],
    ["3", "平安旅社", "冢头镇王楼村中心街3号", "赵平安", "13938765432", "91110000802100433B",
     "王楼村", "", "旅馆", "300", "3层", "12"],
    ["4", "钱记小卖部", "冢头镇王楼村南头", "钱多多", "138abc", "",
     "王楼村", "", "小商店", "", "", "否"],
    ["5", "老王烧烤（分店）", "冢头镇李庄村北街2号", "王建国", "13812345678", "91350100M000100Y43",
     "李庄村", "", "餐饮", "60", "1", "否"],
    ["6", "河东理发店", "冢头镇河东组", "孙丽", "13700001111", "",
     "河东", "", "理发", "", "", "否"],
    ["7", "周家修车铺", "冢头镇小河村路口", "周强", "13700002222", "",
     "小河村", "", "修车铺", "", "", "否"],
    ["8", "", "冢头镇小河村3号", "吴", "13700003333", "",
     "小河村", "", "超市", "", "", "否"],
    ["9", "小河农家院", "冢头镇小河村河堤路6号", "郑大姐", "13700004444", "",
     "小河村委会", "", "餐饮、住宿", "200", "2", "是"],
    ["", "", "", "", "", "", "", "", "", "", "", ""],
    ["合计", "", "", "", "", "", "", "", "", "", "", ""],
]


def write_csv(folder):
    lines = [",".join(HEADER)]
    for row in CSV_ROWS:
        lines.append(",".join(row))
    text = "\r\n".join(lines) + "\r\n"
    with open(os.path.join(folder, "venues-gbk.csv"), "wb") as f:
        f.write(text.encode("gbk"))


def write_damaged_text(folder):
    # the same rows in UTF-8, as WPS saves “CSV (UTF-8)”, with one stray
    # byte on line 4 (a Windows-1252 no-break space pasted into an
    # address): the rest must not be read as GBK
    lines = [",".join(HEADER)] + [",".join(row) for row in CSV_ROWS]
    text = ("\r\n".join(lines) + "\r\n").encode("utf-8")
    at = text.index("平安旅社".encode("utf-8"))
    with open(os.path.join(folder, "venues-stray-byte.csv"), "wb") as f:
        f.write(text[:at] + b"\xa0" + text[at:])
    # WPS's “Unicode text”: UTF-16 with its mark, tab-separated, with a
    # U+0000 in line 3; the rows below it must not silently vanish
    lines = ["\t".join(HEADER)] + ["\t".join(row) for row in CSV_ROWS]
    lines[2] = lines[2].replace("李红", "李\0红")
    with open(os.path.join(folder, "venues-utf16-nul.csv"), "wb") as f:
        f.write(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))
    # and the same without the U+0000, which reads
    lines[2] = lines[2].replace("\0", "")
    with open(os.path.join(folder, "venues-utf16.csv"), "wb") as f:
        f.write(b"\xff\xfe" + ("\r\n".join(lines) + "\r\n").encode("utf-16-le"))


def write_xls(folder):
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("王楼村台账")
    title = xlwt.easyxf("font: bold on, height 320; align: horiz center")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    sheet.write_merge(0, 0, 0, 8, "冢头镇王楼村九小场所台账", title)
    header = ["所属村/社区", "单位名称", "场所类别", "法定代表人", "手机", "地址",
              "建筑面积（㎡）", "统一社会信用代码", "成立日期"]
    for column, text in enumerate(header):
        sheet.write(2, column, text)
    rows = [
        ["王楼村", "王楼村卫生室", "诊所", "冯医生", 13812345679, "冢头镇王楼村村委会旁",
         85.5, "", datetime.date(2015, 3, 1)],
        ["王楼村", "永兴五金加工厂", "加工", "陈永兴", 13512345678, "冢头镇王楼村工业路9号",
         1500, "9111000071093123XX", datetime.date(2018, 7, 15)],
        ["王楼村", "王楼老店（改名）", "小商店", "褚老板", 13612345678, "冢头镇王楼村老街1号",
         40, "91440300708461136T", datetime.date(2001, 1, 1)],
    ]
    for r, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(3 + r, column, value, date_style)
            else:
                sheet.write(3 + r, column, value)
    notes = book.add_sheet("填表说明")
    notes.write(0, 0, "每个场所一行")
    book.save(os.path.join(folder, "wanglou.xls"))


def build_xlsx():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "场所底册"
    sheet["A1"] = "冢头镇场所底册（2026年）"
    sheet.merge_cells("A1:J1")
    header = ["网格", "场所名称", "场所类型", "地址", "联系电话", "负责人",
              "所属村/社区", "是否重点单位", "层数", "登记日期"]
    sheet.append(header)
    rows = [
        ["第一网格", "李庄幼儿园", "幼儿园", "冢头镇李庄村学堂街5号", "13811112222", "蒋园长",
         "李庄村", "是", None, datetime.date(2020, 9, 1)],
        ["", "小河网吧", "网吧", "冢头镇小河村中街", "13811113333", "沈老板",
         "小河", "否", 2, datetime.date(2019, 5, 20)],
        ["", "李庄老粮站", "仓库", "冢头镇李庄村粮站路1号", "13811114444", "韩站长",
         "李庄村", "否", 1, datetime.date(2010, 1, 4)],
    ]
    for row in rows:
        sheet.append(row)
    # the floors of the first venue are a formula
    sheet["I3"] = "=1+1"
    for r in range(3, 6):
        sheet.cell(row=r, column=10).number_format = "yyyy/m/d"
    # a clerk formatted far more rows than the township has venues
    fill = openpyxl.styles.PatternFill("solid", fgColor="FFFFCC")
    border = openpyxl.styles.Border(bottom=openpyxl.styles.Side(style="thin"))
    for r in range(6, 20006):
        for column in (1, 2, 4):
            cell = sheet.cell(row=r, column=column)
            cell.fill = fill
            cell.border = border
    other = book.create_sheet("统计")
    other["A1"] = "共计"
    other["B1"] = "=COUNTA(场所底册!B3:B5)"

    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def with_cached_value(workbook):
    # openpyxl keeps formulas without their results; Excel and WPS save
    # the result beside each formula, as written here
    source = zipfile.ZipFile(io.BytesIO(workbook))
    out = io.BytesIO()
    target = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
    for item in source.infolist():
        content = source.read(item.filename)
        if item.filename == "xl/worksheets/sheet1.xml":
            text = content.decode("utf-8")
            text, n = re.subn(r"<f>1\+1</f>(<v\s*/>|<v></v>)?", "<f>1+1</f><v>2</v>", text)
            assert n == 1, "the formula was not found"
            content = text.encode("utf-8")
        if item.filename == "xl/worksheets/sheet1.xml":
            content = shared_strings(content, target)
        elif item.filename == "[Content_Types].xml":
            content = content.replace(
                b"</Types>",
                b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        elif item.filename == "xl/_rels/workbook.xml.rels":
            content = content.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                b"</Relationships>")
        target.writestr(item, content)
    target.close()
    return out.getvalue()


def shared_strings(content, target):
    # Excel and WPS keep a sheet's texts once, in xl/sharedStrings.xml,
    # and cells refer to them by number; openpyxl writes them in the cells
    texts = []
    index = {}

    def refer(match):
        text = match.group(2)
        if text not in index:
            index[text] = len(texts)
            texts.append(text)
        return '<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), index[text])

    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>',
                   refer, content.decode("utf-8"))
    items = "".join("<si><t>%s</t></si>" % text for text in texts)
    target.writestr("xl/sharedStrings.xml",
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                    'count="%d" uniqueCount="%d">%s</sst>' % (len(texts), len(texts), items))
    return sheet.encode("utf-8")


def write_xlsx(folder):
    plain = build_xlsx()
    whole = with_cached_value(plain)
    with open(os.path.join(folder, "township.xlsx"), "wb") as f:
        f.write(whole)
    with open(os.path.join(folder, "formula-no-value.xlsx"), "wb") as f:
        f.write(plain)
    # damaged: cut off halfway, as a failed copy leaves it
    with open(os.path.join(folder, "damaged.xlsx"), "wb") as f:
        f.write(whole[: len(whole) // 2])


def write_bomb(folder):
    # an ordinary-looking workbook whose sheet unpacks to 40 MB of nothing
    out = zipfile.ZipFile(os.path.join(folder, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED)
    out.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
    out.writestr("xl/_rels/workbook.xml.rels",
                 '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/relationships"><Relationship Id="rId1" Type="worksheet" '
                 'Target="worksheets/sheet1.xml"/></Relationships>')
    out.writestr("xl/workbook.xml",
                 '<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/'
                 'officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" '
                 'r:id="rId1"/></sheets></workbook>')
    out.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + " " * (40 * 1024 * 1024)
                 + "</sheetData></worksheet>")
    out.close()


def write_protected(folder):
    # Excel and WPS save a workbook with a password as an OLE compound
    # file holding the streams EncryptionInfo and EncryptedPackage. This is
    # its header sector and a directory sector naming those streams.
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    header[0x18:0x1A] = (0x3E).to_bytes(2, "little")   # minor version
    header[0x1A:0x1C] = (3).to_bytes(2, "little")      # major version
    header[0x1C:0x1E] = b"\xFE\xFF"                    # byte order
    header[0x1E:0x20] = (9).to_bytes(2, "little")      # sector size 512
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", "EncryptionInfo", "EncryptedPackage"]):
        encoded = (name + "\0").encode("utf-16-le")
        entry = bytearray(128)
        entry[0:len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = 5 if i == 0 else 2
        directory[i * 128:(i + 1) * 128] = entry
    with open(os.path.join(folder, "protected.xlsx"), "wb") as f:
        f.write(bytes(header) + bytes(directory) + bytes(4096))


def write_wrong_encoding(folder):
    # Western European text (Windows-1252): neither UTF-8 nor GBK
    text = "Name,Address,Category\r\nCafé Ÿvonne,Rue ÿ,shop\r\n"
    with open(os.path.join(folder, "wrong-encoding.csv"), "wb") as f:
        f.write(text.encode("cp1252"))


def main():
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    write_csv(folder)
    write_damaged_text(folder)
    write_xls(folder)
    write_xlsx(folder)
    write_bomb(folder)
    write_protected(folder)
    write_wrong_encoding(folder)


if __name__ == "__main__":
    main()
