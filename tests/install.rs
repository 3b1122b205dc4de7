//! What users meet when they install careergen and put its output on a host:
//! shell completions and man pages from the clap definitions, `--version`,
//! an example under every command's `--help`, `build --precompress`, and
//! pages a strict Content Security Policy allows (no inline styles).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{TestSite, careergen, stderr, stdout, tree};

fn run(args: &[&str]) -> Output {
    careergen().args(args).output().expect("run careergen")
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        stdout(output),
        stderr(output)
    );
}

/// The subcommands listed under `Commands:` in `careergen --help`.
fn subcommands() -> Vec<String> {
    let help = stdout(&run(&["--help"]));
    let mut names = Vec::new();
    let mut in_commands = false;
    for line in help.lines() {
        if line.starts_with("Commands:") {
            in_commands = true;
        } else if in_commands {
            let Some(rest) = line.strip_prefix("  ") else {
                break;
            };
            if let Some(name) = rest.split_whitespace().next()
                && name != "help"
                && !rest.starts_with(' ')
            {
                names.push(name.to_string());
            }
        }
    }
    assert!(names.len() >= 7, "no command list in:\n{help}");
    names
}

#[test]
fn bash_completions_are_valid_bash() {
    let output = run(&["completions", "bash"]);
    assert_success(&output);
    let script = stdout(&output);
    for command in subcommands() {
        assert!(script.contains(&command), "`{command}` missing:\n{script}");
    }
    let temp = tempfile::tempdir().expect("temp dir");
    let file = temp.path().join("careergen.bash");
    fs::write(&file, &script).expect("write");
    let check = Command::new("bash")
        .arg("-n")
        .arg(&file)
        .output()
        .expect("bash runs");
    assert!(check.status.success(), "bash -n: {}", stderr(&check));
}

#[test]
fn completions_for_every_shell_name_the_commands_and_options() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = run(&["completions", shell]);
        assert_success(&output);
        let script = stdout(&output);
        for word in ["careergen", "build", "precompress", "base-url"] {
            assert!(script.contains(word), "{shell}: `{word}` missing");
        }
    }
    let output = run(&["completions", "tcsh"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("tcsh"), "{}", stderr(&output));
}

/// `careergen completions bash | head -1` used to panic in clap_complete
/// when the reader closed the pipe early.
#[test]
fn completions_and_man_into_a_closed_pipe_do_not_panic() {
    for args in [&["completions", "bash"][..], &["man"][..]] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = careergen()
            .args(args)
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .expect("run careergen");
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            ended_quietly(&output),
            "{args:?}: {:?} {err}",
            output.status
        );
    }
}

/// Exited 0, or was ended by SIGPIPE as `cat` would be.
fn ended_quietly(output: &Output) -> bool {
    use std::os::unix::process::ExitStatusExt as _;
    output.status.success() || output.status.signal() == Some(libc::SIGPIPE)
}

/// `careergen build | true` panicked in `println!` ("failed printing to
/// stdout: Broken pipe"), and `check --format json | head` printed an
/// error: every command but `serve` now ends quietly, as Unix tools do.
#[test]
fn reports_into_a_closed_pipe_do_not_panic() {
    let temp = tempfile::tempdir().expect("temp dir");
    let site = temp.path().join("site");
    assert_success(&run(&["init", site.to_str().expect("utf-8")]));
    let root = site.to_str().expect("utf-8");
    for args in [
        &["build", "--root", root][..],
        &["check", "--root", root, "--format", "json"][..],
        &["--help"][..],
    ] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let output = careergen()
            .args(args)
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .expect("run careergen");
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(
            ended_quietly(&output),
            "{args:?}: {:?} {err}",
            output.status
        );
    }
}

#[test]
fn man_page_is_generated_from_the_command_line() {
    let output = run(&["man"]);
    assert_success(&output);
    let page = stdout(&output);
    assert!(page.contains(".TH careergen 1"), "{page}");
    for part in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        "careergen\\-build(1)",
    ] {
        assert!(page.contains(part), "`{part}` missing:\n{page}");
    }

    let temp = tempfile::tempdir().expect("temp dir");
    let dir = temp.path().join("man1");
    let output = run(&["man", "--dir", dir.to_str().expect("utf-8 path")]);
    assert_success(&output);
    assert!(dir.join("careergen.1").is_file());
    for command in subcommands() {
        let page = dir.join(format!("careergen-{command}.1"));
        let text = fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(
            text.contains(".SH EXAMPLES") || text.contains("Examples:"),
            "{text}"
        );
    }
}

#[test]
fn version_prints_the_package_version_and_the_commit_when_known() {
    let output = run(&["--version"]);
    assert_success(&output);
    let line = stdout(&output);
    let rest = line
        .strip_prefix(&format!("careergen {}", env!("CARGO_PKG_VERSION")))
        .unwrap_or_else(|| panic!("unexpected version line: {line:?}"));
    // Either nothing more, or ` (<9 hex digits>[ YYYY-MM-DD])`.
    let rest = rest.strip_suffix('\n').expect("one line");
    if !rest.is_empty() {
        let inner = rest
            .strip_prefix(" (")
            .and_then(|r| r.strip_suffix(')'))
            .unwrap_or_else(|| panic!("unexpected version line: {line:?}"));
        let mut parts = inner.split(' ');
        let hash = parts.next().unwrap_or_default();
        assert!(
            hash.len() == 9 && hash.chars().all(|c| c.is_ascii_hexdigit()),
            "{line:?}"
        );
        if let Some(date) = parts.next() {
            assert!(
                date.len() == 10 && date.chars().filter(|c| *c == '-').count() == 2,
                "{line:?}"
            );
        }
        assert!(parts.next().is_none(), "{line:?}");
    }
}

#[test]
fn every_command_help_shows_an_example() {
    for command in subcommands() {
        let output = run(&[&command, "--help"]);
        assert_success(&output);
        let help = stdout(&output);
        assert!(
            help.contains(&format!("Examples:\n  careergen {command}")),
            "`careergen {command} --help` has no example:\n{help}"
        );
    }
}

/// Builds the site made by `careergen init` into `out` with `args`.
fn init_and_build(temp: &Path, out: &str, args: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let site = temp.join("site");
    if !site.exists() {
        assert_success(&run(&["init", site.to_str().expect("utf-8")]));
    }
    let output_dir = temp.join(out);
    let mut all = vec![
        "build",
        "--root",
        site.to_str().expect("utf-8"),
        "--output",
        output_dir.to_str().expect("utf-8"),
    ];
    all.extend_from_slice(args);
    assert_success(&run(&all));
    tree(&output_dir)
}

#[test]
fn precompressed_copies_decompress_to_the_same_bytes() {
    let temp = tempfile::tempdir().expect("temp dir");
    let files = init_and_build(temp.path(), "public", &["--precompress"]);
    let mut gz = 0;
    let mut br = 0;
    for (path, bytes) in &files {
        if let Some(original) = path.strip_suffix(".gz") {
            let mut back = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut back)
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(files[original] == back, "{path} differs from {original}");
            assert!(bytes.len() < files[original].len(), "{path} is not smaller");
            // No modification time in the header: rebuilds are reproducible.
            assert_eq!(&bytes[4..8], &[0, 0, 0, 0], "{path}");
            gz += 1;
        } else if let Some(original) = path.strip_suffix(".br") {
            let mut back = Vec::new();
            brotli::Decompressor::new(&bytes[..], 4096)
                .read_to_end(&mut back)
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(files[original] == back, "{path} differs from {original}");
            assert!(bytes.len() < files[original].len(), "{path} is not smaller");
            br += 1;
        }
    }
    for page in [
        "index.html",
        "account-manager/index.html",
        "style.css",
        "search.js",
    ] {
        assert!(files.contains_key(&format!("{page}.gz")), "no {page}.gz");
        assert!(files.contains_key(&format!("{page}.br")), "no {page}.br");
    }
    assert!(gz >= 10 && br >= 10, "{gz} .gz and {br} .br files");
    // Images and tiny files are left alone.
    assert!(
        !files
            .keys()
            .any(|p| p.ends_with(".png.gz") || p == "robots.txt.gz")
    );

    // The same site gives the same bytes; without the flag, no copies.
    let again = init_and_build(temp.path(), "again", &["--precompress"]);
    assert!(again == files, "a second --precompress build differs");
    let plain = init_and_build(temp.path(), "plain", &[]);
    assert!(
        !plain
            .keys()
            .any(|p| p.ends_with(".gz") || p.ends_with(".br")),
        "copies written without --precompress"
    );
}

/// Aligned Markdown table cells were written with `style="text-align: …"`,
/// which a strict `style-src 'self'` policy blocks. Every page of the
/// example site, with such a table added, must carry no inline style and no
/// inline script (JSON-LD data blocks are not scripts a policy governs).
#[test]
fn markdown_table_alignment_uses_classes_so_pages_have_no_inline_styles() {
    let site = TestSite::example();
    let guide = fs::read_dir(site.path("content"))
        .expect("content/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("a guide");
    let mut text = fs::read_to_string(&guide).expect("read guide");
    text.push_str(
        "\n\n## Pay by region\n\n| Region | Median | Share |\n|:---|---:|:---:|\n| North | 10 | 40 % |\n",
    );
    fs::write(&guide, text).expect("write guide");
    assert_success(&site.build());

    let files = tree(&site.path("public"));
    let mut aligned = 0;
    for (path, bytes) in &files {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        assert!(!html.contains(" style=\""), "{path} has an inline style");
        assert!(!html.contains("<style"), "{path} has a <style> element");
        for (i, _) in html.match_indices("<script") {
            let tag = &html[i..html[i..].find('>').map_or(html.len(), |e| i + e)];
            assert!(
                tag.contains(" src=") || tag.contains("type=\"application/ld+json\""),
                "{path} has an inline script: {tag}"
            );
        }
        if html.contains(r#"<td class="align-right">10</td>"#) {
            assert!(html.contains(r#"<th scope="col" class="align-left">Region</th>"#));
            assert!(html.contains(r#"<td class="align-center">40 %</td>"#));
            aligned += 1;
        }
    }
    assert_eq!(aligned, 1, "the aligned table was not found on one page");
    let css = String::from_utf8_lossy(&files["style.css"]);
    for class in ["align-left", "align-center", "align-right"] {
        assert!(
            css.contains(&format!("td.{class}")),
            "style.css lacks .{class}"
        );
    }
}
