//! Official data by SOC code: datasets named in `config.yaml`, read in
//! the shared CSV layouts and the BLS download layouts (CSV and XLSX),
//! figures filled into guides, and the `careergen data` commands.
//!
//! Every data row in these fixtures is copied from `shared/data/`; the
//! BLS-layout files are written by the tests from those rows.

mod common;

use std::fs;

use common::{TestSite, stderr, stdout};

/// The page of `slug` with tags removed and whitespace squeezed.
fn page_text(site: &TestSite, slug: &str) -> String {
    let html = site.read(&format!("public/{slug}/index.html"));
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#39;", "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn built(site: &TestSite) -> String {
    let output = site.build();
    let err = stderr(&output);
    assert!(output.status.success(), "build failed:\n{err}");
    err
}

#[test]
fn a_guide_with_only_a_soc_code_takes_every_figure_from_the_data() {
    let site = TestSite::fixture("data-fill");
    built(&site);
    let text = page_text(&site, "registered-nurse");
    for needle in [
        // O*NET's description starts the page.
        "Assess patient health problems and needs, develop and implement nursing care plans, and maintain medical records.",
        // OEWS May 2025, national: 10th, median, 90th percentile.
        "Median pay (May 2025) $97,550 per year",
        "10th percentile $68,940",
        "90th percentile $137,470",
        // The 2024–34 projections.
        "5% (Faster than average)",
        "+166,100",
        "3,391,000",
        "Typical entry-level education Bachelor's degree",
        // Each figure's source, and every dataset in Sources.
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025",
        "Source: U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, 2024–34 edition; Employment Projections program",
        "This page includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.",
    ] {
        assert!(text.contains(needle), "no {needle:?} in:\n{text}");
    }
    // JSON-LD agrees with the page.
    let html = site.read("public/registered-nurse/index.html");
    assert!(html.contains(r#""median":97550"#), "{html}");
    assert!(html.contains(r#""percentile90":137470"#));
}

#[test]
fn an_occupation_paid_by_the_hour_shows_hourly_figures() {
    let site = TestSite::fixture("data-fill");
    built(&site);
    let text = page_text(&site, "actor");
    assert!(
        text.contains("Median pay (May 2025) $29.05 per hour"),
        "{text}"
    );
    assert!(text.contains("90th percentile $143.68"), "{text}");
}

#[test]
fn a_guide_figure_that_differs_from_the_data_is_a_warning_unless_it_cites_a_source() {
    let site = TestSite::fixture("data-fill");
    let output = site.run(&["check"]);
    let out = stdout(&output) + &stderr(&output);
    assert!(
        out.contains(
            "content/sales-manager-uncited.md:6:19: warning: salary.median: the guide gives 140000, \
             BLS Occupational Employment and Wage Statistics, May 2025 (data/oews-national-may2025.csv) gives 148270"
        ),
        "{out}"
    );
    assert!(!out.contains("sales-manager-cited.md"), "{out}");
    built(&site);
    // The guide's own figure wins, with its own source.
    let text = page_text(&site, "sales-manager-uncited");
    assert!(text.contains("Median pay: $140,000 per year"), "{text}");
    let cited = page_text(&site, "sales-manager-cited");
    assert!(
        cited.contains("Source: Regional pay survey 2025"),
        "{cited}"
    );
    assert!(
        !cited.contains("Occupational Employment and Wage Statistics"),
        "{cited}"
    );
}

#[test]
fn a_soc_code_missing_from_the_data_is_a_warning_with_the_closest_codes() {
    let site = TestSite::fixture("data-fill");
    let output = site.run(&["check"]);
    let out = stdout(&output) + &stderr(&output);
    assert!(
        out.contains("content/unknown-code.md:4:15: warning: codes.soc: expected a SOC code the configured data has, found 29-1149"),
        "{out}"
    );
    assert!(
        out.contains("closest codes: 29-1141 (Registered Nurses)"),
        "{out}"
    );
}

#[test]
fn guides_without_data_keep_their_required_fields() {
    // No SOC code: summary and duties stay required on a site with data.
    let site = TestSite::fixture("data-fill");
    site.write("content/bare.md", "---\ntitle: Bare\n---\n");
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.contains("content/bare.md:1:1: error: summary: expected text of 1 to 320 characters, found nothing"), "{err}");
    assert!(err.contains("duties"), "{err}");
    // A SOC code on a site without data: the same.
    let site = TestSite::fixture("data-fill");
    let config = site.read("config.yaml");
    let without: String = config
        .lines()
        .filter(|l| {
            ![
                "data:",
                "  wages",
                "  state_wages",
                "  projections:",
                "  occupations",
            ]
            .iter()
            .any(|key| l.starts_with(key))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("config.yaml", &without);
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/registered-nurse.md:1:1: error: summary"),
        "{err}"
    );
}

#[test]
fn a_summary_the_data_cannot_give_is_an_error() {
    let site = TestSite::fixture("data-fill");
    site.write(
        "content/barber.md",
        "---\ntitle: Barber\ncodes: { soc: 39-5011 }\n---\n",
    );
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/barber.md:1:1: error: summary: expected text of 1 to 320 characters, found nothing (the configured data has no description for 39-5011)"),
        "{err}"
    );
}

#[test]
fn malformed_data_files_are_errors_located_by_row_and_column() {
    let site = TestSite::fixture("data-fill");
    site.write("public/index.html", "previous site");
    // Row 3 (29-1141), column P (annual_median): a figure written with a symbol.
    let wages = site.read("data/oews-national-may2025.csv");
    let wages = wages.replacen(",97550,", ",$97550,", 1);
    site.write("data/oews-national-may2025.csv", &wages);
    // A projections file without its growth column.
    let projections = site.read("data/ooh-2024-34-profiles.csv");
    let projections = projections.replacen("growth_percent", "growth", 1);
    site.write("data/ooh-2024-34-profiles.csv", &projections);
    // An occupations file that is not there.
    fs::remove_file(site.path("data/onet-occupation-data.tsv")).expect("remove");
    let output = site.build();
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    let line = wages
        .lines()
        .position(|l| l.starts_with("29-1141"))
        .expect("row")
        + 1;
    assert!(
        err.contains(&format!(
            "data/oews-national-may2025.csv:{line}:16: error: annual_median: expected a number ≥ 0, `-`, `*`, `**` or `#` in column `annual_median` (P), found \"$97550\""
        )),
        "{err}"
    );
    assert!(
        err.contains("data/ooh-2024-34-profiles.csv:1:1: error: expected a column `growth_percent` in the header"),
        "{err}"
    );
    assert!(
        err.contains("data/onet-occupation-data.tsv: error: cannot read data file `data/onet-occupation-data.tsv`: no such file"),
        "{err}"
    );
    assert_eq!(site.read("public/index.html"), "previous site");
}

/// The fixture's national rows in the layout BLS publishes for download:
/// upper-case columns, `*` where a wage is not available.
fn bls_layout(shared: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    rows.push(
        [
            "AREA_TITLE",
            "OCC_CODE",
            "OCC_TITLE",
            "O_GROUP",
            "TOT_EMP",
            "H_PCT10",
            "H_PCT25",
            "H_MEDIAN",
            "H_PCT75",
            "H_PCT90",
            "A_PCT10",
            "A_PCT25",
            "A_MEDIAN",
            "A_PCT75",
            "A_PCT90",
        ]
        .map(String::from)
        .to_vec(),
    );
    let mut reader = csv::Reader::from_reader(shared.as_bytes());
    let header = reader.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    for record in reader.records() {
        let record = record.expect("row");
        let cell = |name: &str| {
            let text = &record[col(name)];
            if text.is_empty() {
                "*".to_string()
            } else {
                text.to_string()
            }
        };
        rows.push(vec![
            "U.S.".to_string(),
            cell("soc_code"),
            cell("title"),
            cell("soc_level"),
            cell("employment"),
            cell("hourly_p10"),
            cell("hourly_p25"),
            cell("hourly_median"),
            cell("hourly_p75"),
            cell("hourly_p90"),
            cell("annual_p10"),
            cell("annual_p25"),
            cell("annual_median"),
            cell("annual_p75"),
            cell("annual_p90"),
        ]);
    }
    rows
}

fn write_csv(path: &std::path::Path, rows: &[Vec<String>]) {
    let mut writer = csv::Writer::from_path(path).expect("csv");
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
                Ok(n) if r > 0 && c != 1 => sheet.write_number(r, c, n).map(|_| ()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .expect("cell");
        }
    }
    workbook.save(path).expect("save");
}

fn with_wages_file(site: &TestSite, file: &str) {
    let config = site.read("config.yaml").replace(
        "wages: data/oews-national-may2025.csv",
        &format!("wages: data/{file}"),
    );
    site.write("config.yaml", &config);
}

#[test]
fn bls_csv_and_xlsx_layouts_give_the_same_figures_as_the_shared_layout() {
    let shared = TestSite::fixture("data-fill");
    built(&shared);
    let rows = bls_layout(&shared.read("data/oews-national-may2025.csv"));
    let csv_site = TestSite::fixture("data-fill");
    write_csv(&csv_site.path("data/national_M2025_dl.csv"), &rows);
    with_wages_file(&csv_site, "national_M2025_dl.csv");
    built(&csv_site);
    let xlsx_site = TestSite::fixture("data-fill");
    write_xlsx(&xlsx_site.path("data/national_M2025_dl.xlsx"), &rows);
    with_wages_file(&xlsx_site, "national_M2025_dl.xlsx");
    built(&xlsx_site);
    for slug in ["registered-nurse", "actor", "sales-manager-cited"] {
        let page = shared.read(&format!("public/{slug}/index.html"));
        assert_eq!(
            page,
            csv_site.read(&format!("public/{slug}/index.html")),
            "{slug} (CSV)"
        );
        assert_eq!(
            page,
            xlsx_site.read(&format!("public/{slug}/index.html")),
            "{slug} (XLSX)"
        );
    }
}

#[test]
fn a_top_coded_wage_shows_as_or_more() {
    // Alabama's row for oral and maxillofacial surgeons (OEWS May 2025
    // state file): the median is top-coded (footnote 5), the rest not
    // published. In the BLS layout that is `#` and `*`.
    let site = TestSite::fixture("data-fill");
    let rows = vec![
        [
            "OCC_CODE",
            "OCC_TITLE",
            "TOT_EMP",
            "A_PCT10",
            "A_PCT25",
            "A_MEDIAN",
            "A_PCT75",
            "A_PCT90",
        ]
        .map(String::from)
        .to_vec(),
        [
            "29-1022",
            "Oral and Maxillofacial Surgeons",
            "130",
            "*",
            "*",
            "#",
            "*",
            "*",
        ]
        .map(String::from)
        .to_vec(),
    ];
    write_xlsx(&site.path("data/state_M2025_dl.xlsx"), &rows);
    with_wages_file(&site, "state_M2025_dl.xlsx");
    site.write(
        "content/surgeon.md",
        "---\ntitle: Oral surgeon\nsummary: Operates on the mouth and jaw.\ncodes: { soc: 29-1022 }\n---\n",
    );
    built(&site);
    let text = page_text(&site, "surgeon");
    assert!(text.contains("$239,200 or more"), "{text}");
    let html = site.read("public/surgeon/index.html");
    assert!(!html.contains("percentile90"), "{html}");
}

#[test]
fn data_check_lists_guides_without_codes_unknown_codes_differences_and_ages() {
    let site = TestSite::fixture("data-fill");
    let output = site.run(&["data", "check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    for needle in [
        "wages        data/oews-national-may2025.csv — May 2025",
        "projections  data/ooh-2024-34-profiles.csv — 2024–34",
        "guides without a SOC code: 1\n  content/no-code.md",
        "SOC codes not in the data: 1\n  content/unknown-code.md: 29-1149 — closest: 29-1141 (Registered Nurses)",
        "guide figures that differ from the data: 1\n  content/sales-manager-uncited.md:6: salary.median: the guide gives 140000",
    ] {
        assert!(out.contains(needle), "no {needle:?} in:\n{out}");
    }
    let output = site.run(&["data", "check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["datasets"][0]["kind"], "wages");
    assert_eq!(json["datasets"][0]["release"], "May 2025");
    assert_eq!(json["datasets"][0]["codes"], 7);
    assert_eq!(json["without_soc"][0], "content/no-code.md");
    assert_eq!(json["unknown_codes"][0]["soc"], "29-1149");
    assert_eq!(json["differences"][0]["field"], "salary.median");
}

#[test]
fn data_diff_reports_changed_figures_largest_first_as_table_markdown_and_csv() {
    let site = TestSite::fixture("data-fill");
    let old = common::repo().join("tests/fixtures/data-diff/oews-national-may2024.csv");
    let old = old.to_string_lossy();
    let new = site.path("data/oews-national-may2025.csv");
    let new = new.to_string_lossy();
    let output = site.run(&["data", "diff", &old, &new]);
    assert!(output.status.success(), "{}", stderr(&output));
    let table = stdout(&output);
    assert!(
        table.starts_with("May 2024 → May 2025: 4 figures change across 5 guides with a SOC code"),
        "{table}"
    );
    let lines: Vec<&str> = table.lines().collect();
    // Largest relative change first: sales managers +7.4%, then nurses +4.2%.
    assert!(
        lines[2].contains("11-2022  median pay, per year    138060    148270  +10210     +7.4%"),
        "{table}"
    );
    assert!(
        lines[4].contains("29-1141  median pay, per year     93600     97550   +3950     +4.2%"),
        "{table}"
    );
    let output = site.run(&["data", "diff", &old, &new, "--format", "markdown"]);
    let markdown = stdout(&output);
    assert!(markdown.contains("| content/registered-nurse.md | 29-1141 | median pay, per year | 93600 | 97550 | +3950 | +4.2% |"), "{markdown}");
    let output = site.run(&["data", "diff", &old, &new, "--format", "csv"]);
    let csv = stdout(&output);
    assert!(
        csv.contains(
            "content/registered-nurse.md,29-1141,\"median pay, per year\",93600,97550,3950,4.2\n"
        ),
        "{csv}"
    );
}

#[test]
fn data_diff_of_a_file_that_is_neither_layout_is_an_error() {
    let site = TestSite::fixture("data-fill");
    let onet = site.path("data/onet-occupation-data.tsv");
    let onet = onet.to_string_lossy();
    let output = site.run(&["data", "diff", &onet, &onet]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("expected an OEWS wage file"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn new_with_a_soc_code_drafts_a_guide_from_the_data() {
    let site = TestSite::fixture("data-fill");
    let output = site.run(&["new", "--soc", "13-2011"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = site.read("content/accountants-and-auditors.md");
    for needle in [
        "title: \"Accountants and Auditors\"",
        "codes: { soc: 13-2011, onet_soc: 13-2011.00 }",
        "#   salary (BLS Occupational Employment and Wage Statistics, May 2025): entry",
        "#   outlook (BLS Occupational Outlook Handbook, 2024–34 edition): growth 5%, employment 1579800, change 72800",
        "#   requirements: education bachelors, experience none, training none",
        "license: CC BY 4.0",
        "draft: true",
    ] {
        assert!(text.contains(needle), "no {needle:?} in:\n{text}");
    }
    // The draft is valid as written.
    let output = site.run(&["check", "--drafts"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // An unknown code writes nothing and says what is close.
    let output = site.run(&["new", "--soc", "29-1149"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("closest: 29-1141 (Registered Nurses)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn pay_by_state_shows_a_table_and_a_tile_map_with_unpublished_states_marked() {
    let site = TestSite::fixture("data-fill");
    site.write(
        "content/oral-surgeon.md",
        "---\ntitle: Oral surgeon\nsummary: Operates on the mouth, jaws and face.\ncodes: { soc: 29-1022 }\n---\n",
    );
    built(&site);
    let text = page_text(&site, "registered-nurse");
    for needle in [
        // The home state (`region: CA`) beside the national median.
        "Median pay (May 2025) $97,550 per year a Median pay in California (May 2025) $140,270 per year b",
        "Pay by state",
        "California $140,270 $101,260 $213,320 338,940",
        "Alabama $77,080 $58,150 $98,910 54,340",
        // Guam: employment published, wages not (footnote 8).
        "Guam Not published Not published Not published 690",
        // No row at all in the file: listed all the same.
        "Texas Not published Not published Not published Not published",
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025, state estimates",
    ] {
        assert!(text.contains(needle), "no {needle:?} in:\n{text}");
    }
    let html = site.read("public/registered-nurse/index.html");
    // Every area has a tile; those without a figure are marked.
    assert_eq!(
        html.matches("<use href=\"#cg-states-registered-nurse-t\"")
            .count(),
        54,
        "{html}"
    );
    assert!(html.contains(
        "<g><title>Guam: not published</title><use href=\"#cg-states-registered-nurse-t\" class=\"cg-map__tile--none\""
    ));
    assert!(html.contains(
        "<g><title>California: $140,270</title><use href=\"#cg-states-registered-nurse-t\" class=\"cg-map__tile--home\""
    ));
    assert!(html.contains(
        "<g><title>Texas: not published</title><use href=\"#cg-states-registered-nurse-t\" class=\"cg-map__tile--none\""
    ));
    // A top-coded state median (Alabama, footnote 5).
    let text = page_text(&site, "oral-surgeon");
    assert!(
        text.contains("Alabama $239,200 or more Not published Not published 130"),
        "{text}"
    );
    assert!(
        text.contains("California Not published Not published Not published 670"),
        "{text}"
    );
}

/// `$97,550` (yearly) or `$29.05` (hourly), as pages write money.
fn dollars(text: &str) -> String {
    let (whole, cents) = text.split_once('.').unwrap_or((text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if cents.is_empty() {
        format!("${grouped}")
    } else {
        format!("${grouped}.{cents:0<2}")
    }
}

#[test]
fn every_onet_occupation_with_only_a_title_and_code_shows_the_oews_median() {
    let repo = common::repo();
    let site = TestSite::empty();
    common::copy_dir(&repo.join("themes"), &site.path("themes"));
    for file in ["oews-national-may2025.csv", "onet-occupation-data.tsv"] {
        fs::create_dir_all(site.path("data")).expect("mkdir");
        fs::copy(repo.join("data").join(file), site.path("data").join(file)).expect("copy");
    }
    site.write(
        "config.yaml",
        "title: O*NET handbook\nbase_url: https://example.org/\ndata:\n  wages: data/oews-national-may2025.csv\n  occupations: { file: data/onet-occupation-data.tsv, release: \"29.2\" }\n",
    );
    // The national medians, by SOC code.
    let mut medians = std::collections::HashMap::new();
    let mut reader =
        csv::Reader::from_path(repo.join("data/oews-national-may2025.csv")).expect("csv");
    for record in reader.records() {
        let record = record.expect("row");
        let (annual, hourly) = (&record[15], &record[10]);
        let median = match (annual, hourly) {
            ("", "") => continue,
            ("", hourly) => format!("{} per hour", dollars(hourly)),
            (annual, _) => format!("{} per year", dollars(annual)),
        };
        medians.insert(record[0].to_string(), median);
    }
    let onet = fs::read_to_string(repo.join("data/onet-occupation-data.tsv")).expect("O*NET");
    let mut guides = Vec::new();
    for line in onet.lines().skip(1) {
        let mut cells = line.trim_end_matches('\r').split('\t');
        let (Some(code), Some(title)) = (cells.next(), cells.next()) else {
            continue;
        };
        let slug = code.replace('.', "-");
        let soc = &code[..7];
        let title = serde_json::to_string(title).expect("quoted");
        site.write(
            &format!("content/{slug}.md"),
            &format!("---\ntitle: {title}\ncodes: {{ soc: {soc} }}\n---\n"),
        );
        guides.push((slug, soc.to_string()));
    }
    // Every one of them, the longest title (105 characters) included.
    assert_eq!(guides.len(), 1016);
    built(&site);
    let mut shown = 0;
    for (slug, soc) in &guides {
        let Some(median) = medians.get(soc) else {
            continue;
        };
        let text = page_text(&site, slug);
        let needle = format!("Median pay (May 2025) {median}");
        assert!(text.contains(&needle), "{slug}: no {needle:?} in:\n{text}");
        shown += 1;
    }
    assert!(shown > 800, "only {shown} guides had an OEWS median");
}

/// `GET path` from a local server: the body, once the reply is complete.
fn get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return String::new();
    };
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return String::new();
    }
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    String::from_utf8_lossy(&reply).into_owned()
}

#[test]
fn serve_rebuilds_pages_when_a_data_file_changes() {
    use std::io::BufRead;
    use std::time::{Duration, Instant};
    let site = TestSite::fixture("data-fill");
    let mut child = common::careergen()
        .args(["serve", "--port", "0", "--root"])
        .arg(site.root())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut port = None;
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.expect("line");
        if let Some(rest) = line.strip_prefix("serving at http://127.0.0.1:") {
            port = rest.split('/').next().and_then(|p| p.parse::<u16>().ok());
            break;
        }
    }
    let port = port.expect("serve printed its address");
    let wait_for = |needle: &str| {
        let started = Instant::now();
        loop {
            let page = get(port, "/registered-nurse/");
            if page.contains(needle) {
                return true;
            }
            if started.elapsed() > Duration::from_secs(60) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let first = wait_for("$97,550");
    // The May 2024 release in place of May 2025: the page follows.
    let older = fs::read_to_string(
        common::repo().join("tests/fixtures/data-diff/oews-national-may2024.csv"),
    )
    .expect("May 2024 file");
    fs::write(site.path("data/oews-national-may2025.csv"), older).expect("write");
    let second = wait_for("$93,600");
    let _ = child.kill();
    let _ = child.wait();
    assert!(first, "serve never showed the May 2025 median");
    assert!(second, "serve did not rebuild after the data file changed");
}

#[test]
fn a_body_heading_named_pay_by_state_never_takes_the_sections_id() {
    let site = TestSite::fixture("data-fill");
    site.write(
        "content/registered-nurse.md",
        "---\ntitle: Registered nurse\ncodes: { soc: 29-1141 }\n---\n## Pay by state\n\nText.\n",
    );
    built(&site);
    let html = site.read("public/registered-nurse/index.html");
    assert_eq!(html.matches("id=\"pay-by-state\"").count(), 1, "{html}");
}

#[test]
fn data_diff_of_two_projection_files_lists_the_figures_a_code_loses() {
    // Only one real projections release exists, so the newer file is the
    // same one without the registered nurses' row: every projected figure
    // of that guide is then reported as gone, and no other guide changes.
    let site = TestSite::fixture("data-fill");
    let old = site.read("data/ooh-2024-34-profiles.csv");
    let without_nurses: String = old
        .lines()
        .filter(|line| !line.starts_with("29-1141,"))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(old, without_nurses, "the fixture holds the nurses' row");
    site.write("data/ooh-2024-34-without-nurses.csv", &without_nurses);
    let old = site.path("data/ooh-2024-34-profiles.csv");
    let new = site.path("data/ooh-2024-34-without-nurses.csv");
    let output = site.run(&[
        "data",
        "diff",
        &old.to_string_lossy(),
        &new.to_string_lossy(),
        "--format",
        "csv",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let csv = stdout(&output);
    for figure in [
        "projected growth (%),5,",
        "employment,3391000,",
        "employment change,166100,",
    ] {
        assert!(
            csv.contains(&format!("content/registered-nurse.md,29-1141,{figure}")),
            "{figure} missing:\n{csv}"
        );
    }
    assert_eq!(csv.lines().count(), 4, "a header and three changes:\n{csv}");
}
