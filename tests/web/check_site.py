#!/usr/bin/env python3
"""Checks of a built site that need no browser.

    check_site.py feed <public> <base_url>      the Atom feed parses (feedparser, bozo false)
                                                with ids, updated, author; entry ids are permalinks
    check_site.py jsonld <public>               every JSON-LD block parses; each guide page has an
                                                Occupation with name, description and, where the
                                                guide has a median (compare/data/), estimatedSalary
    check_site.py subpath <public> <base_url>   every root-relative link stays under the base
                                                path; sitemap, feed and canonical URLs use base_url

Prints what it found and exits non-zero on a failure.
"""

import json
import pathlib
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urlparse


def fail(message):
    print(f"  {message}")
    return 1


def html_files(public):
    return sorted(p for p in public.rglob("*.html"))


class Scan(HTMLParser):
    """Collects JSON-LD script text, URL attributes and the canonical link."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.jsonld = []
        self.urls = []
        self.canonical = None
        self._in_jsonld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_jsonld = True
            self._buffer = []
        for name in ("href", "src", "action"):
            if attrs.get(name) is not None:
                self.urls.append(attrs[name])
        if tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")

    def handle_endtag(self, tag):
        if tag == "script" and self._in_jsonld:
            self.jsonld.append("".join(self._buffer))
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self._buffer.append(data)


def scan(path):
    parser = Scan()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def check_feed(public, base_url):
    import feedparser

    path = public / "feed.xml"
    if not path.is_file():
        return fail("no feed.xml")
    feed = feedparser.parse(str(path))
    errors = 0
    if feed.bozo:
        errors += fail(f"feed.xml does not parse cleanly: {feed.bozo_exception}")
    if feed.version != "atom10":
        errors += fail(f"feed.xml is {feed.version or 'unknown'}, expected Atom 1.0")
    meta = feed.feed
    for key in ("id", "title", "updated"):
        if not meta.get(key):
            errors += fail(f"feed has no {key}")
    if not (meta.get("author") or all(e.get("author") for e in feed.entries)):
        errors += fail("feed has no author")
    if not feed.entries:
        errors += fail("feed has no entries")
    for entry in feed.entries:
        if not entry.get("id", "").startswith(base_url):
            errors += fail(f"entry id {entry.get('id')!r} is not a permalink under {base_url}")
        if not entry.get("updated"):
            errors += fail(f"entry {entry.get('id')!r} has no updated")
    print(f"  feed: {len(feed.entries)} entries, bozo={bool(feed.bozo)}")
    return errors


def check_jsonld(public):
    compare = public / "compare" / "data"
    if not compare.is_dir():
        return fail("no compare/data/: cannot tell which guides have a median")
    guides = {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in compare.glob("*.json")
    }
    errors = 0
    blocks = 0
    for slug, guide in sorted(guides.items()):
        page = public / guide["path"] / "index.html"
        if not page.is_file():
            errors += fail(f"{slug}: no page at {guide['path']}")
            continue
        occupations = []
        for text in scan(page).jsonld:
            blocks += 1
            try:
                data = json.loads(text)
            except json.JSONDecodeError as err:
                errors += fail(f"{slug}: JSON-LD does not parse: {err}")
                continue
            if not data.get("@type"):
                errors += fail(f"{slug}: JSON-LD block without @type")
            if data.get("@type") == "Occupation":
                occupations.append(data)
        if len(occupations) != 1:
            errors += fail(f"{slug}: expected one Occupation block, found {len(occupations)}")
            continue
        occupation = occupations[0]
        for key in ("name", "description"):
            if not occupation.get(key):
                errors += fail(f"{slug}: Occupation without {key}")
        if occupation.get("name") != guide["title"]:
            errors += fail(f"{slug}: Occupation name {occupation.get('name')!r} is not the title {guide['title']!r}")
        if "median" in guide["facts"]:
            salary = occupation.get("estimatedSalary")
            if not salary or "median" not in salary[0]:
                errors += fail(f"{slug}: median pay known but no estimatedSalary median")
    # Any other page's blocks must parse too.
    for page in html_files(public):
        for text in scan(page).jsonld:
            try:
                json.loads(text)
            except json.JSONDecodeError as err:
                errors += fail(f"{page.relative_to(public)}: JSON-LD does not parse: {err}")
    print(f"  json-ld: {len(guides)} guides, {blocks} blocks")
    return errors


def check_subpath(public, base_url):
    base_path = urlparse(base_url).path
    errors = 0
    for page in html_files(public):
        found = scan(page)
        rel = page.relative_to(public)
        for url in found.urls:
            if url.startswith("/") and not url.startswith("//") and not url.startswith(base_path):
                errors += fail(f"{rel}: {url!r} leaves the base path {base_path}")
            if re.match(r"https?://", url) and urlparse(url).netloc == urlparse(base_url).netloc:
                if not url.startswith(base_url):
                    errors += fail(f"{rel}: {url!r} is not under {base_url}")
        if rel.name == "index.html" and str(rel) != "404.html":
            if found.canonical is None:
                errors += fail(f"{rel}: no canonical link")
            elif not found.canonical.startswith(base_url):
                errors += fail(f"{rel}: canonical {found.canonical!r} is not under {base_url}")
    for name in ("sitemap.xml", "feed.xml", "robots.txt"):
        path = public / name
        if not path.is_file():
            errors += fail(f"no {name}")
            continue
        for url in re.findall(r"https?://[^\s<\"']+", path.read_text(encoding="utf-8")):
            if urlparse(url).netloc == urlparse(base_url).netloc and not url.startswith(base_url):
                errors += fail(f"{name}: {url} is not under {base_url}")
    print(f"  sub-path: {len(html_files(public))} pages under {base_url}")
    return errors


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    command, public = argv[1], pathlib.Path(argv[2])
    if command == "feed":
        errors = check_feed(public, argv[3])
    elif command == "jsonld":
        errors = check_jsonld(public)
    elif command == "subpath":
        errors = check_subpath(public, argv[3])
    else:
        print(__doc__)
        return 2
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
