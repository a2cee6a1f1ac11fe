#!/usr/bin/env python3
"""Writes the document fixtures of IngestTests (Tests/IngestTests/Fixtures/documents).

- seed-NNN.pdf: each seed newsletter rendered to PDF (A4, Noto Sans CJK SC from Debian's
  fonts-noto-cjk, one text line per source line, wrapped by character at the margin, a page
  number at the foot of every page), to check that the PDF of an issue yields the articles of
  its text version.
- traditional.txt / traditional.html: the seed article 长三角加速低空经济产业布局 (seeds/000,
  2024-21#1) converted to Taiwan traditional characters and phrases with OpenCC (s2twp).
- scanned.pdf: two pages that are only images of text (no text layer).
- encrypted.pdf: a seed page protected with a user password.
- damaged.pdf: the first 600 bytes of a seed PDF.
- policy.docx: a Word document (written with zipfile, WordprocessingML by hand) with a page break.
- not-a-zip.docx: random bytes named .docx.

For the benchmark (bench/documents, policylens-bench documents): each seed as a Word document
(seed-NNN.docx, one paragraph per line) and as a web page (seed-NNN.html, one <p> per line
inside <article>), so that every format is timed on the same text.

The saved web pages beside them (wechat.html, article.html, no-body.html and html-named.pdf,
a copy of article.html) are written by hand.

Requires fpdf2 (pinned in scripts/document_fixtures-requirements.txt), fonts-noto-cjk and the
opencc command (Debian packages). Run from the repository root:

    python3 scripts/document_fixtures.py
"""

import io
import os
import random
import subprocess
import zipfile

from fpdf import FPDF
from fpdf.enums import WrapMode
from PIL import Image, ImageDraw, ImageFont

OUT = "Tests/IngestTests/Fixtures/documents"
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC, TC = 2, 3  # collection indices of Noto Sans CJK SC and TC in the .ttc


class Newsletter(FPDF):
    def footer(self):
        self.set_y(-12)
        self.set_font("cjk", size=9)
        self.cell(0, 8, f"- {self.page_no()} -", align="C")


def render(lines, path, collection=SC, password=None):
    pdf = Newsletter(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("cjk", fname=FONT, collection_font_number=collection)
    pdf.set_font("cjk", size=10.5)
    pdf.add_page()
    for line in lines:
        text = line.rstrip("\n").replace("\t", "    ")
        if not text.strip():
            pdf.ln(5)
            continue
        pdf.multi_cell(0, 5.5, text, wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT")
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(path)


def seed_article_lines():
    """The lines of 2024-21#1 (its title to the next article's title), from the body."""
    lines = open("seeds/000_01685ed864da3128.txt", encoding="utf-8").read().split("\n")
    title, following = "长三角加速低空经济产业布局", "全球石油价格预计将持续下降"
    start = [i for i, line in enumerate(lines) if line.strip() == title][-1]
    end = [i for i, line in enumerate(lines) if line.strip() == following][-1]
    return [line for line in lines[start:end] if line.strip()]


def to_traditional(text):
    return subprocess.run(
        ["opencc", "-c", "s2twp.json"], input=text, capture_output=True, text=True, check=True
    ).stdout


def scanned(path):
    font = ImageFont.truetype(FONT, 28, index=SC)
    pdf = FPDF(format="A4")
    for page in range(2):
        image = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(image)
        for row in range(12):
            draw.text((100, 120 + row * 60), f"第{page + 1}页 扫描件 低空经济产业规划 第{row + 1}行", font=font, fill=0)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.add_page()
        pdf.image(buffer, x=0, y=0, w=210, h=297)
    pdf.output(path)


def docx(path, paragraphs=None):
    paragraphs = paragraphs or [
        ("title", "关于加快发展低空经济的实施意见"),
        ("", "2024年6月18日"),
        ("", "为贯彻落实国家关于发展低空经济的决策部署，加快培育新质生产力，结合本市实际，提出如下实施意见。"),
        ("", "一、总体要求"),
        ("", "到2026年，低空经济产业规模达到500亿元，建成通用机场和垂直起降场40个以上，开通低空航线100条。"),
        ("page-break", ""),
        ("", "二、重点任务"),
        ("", "完善低空基础设施，推动无人机物流、城市空中交通和低空旅游示范应用，支持企业研发电动垂直起降航空器。"),
    ]
    body = []
    for kind, text in paragraphs:
        if kind == "page-break":
            body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            continue
        style = '<w:pPr><w:pStyle w:val="Title"/></w:pPr>' if kind == "title" else ""
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        # Word splits text into runs at formatting changes; split the text to exercise that.
        half = len(text) // 2
        runs = f'<w:r><w:t>{text[:half]}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text[half:]}</w:t></w:r>'
        body.append(f"<w:p>{style}{runs}</w:p>")
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", rels),
            ("word/document.xml", document),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2024, 6, 18, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bench_copies():
    os.makedirs("bench/documents", exist_ok=True)
    for name in sorted(os.listdir("seeds")):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join("seeds", name), encoding="utf-8") as handle:
            lines = handle.read().split("\n")
        stem = f"bench/documents/seed-{name[:3]}"
        docx(stem + ".docx", [("", line) for line in lines])
        with open(stem + ".html", "w", encoding="utf-8") as handle:
            handle.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>seed</title></head><body><article>')
            handle.write("".join(f"<p>{escape(line)}</p>\n" for line in lines))
            handle.write("</article></body></html>\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    bench_copies()
    for name in sorted(os.listdir("seeds")):
        if name.endswith(".txt"):
            with open(os.path.join("seeds", name), encoding="utf-8") as handle:
                render(handle.readlines(), os.path.join(OUT, f"seed-{name[:3]}.pdf"))

    article = seed_article_lines()
    traditional = to_traditional("\n".join(article[:1] + ["2024年11月7日"] + article[1:]) + "\n")
    with open(os.path.join(OUT, "traditional.txt"), "w", encoding="utf-8") as handle:
        handle.write(traditional)
    title, *paragraphs = traditional.strip().split("\n")
    with open(os.path.join(OUT, "traditional.html"), "w", encoding="utf-8") as handle:
        handle.write(
            '<!DOCTYPE html><html lang="zh-Hant"><head><meta charset="utf-8">'
            f"<title>{title} | 經濟日報</title>"
            '<meta property="article:published_time" content="2024-11-07T08:00:00+08:00">'
            '<link rel="canonical" href="https://news.example.hk/article/20241107/low-altitude">'
            "</head><body><nav><a href=\"/\">首頁</a> <a href=\"/finance\">財經</a></nav>"
            f"<article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs[1:])
            + "</article><footer>版權所有 © 經濟日報</footer></body></html>\n"
        )

    scanned(os.path.join(OUT, "scanned.pdf"))
    render(article[:6], os.path.join(OUT, "encrypted.pdf"), password="secret")
    render(article[:6], os.path.join(OUT, "article.pdf"))
    with open(os.path.join(OUT, "article.pdf"), "rb") as handle:
        data = handle.read()
    with open(os.path.join(OUT, "damaged.pdf"), "wb") as handle:
        handle.write(data[:600])
    docx(os.path.join(OUT, "policy.docx"))
    random.seed(18)
    with open(os.path.join(OUT, "not-a-zip.docx"), "wb") as handle:
        handle.write(bytes(random.randrange(256) for _ in range(2048)))


if __name__ == "__main__":
    main()
