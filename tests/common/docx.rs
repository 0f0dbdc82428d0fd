//! Word documents (.docx) built in the tests: the XML written here into a zip, marked the way the
//! guideline's policy sample is (red text to rewrite, blue text to choose).

use std::io::{Cursor, Read, Write};
use zip::write::SimpleFileOptions;

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;

/// A zip of `parts` in the order given, deflated.
pub fn package(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Each entry of a zip: name, compressed bytes as stored, and the bytes.
pub fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut raw = Vec::new();
            let mut file = archive.by_index_raw(i).unwrap();
            let name = file.name().unwrap().to_string();
            file.read_to_end(&mut raw).unwrap();
            drop(file);
            let mut plain = Vec::new();
            archive
                .by_index(i)
                .unwrap()
                .read_to_end(&mut plain)
                .unwrap();
            (name, raw, plain)
        })
        .collect()
}

/// A run of text, coloured when `colour` is given, with more run properties `props`.
pub fn run(text: &str, colour: Option<&str>, props: &str) -> String {
    let colour = colour.map_or(String::new(), |c| format!(r#"<w:color w:val="{c}"/>"#));
    format!(r#"<w:r><w:rPr>{props}{colour}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

pub fn red(text: &str) -> String {
    run(text, Some("FF0000"), r#"<w:rFonts w:hint="eastAsia"/>"#)
}

pub fn blue(text: &str) -> String {
    run(text, Some("0070C0"), "")
}

pub fn plain(text: &str) -> String {
    run(text, None, "")
}

pub fn paragraph(style: Option<&str>, runs: &[String]) -> String {
    let style = style.map_or(String::new(), |s| {
        format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#)
    });
    format!("<w:p>{style}{}</w:p>", runs.concat())
}

fn styles() -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style><w:style w:type="character" w:styleId="hl"><w:name w:val="Emphasis"/></w:style></w:styles>"#
    )
    .into_bytes()
}

fn document(body: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{body}<w:sectPr><w:headerReference w:type="default" r:id="rId4"/><w:footerReference w:type="default" r:id="rId5"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1985" w:right="1701" w:bottom="1701" w:left="1701" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    )
    .into_bytes()
}

/// The package around `body`, `header` and `footer` paragraphs: styles with 見出し (heading 1, 2),
/// numbering, an image part and its relationship.
pub fn docx(body: &str, header: &str, footer: &str) -> Vec<u8> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let header = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}>{header}</w:hdr>"#
    );
    let footer = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}>{footer}</w:ftr>"#
    );
    // A real (1×1, red) PNG, so that LibreOffice shows it.
    let png: Vec<u8> = vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
        0x77, 0x53, 0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8,
        0xCF, 0xC0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    package(&[
        ("[Content_Types].xml", content_types.as_bytes().to_vec()),
        ("_rels/.rels", rels.as_bytes().to_vec()),
        ("word/document.xml", document(body)),
        ("word/_rels/document.xml.rels", doc_rels.as_bytes().to_vec()),
        ("word/styles.xml", styles()),
        ("word/numbering.xml", numbering.into_bytes()),
        ("word/header1.xml", header.into_bytes()),
        ("word/footer1.xml", footer.into_bytes()),
        ("word/media/image1.png", png),
    ])
}

/// An inline picture of the image part (rId3).
pub fn picture() -> String {
    r#"<w:r><w:drawing><wp:inline><wp:extent cx="457200" cy="457200"/><wp:docPr id="1" name="図 1"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rId3"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#.to_string()
}

/// A long draft for measuring: `paragraphs` paragraphs of about 50 characters under a heading
/// every 40, `spots` of them with a red spot split over two runs (every other one blue instead).
pub fn long_draft(paragraphs: usize, spots: usize) -> Vec<u8> {
    let every = (paragraphs / spots.max(1)).max(1);
    let mut body = String::new();
    let mut placed = 0;
    for i in 0..paragraphs {
        if i % 40 == 0 {
            body.push_str(&paragraph(
                Some("1"),
                &[plain(&format!("第{}章 規程", i / 40 + 1))],
            ));
        }
        let text = "従業員は、情報資産を業務の目的の範囲で利用し、定められた手順に従って取り扱う。";
        if i % every == 0 && placed < spots {
            placed += 1;
            let spot = if placed % 2 == 0 {
                vec![blue("毎年"), blue("／半年ごと")]
            } else {
                vec![red("情報セキュリティ"), red("責任者")]
            };
            let mut runs = vec![plain("当社の")];
            runs.extend(spot);
            runs.push(plain(text));
            body.push_str(&paragraph(None, &runs));
        } else {
            body.push_str(&paragraph(None, &[plain(text)]));
        }
    }
    docx(
        &body,
        &paragraph(None, &[plain("社外秘")]),
        &paragraph(None, &[plain("1")]),
    )
}

/// The draft: 9 spots (7 in the body — one split over three runs, two in a table — then the
/// header's and the footer's).
pub fn draft() -> Vec<u8> {
    let black = |t: &str| run(t, Some("000000"), "");
    let body = [
        paragraph(Some("1"), &[plain("1. 組織的対策")]),
        paragraph(
            None,
            &[
                black("当社は、"),
                red("〇〇"),
                "<w:proofErr w:type=\"spellStart\"/>".to_string(),
                red("株式"),
                "<w:bookmarkStart w:id=\"0\" w:name=\"a\"/><w:bookmarkEnd w:id=\"0\"/>".to_string(),
                run("会社", Some("C00000"), "<w:b/>"),
                black("の規程を定める。"),
                run(
                    "前の版から変えた箇所。",
                    None,
                    r#"<w:highlight w:val="yellow"/>"#,
                ),
            ],
        ),
        paragraph(Some("2"), &[plain("1.1 見直し")]),
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
            .to_string()
            + &blue("毎年")
            + &blue("／半年ごと")
            + &plain("に見直す。")
            + "</w:p>",
        format!(
            "<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl>",
            paragraph(None, &[plain("責任者："), red("情報セキュリティ責任者")]),
            paragraph(None, &[plain("承認："), blue("社長または部長")]),
        ),
        paragraph(None, &[picture(), plain("制定日："), red("20yy.mm.dd")]),
        paragraph(Some("1"), &[plain("2. 人的対策")]),
        paragraph(
            None,
            &[red("〇〇部"), blue("は／が"), plain("教育を行う。")],
        ),
    ]
    .concat();
    docx(
        &body,
        &paragraph(None, &[plain("株式会社"), red("〇〇"), plain("　社外秘")]),
        &paragraph(None, &[red("20yy年mm月dd日"), plain("改訂")]),
    )
}
