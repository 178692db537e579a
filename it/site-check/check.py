#!/usr/bin/env python3
"""Checks the staged site (./mvnw -B -ntp -DskipTests package site site:stage, then target/staging).

1. Every goal in the plugin descriptor (cross-build-maven-plugin/target/classes/META-INF/maven/plugin.xml)
   has its page, cross-build-maven-plugin/<goal>-mojo.html, listed on plugin-info.html and linked from
   the hand-written pages (the menu of src/site/site.xml); the goal and each of its parameters a user can
   set have a description (their Javadoc, which the page is made of).
2. Every page of src/site/markdown is staged as <name>.html.
3. Every internal link in the staged HTML (href and src that are relative, or absolute under the
   project's <url>) names a file of the staged site, and its #anchor an id or <a name> in that page.
   Links to other sites are not fetched.

Fails with the list of every problem. Usage: python3 it/site-check/check.py [staging directory]
"""
import os
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLUGIN_MODULE = "cross-build-maven-plugin"
DESCRIPTOR = os.path.join(ROOT, PLUGIN_MODULE, "target", "classes", "META-INF", "maven", "plugin.xml")
MARKDOWN = os.path.join(ROOT, "src", "site", "markdown")
POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}
LINK_ATTRIBUTES = {"href", "src"}


class Page(HTMLParser):
    """The ids (anchor targets) and the links of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.anchors = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.anchors.add(value)
            elif name in LINK_ATTRIBUTES:
                self.links.append(value.strip())


def read_page(path):
    page = Page()
    with open(path, encoding="utf-8", errors="replace") as f:
        page.feed(f.read())
    page.close()
    return page


def text(element, child):
    found = element.find(child)
    return (found.text or "").strip() if found is not None else ""


def goals():
    """{goal: [the goal and each of its settable parameters that lack a description]}."""
    if not os.path.isfile(DESCRIPTOR):
        sys.exit(f"site-check: no plugin descriptor at {DESCRIPTOR}. Run ./mvnw -B -ntp -DskipTests package site"
                 " site:stage first.")
    found = {}
    for mojo in ET.parse(DESCRIPTOR).getroot().findall("mojos/mojo"):
        undescribed = [] if text(mojo, "description") else ["the goal"]
        undescribed += [f"<{text(p, 'name')}>" for p in mojo.findall("parameters/parameter")
                        if text(p, "editable") != "false" and not text(p, "description")]
        found[text(mojo, "goal")] = undescribed
    if not found:
        sys.exit(f"site-check: {DESCRIPTOR} lists no goals")
    return dict(sorted(found.items()))


def site_url():
    """The project's <url> (absolute links under it are internal), or None."""
    url = ET.parse(os.path.join(ROOT, "pom.xml")).getroot().find("m:url", POM_NS)
    return url.text.strip().rstrip("/") + "/" if url is not None and url.text else None


def target_of(link, page_path, staging, own_url):
    """(file, fragment) for an internal link, or None for another site, a mail address, a script."""
    if own_url and link.startswith(own_url):
        link = link[len(own_url):]
        base = staging
    else:
        base = os.path.dirname(page_path)
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return (None, f"absolute path {path}: the site is served from a directory, use a relative link")
    if not path:
        return (page_path, unquote(parts.fragment))
    target = os.path.normpath(os.path.join(base, path))
    if path.endswith("/") or os.path.isdir(target):
        target = os.path.join(target, "index.html")
    return (target, unquote(parts.fragment))


def main():
    staging = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "staging"))
    if not os.path.isfile(os.path.join(staging, "index.html")):
        sys.exit(f"site-check: no staged site in {staging}. Run ./mvnw -B -ntp -DskipTests package site"
                 " site:stage first.")
    problems = []
    pages = {}
    for directory, _, files in os.walk(staging):
        for name in files:
            if name.endswith(".html"):
                path = os.path.join(directory, name)
                pages[path] = read_page(path)

    def rel(path):
        return os.path.relpath(path, staging)

    # 1. A described page per goal, listed on plugin-info.html and reachable from outside the plugin's reports.
    plugin_dir = os.path.join(staging, PLUGIN_MODULE)
    plugin_info = os.path.join(plugin_dir, "plugin-info.html")
    linked_from_outside = set()  # targets of links on pages outside the plugin module's site
    resolved = {}
    own_url = site_url()
    listed = set()
    for path, page in pages.items():
        outside = not path.startswith(plugin_dir + os.sep)
        for link in page.links:
            target = target_of(link, path, staging, own_url)
            resolved[(path, link)] = target
            if target and target[0]:
                if outside:
                    linked_from_outside.add(target[0])
                if path == plugin_info:
                    listed.add(target[0])
    goal_list = goals()
    for goal, undescribed in goal_list.items():
        if undescribed:
            problems.append(f"goal '{goal}': no Javadoc for {', '.join(undescribed)}")
        goal_page = os.path.join(plugin_dir, f"{goal}-mojo.html")
        if goal_page not in pages:
            problems.append(f"goal '{goal}': no page {rel(goal_page)}")
            continue
        if goal_page not in listed:
            problems.append(f"goal '{goal}': {rel(goal_page)} is not listed on {rel(plugin_info)}")
        if goal_page not in linked_from_outside:
            problems.append(f"goal '{goal}': no page outside {PLUGIN_MODULE}/ links to {rel(goal_page)}"
                            " (add it to the Goal reference menu of src/site/site.xml)")

    # 2. Every hand-written page is staged.
    for name in sorted(os.listdir(MARKDOWN)):
        if name.endswith(".md"):
            staged = os.path.join(staging, name[:-3] + ".html")
            if staged not in pages:
                problems.append(f"src/site/markdown/{name}: not staged as {rel(staged)}")

    # 3. Internal links, grouped by what they point to: a broken menu item is one problem, not one per page.
    broken = {}
    for path in sorted(pages):
        for link in pages[path].links:
            target = resolved[(path, link)]
            if target is None:
                continue
            file, fragment = target
            if file is None:
                problem = (link, fragment)
            elif not (file + os.sep).startswith(staging + os.sep):
                problem = (link, "leaves the site")
            elif not os.path.isfile(file):
                problem = (rel(file), "no such file")
            elif fragment and file.endswith(".html") and fragment not in pages[file].anchors:
                problem = (f"{rel(file)}#{fragment}", f"no anchor #{fragment} in {rel(file)}")
            else:
                continue
            broken.setdefault(problem, []).append(f"{rel(path)} ({link})" if problem[0] != link else rel(path))
    for (what, why), sources in sorted(broken.items()):
        unique = sorted(set(sources))
        shown = ", ".join(unique[:4]) + (f" and {len(unique) - 4} more" if len(unique) > 4 else "")
        problems.append(f"broken link {what}: {why}; from {shown}")

    links = sum(len(p.links) for p in pages.values())
    if problems:
        print(f"site-check: {len(problems)} problem(s) in {staging}:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print(f"site-check: {len(pages)} pages, {links} links, goals {', '.join(goal_list)}: every goal has its"
          " described page, every internal link resolves")


if __name__ == "__main__":
    main()
