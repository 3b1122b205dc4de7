//! The Employment Projections program's own occupation table (Table 1.2
//! of its `occupation.xlsx`, or a CSV of it) gives the same figures as the
//! Handbook profiles layout of `shared/data/`.
//!
//! The tables are written by the test from the `data-fill` fixture's real
//! rows in the EP layout: a title line and "(Numbers in thousands)" above
//! the header, workers in thousands, a footnote line below.

mod common;

use common::{TestSite, stderr};

const HEADER: [&str; 11] = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
];

/// The fixture's profile rows in the EP table's layout, title lines and
/// footnote included.
fn ep_rows(profiles: &str) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_reader(profiles.as_bytes());
    let names: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let at = |name: &str| names.iter().position(|n| n == name).expect(name);
    let thousands = |text: &str| format!("{}", text.parse::<f64>().expect("a number") / 1000.0);
    let mut rows = vec![
        vec![
            "Table 1.2 Occupational projections, 2024–34, and worker characteristics, 2024"
                .to_string(),
        ],
        vec!["(Numbers in thousands)".to_string()],
        HEADER.map(String::from).to_vec(),
    ];
    for record in reader.records() {
        let r = record.expect("row");
        rows.push(vec![
            r[at("title")].to_string(),
            r[at("soc_code")].to_string(),
            "Line item".to_string(),
            thousands(&r[at("employment_2024")]),
            thousands(&r[at("employment_2034")]),
            thousands(&r[at("employment_change")]),
            r[at("growth_percent")].to_string(),
            r[at("median_pay_annual_may2024")].to_string(),
            r[at("entry_education")].to_string(),
            r[at("work_experience")].to_string(),
            r[at("on_the_job_training")].to_string(),
        ]);
    }
    rows.push(vec![
        "[1] Data are from the Occupational Employment and Wage Statistics program, U.S. Bureau of Labor Statistics.".to_string(),
    ]);
    rows
}

fn write_csv(path: &std::path::Path, rows: &[Vec<String>]) {
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_path(path)
        .expect("csv");
    for row in rows {
        writer.write_record(row).expect("row");
    }
    writer.flush().expect("flush");
}

/// Writes `rows` as a workbook, numbers as numbers, as BLS does.
fn write_xlsx(path: &std::path::Path, rows: &[Vec<String>]) {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if c > 2 => sheet.write_number(r, c, n).map(|_| ()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .expect("cell");
        }
    }
    workbook.save(path).expect("save");
}

/// The fixture with its projections read from `file` (the EP table has
/// no release in its name, so the config gives it).
fn site_with_projections(file: &str, write: impl FnOnce(&std::path::Path)) -> TestSite {
    let site = TestSite::fixture("data-fill");
    write(&site.path(&format!("data/{file}")));
    let config = site.read("config.yaml").replace(
        "projections: data/ooh-2024-34-profiles.csv",
        &format!("projections: {{ file: data/{file}, release: \"2024-34\" }}"),
    );
    site.write("config.yaml", &config);
    site
}

fn build(site: &TestSite) {
    let output = site.build();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        stderr(&output)
    );
}

#[test]
fn ep_table_csv_and_xlsx_give_the_same_figures_as_the_profiles_layout() {
    let shared = TestSite::fixture("data-fill");
    build(&shared);
    let rows = ep_rows(&shared.read("data/ooh-2024-34-profiles.csv"));
    let csv_site = site_with_projections("occupation.csv", |p| write_csv(p, &rows));
    build(&csv_site);
    let xlsx_site = site_with_projections("occupation.xlsx", |p| write_xlsx(p, &rows));
    build(&xlsx_site);
    for file in [
        "public/registered-nurse/index.html",
        "public/sales-manager-cited/index.html",
        "public/all-careers/index.html",
        "public/compare/data/registered-nurse.json",
    ] {
        let page = shared.read(file);
        assert_eq!(page, csv_site.read(file), "{file} (CSV)");
        assert_eq!(page, xlsx_site.read(file), "{file} (XLSX)");
    }
    // The figures are there, not just equally absent.
    let nurse = xlsx_site.read("public/registered-nurse/index.html");
    for needle in ["3,391,000", "+166,100", "5% (Faster than average)"] {
        assert!(nurse.contains(needle), "no {needle}");
    }
}

#[test]
fn a_malformed_ep_table_cell_is_located_by_its_spreadsheet_row_and_column() {
    let shared = TestSite::fixture("data-fill");
    let mut rows = ep_rows(&shared.read("data/ooh-2024-34-profiles.csv"));
    // Row 5 of the sheet: two title lines, the header, then the second row.
    rows[4][6] = "about five".to_string();
    let site = site_with_projections("occupation.xlsx", |p| write_xlsx(p, &rows));
    let output = site.build();
    assert!(!output.status.success());
    let err = stderr(&output);
    assert!(
        err.contains("data/occupation.xlsx:5:7"),
        "no location in:\n{err}"
    );
    assert!(
        err.contains("column `Employment change, percent, 2024–34` (G), found \"about five\""),
        "{err}"
    );
    assert!(!site.path("public").exists(), "public/ written");
}
