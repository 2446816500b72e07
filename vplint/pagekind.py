"""What kind of page a document is, so that each rule judges only the pages it fits.

A website repository holds more than propositions: landing pages, blog articles and case
studies, documentation, release notes. A "no guarantee" finding makes sense on a landing
page and none on a changelog. Every rule declares the kinds it applies to (`kinds:` in
its file); this module says which kind a document is:

1. the configuration's `page_kinds` globs (the first that matches wins);
2. a `page_kind` key in the page's front matter;
3. a YAML file, or a Markdown page whose front matter holds proposition fields, is a
   proposition;
4. release notes: CHANGELOG/HISTORY/RELEASE-NOTES files, `releases/` or `changelog/`
   folders, a version as the file or folder name (`v1.6.0`, `2.1.0-beta`), or a body
   made of changelog sections (Features, Bug fixes, 新特性, 修复...);
5. documentation: `docs/`, `handbook/`, `tutorials/`..., README/CONTRIBUTING-style and
   other upper-case file names (SEO-CHECKLIST.md), legal and utility pages (privacy,
   terms, contact, 404, policies/, *-policy), roadmaps (upcoming-features), theme,
   vendored and hidden folders, a `type: docs` layout; folder names are read without a
   Jekyll collection's leading underscore (_posts, _podcast, _services);
6. articles: `blog/`, `posts/`, `news/`, `case-studies/`, `customers/`... folders (on
   disk, or in the address the front matter publishes the page at: `permalink:
   /en/blog/x`, which also names release-note and docs folders), folders naming them
   among other words (blog-news/), dated folders (2023/, 202304/), posts named for their
   day (2023-1-6-slug.md), a `layout: post` front matter, a dated page with an author or
   tags, or an about page;
7. a job advertisement (the role it hires for and what the candidate brings) is docs, and
   so are instructions (several code blocks, installation or configuration headings) that
   only a call to action, an offer, a features section or a price would mark as landing;
8. landing pages: a page something marks as one - the site's home, an offer's folder or
   file name (products/, pricing.md, 解决方案/), a file of copy (copy.md, tagline.txt),
   a landing layout or a call-to-action,
   hero or price block in the front matter, a call to action, a price or an offer in the
   body (vplint.offermarks);
9. anything else is a general page of the organisation's site (`page`): a programme,
   course, event or mission page, a protocol description. Only the rules that fit any
   page judge it.
"""

from __future__ import annotations

import fnmatch
import functools
import itertools
import os
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from vplint.fsutil import repository_root
from vplint.lazyre import lazy
from vplint.offermarks import LANGUAGE_TAGS, WEAK_MARKS, landing_mark

PROPOSITION = "proposition"
LANDING = "landing"
ARTICLE = "article"
DOCS = "docs"
RELEASE_NOTES = "release-notes"
PAGE = "page"
"""A general page of an organisation's site that nothing marks as an offer page."""
KINDS = (PROPOSITION, LANDING, ARTICLE, DOCS, RELEASE_NOTES, PAGE)

FRONT_MATTER_KEY = "page_kind"

# Fields only a proposition has (a blog's `title`, `name`, `category` or `language` do not
# make it one).
_PROPOSITION_KEYS = frozenset((
    "segment", "need", "jobs", "pains", "gains", "offering", "outcome", "time_bound",
    "guarantee", "objections", "differentiation", "proof", "benefit", "experience",
    "positioning", "competitors"))

_RELEASE_NAMES = frozenset((
    "changelog", "changelogs", "changes", "history", "release-notes", "release_notes",
    "releasenotes", "releases", "release", "whats-new", "whatsnew", "what-s-new"))
# A folder whose last word names articles (blog-news, tech_blog, darknavy_insight; not
# for-insights-teams, a landing page's folder).
_ARTICLE_WORDS = frozenset(("blog", "blogs", "news", "posts", "insight", "insights"))
# A file named for the day it was posted: 2023-1-6-slug.md, 20230106-slug.md.
_DATED_NAME = lazy(r"^(?:19|20)\d\d(?:-\d{1,2}-\d{1,2}|\d{4})[-_]\D")
# A folder named for a year or a month (2023/, 202304/, 2023-04/) files posts by date: an
# archive of articles, not pages that sell.
_DATED_DIR = lazy(r"^(?:19|20)\d\d(?:[-_]?(?:0[1-9]|1[0-2]))?$")
_VERSION = lazy(r"^v?\d+\.\d+(?:\.\d+)*(?:[-.+_]?[a-z]+[\w.-]*)?$", re.I)
_DOCS_DIRS = frozenset((
    "docs", "doc", "documentation", "handbook", "manual", "manuals", "reference", "api",
    # a glossary defines terms; meeting notes and scratch folders are not marketing
    "glossary", "glossaries", "encyclopedia", "content-docs", "meeting_notes", "meeting-notes",
    "minutes", "tmp", "temp", "drafts",
    # technical specifications and design proposals (a protocol's numbered proposals)
    "spec", "specs", "specification", "specifications", "rfc", "rfcs", "proposals",
    "api-reference", "tutorials", "tutorial", "plugins-tutorials", "quick-start",
    "quickstart", "getting-started", "user-guide", "user-guides", "admin-guide", "wiki",
    "help-center", "installation", "developer-guide", "dev-guide", "development-guide",
    "contributor-guide", "archetypes", "legal", "careers", "career", "jobs", "recruitment",
    # fragments and data a site generator assembles into pages, not pages themselves
    "sections", "partials", "_partials", "includes", "_includes", "snippets", "components",
    "widgets", "blocks", "logos", "testimonials", "testimonial", "client-work", "client-logos",
    "_shared", "faqs", "team", "data", "_data",
    # a theme's or a CMS's own files, vendored code
    "themes", "theme", "layouts", "wp-content", "wp-includes", "wp-admin", "node_modules",
    "vendor", "third_party", "third-party",
    # legal and utility pages kept in folders of their own
    "agreement", "agreements", "privacy", "terms", "contact", "contact-us",
    # transactional pages a form or a purchase leads to (thank-you/download.md)
    "thank-you", "thanks", "confirmation", "confirmations",
    # profiles of the people who work there; a site's own guidelines and notes
    "specialist", "specialists", "people", "staff", "experts", "speakers", "guidelines",
    "alumni", "todos", "todo", "meeting_notes", "meeting-notes", "meetings", "minutes",
    # reference: a glossary defines terms in general; accessibility statements, roadmaps
    "glossary", "glossaries", "a11y", "accessibility", "roadmap",
    # a web app's static files, served as they are (apps/web/public/plugins-readme.md)
    "public", "static", "assets", "shared",
    # an organisation's policies are legal pages; Docusaurus keeps translated docs here
    "policies", "policy", "docusaurus-plugin-content-docs", "code-of-conduct", "bylaws",
    "charters",
    # a help centre's answers and how-tos
    "help", "how-to", "howto", "how-tos", "questions", "knowledge-base", "knowledgebase",
    "kb", "support"))
_DOCS_NAMES = frozenset((
    "readme", "contributing", "code_of_conduct", "code-of-conduct", "security", "license",
    "licence", "agents", "agent", "claude", "install", "installation", "support",
    "governance", "maintainers", "authors", "codeowners", "pull_request_template",
    "privacy", "privacy-policy", "terms", "terms-of-service", "terms-and-conditions", "tos",
    "cookies", "cookie-policy", "legal", "agreement", "imprint", "impressum", "disclaimer",
    "tcs", "t-and-cs", "terms-of-use", "agb", "datenschutz", "eula",
    "accessibility", "404", "thank-you", "thanks", "gdpr", "dpa", "sitemap", "complaints",
    "faq", "faqs", "careers", "career", "jobs", "recruitment", "hiring", "join-us", "changelog",
    "contact", "contact-us", "contactus", "subscribe", "unsubscribe", "search", "tags",
    "team", "our-team", "testimonials", "testimonial", "reviews", "guidelines", "llms",
    "llms-full",
    "glossary", "a11y", "roadmap", "alumni", "todo", "todos",
    "categories",
    # an organisation's governance: its bylaws, charters, statutes, policies
    "bylaws", "by-laws", "charter", "charters", "statutes", "constitution", "policy",
    "policies", "code-of-conduct", "conduct"))
_TRANSACTIONAL = lazy(
    r"^(?:upcoming|planned|coming-soon)[-_]|[-_]policy$|"  # a roadmap, a policy
    # a job description, duties or responsibilities: a sample job ad, whatever folder
    r"(?:^|[-_])job[-_](?:descriptions?|responsibilities|duties|ads?|postings?|openings?)"
    r"(?:[-_]|$)|(?:manager|supervisor|assistant|director|officer|coordinator|specialist|"
    r"clerk|server|bartender|chef|cook|host|hostess|waiter|waitress|sommelier|receptionist|"
    r"housekeeper|concierge|engineer|developer|designer)[-_](?:duties|responsibilities)$|"
    r"(?:^|[-_])(?:thank-?you|thanks|confirmed|confirmation|subscribed|unsubscribed|"
    r"verified|readme|roadmap|alumni)$|^testimonials?(?:[-_]|$)|^success$|"
    r"(?:^|[-_])(?:subscription|report|payment|signup|sign-up|"
    r"order|download|form|checkout|registration|booking)[-_]success$")
"""A page a form or a purchase leads to (report-success, meeting-confirmed), or a README
under another name (plugins-readme): not copy that sells."""
_GUIDE = lazy(r"(?:^|[-_])(?:guide|handbook|explained|explainer)$")
"""A guide to a subject (2024-guide, buying-guide): an article, whatever it prices."""
_SHOUTED = lazy(r"^[A-Z0-9][A-Z0-9_\-]*\.(?:md|markdown|txt)$")
"""An upper-case file name (MIGRATION-NOTES.md, SEO-CHECKLIST.md): the repository's own notes."""
_ARTICLE_DIRS = frozenset((
    "blog", "blogs", "posts", "post", "_posts", "articles", "article", "news", "press",
    "case-studies", "case-study", "casestudies", "cases", "customers", "customer-stories",
    "stories", "success-stories", "insights", "guides", "events", "webinars", "podcast",
    "podcasts", "videos", "examples", "showcase", "knowledge-sharing", "updates",
    "use-case", "use-cases", "usecases", "client-stories", "references",
    # a portfolio of work done for clients: each page is a case study
    "projects", "portfolio", "our-work", "work",
    # books reviewed or discussed, and a Docusaurus site's translated blog
    "books", "docusaurus-plugin-content-blog", "blogg", "case", "insight",
    # a conference's talks and a show's episodes: the speakers' words, not the site's offer
    "talks", "sessions", "schedule", "agenda", "keynotes", "presentations", "lectures",
    "episodes", "transcripts", "interviews",
    # a resource hub: guides, glossaries and explainers that teach a subject
    "resources"))
_ABOUT_NAMES = frozenset(("about", "about-us", "aboutus", "company", "our-story", "story",
                          "history-of-us", "who-we-are", "mission", "now", "supports",
                          "giving", "csr", "sustainability", "partners", "our-partners",
                          "values", "culture", "donate", "donation", "donations",
                          "support-us", "sponsor", "sponsors", "sponsorship", "fundraising"))
"""A company's story is told about the company: judged like an article, not a landing page.
So are its /now page (what it is doing this month), the causes it supports and its
partners."""
_LAYOUTS = {
    "docs": DOCS, "doc": DOCS, "documentation": DOCS, "manual": DOCS,
    "post": ARTICLE, "posts": ARTICLE, "blog": ARTICLE, "article": ARTICLE, "news": ARTICLE,
    "case-study": ARTICLE, "case": ARTICLE, "story": ARTICLE,
    "landing": LANDING, "home": LANDING, "homepage": LANDING, "product": LANDING,
    "release": RELEASE_NOTES, "changelog": RELEASE_NOTES, "release-notes": RELEASE_NOTES,
}
_CHANGELOG_HEADING = lazy(
    r"^#{1,6}\s*(?:\W+\s*)?((?:new features?|features?|bug ?fixes|fixes|fixed|improvements?|"
    r"enhancements?|breaking changes?|deprecations?|changed|added|removed|security|"
    r"新特性|新功能|修复|问题修复|优化|改进|不兼容变更|破坏性变更|变更|新增|移除))\b",
    re.I | re.M)
_JOB_ROLE = (
    r"(?<![A-Za-z])(?:(?:we\s+are|we['’]re|is)\s+(?:actively\s+)?(?:looking|seeking)\s+"
    r"(?:to\s+(?:hire|add|bring\s+on|recruit)|for)\s+an?\s|we\s+are\s+hiring|we['’]re\s+hiring|"
    r"about\s+the\s+(?:role|position|job)(?![A-Za-z])|the\s+position(?![A-Za-z])|"
    r"job\s+description|apply\s+for\s+this\s+(?:role|position|job))"
    r"|岗位职责|崗位職責|职位描述|職位描述|任职要求|任職要求|任职资格|任職資格|岗位要求|崗位要求|"
    r"我们正在招聘|我們正在招聘|诚聘|誠聘")
_JOB_ROLE_RE = lazy(_JOB_ROLE, re.I)
_JOB_SIGNAL = lazy(
    _JOB_ROLE + r"|(?<![A-Za-z])(?:about\s+you|what\s+you['’]ll\s+do|what\s+you\s+will\s+do|"
    r"(?:key\s+)?responsibilities|qualifications|bonus\s+points|nice\s+to\s+have|"
    r"employment\s+benefits|salary\s+range|job\s+type)(?![A-Za-z])|薪资待遇|薪資待遇|工作职责|工作職責",
    re.I)
"""What a job advertisement says: the role (one of these must be there), the candidate,
the duties, the pay."""
_HOWTO_HEADING = lazy(
    r"^[ ]{0,3}#{1,6}[ \t]+(?:\d+[.)]?\s*)?(?:step\s+\d+|prerequisites?|requirements|"
    r"install(?:ation|ing)?|configur(?:ation|e|ing)|usage|troubleshooting|parameters|options|"
    r"set(?:ting)?\s*up|build(?:ing)?\s+from\s+source|uninstall(?:ation)?|known\s+issues|"
    r"前提条件|前置条件|准备工作|準備工作|环境要求|環境要求|安装|安裝|配置|使用方法|使用说明|"
    r"使用說明|参数|參數|故障排除|常见问题|常見問題|第[一二三四五六七八九十\d]+步|步骤|步驟)",
    re.I | re.M)
_FENCE = lazy(r"^[ ]{0,3}(?:```|~~~)", re.M)
_CHANGE_ITEM = lazy(r"\(\[#\d+\]\(|\bby @[\w-]+|\(#\d+\)", re.I)


def detect_kind(path: str, file_kind: str, front: Mapping[str, Any], body: str = "",
                globs: Mapping[str, str] | None = None, root: str | None = None) -> str:
    """The kind of page at `path` (see the module docstring for the order of the tests).

    `file_kind` is the loader's "yaml" or "markdown"; `front` the page's front-matter
    fields (plain values; for YAML, the proposition's fields); `body` its Markdown text.
    """
    return classify(path, file_kind, front, body, globs, root)[0]


def classify(path: str, file_kind: str, front: Mapping[str, Any], body: str = "",
             globs: Mapping[str, str] | None = None, root: str | None = None
             ) -> tuple[str, str]:
    """(kind, why): the kind of page at `path`, as `detect_kind` gives it, and what
    decided it in a few words ("configuration", "front matter", "folder", "name",
    "layout", "call to action"...), so a report can say why a page was judged as it was."""
    configured = kind_from_globs(path, globs or {}, root)
    if configured:
        return configured, "configuration"
    declared = front.get(FRONT_MATTER_KEY)
    if isinstance(declared, str) and declared.strip().lower() in KINDS:
        return declared.strip().lower(), FRONT_MATTER_KEY
    if file_kind == "yaml" or _PROPOSITION_KEYS & set(front):
        return PROPOSITION, "proposition fields"
    parts = [p.lower() for p in PurePosixPath(path.replace("\\", "/")).parts]
    # a year on a folder names an edition of the same thing: roadmap-2025, blog_2024
    # A Jekyll collection is a folder with a leading underscore: _posts, _podcast, _services.
    dirs, name = [re.sub(r"[-_](?:19|20)\d\d$", "", d).lstrip("_") or d for d in parts[:-1]], \
        parts[-1] if parts else ""
    stem = _stem(name)
    layout = _layout(front)
    if stem in _RELEASE_NAMES or _VERSION.match(stem):
        return RELEASE_NOTES, "name"
    if any(d in _RELEASE_NAMES for d in dirs) or any(_VERSION.match(d) for d in dirs[-2:]):
        return RELEASE_NOTES, "folder"
    if layout == RELEASE_NOTES:
        return RELEASE_NOTES, "layout"
    if _looks_like_changelog(body):
        return RELEASE_NOTES, "changelog sections"
    if (stem in _DOCS_NAMES or _TRANSACTIONAL.search(stem)
            or _SHOUTED.match(PurePosixPath(path.replace("\\", "/")).name)):
        return DOCS, "name"
    if (any(d in _DOCS_DIRS or d.endswith(("-readme", "_readme", "-roadmap")) for d in dirs)
            or any(d.startswith(".") and d not in (".", "..") for d in dirs)):
        return DOCS, "folder"
    if layout == DOCS:
        return DOCS, "layout"
    if any(d in _ARTICLE_DIRS or d in _ABOUT_NAMES or re.split(r"[-_.]", d)[-1] in _ARTICLE_WORDS
           for d in dirs):
        return ARTICLE, "folder"
    if any(_DATED_DIR.match(d) for d in dirs):
        return ARTICLE, "dated folder"
    if _DATED_NAME.match(stem):
        return ARTICLE, "dated name"  # a Jekyll-style post: 2023-1-6-mqtt101.md
    published = _published_dirs(front)
    if any(d in _RELEASE_NAMES for d in published):
        return RELEASE_NOTES, "permalink"
    if any(d in _DOCS_DIRS for d in published):
        return DOCS, "permalink"
    if any(d in _ARTICLE_DIRS for d in published):
        return ARTICLE, "permalink"
    if stem in _ABOUT_NAMES or _GUIDE.search(stem):
        return ARTICLE, "name"
    if layout == ARTICLE:
        return ARTICLE, "layout"
    if _dated_byline(front):
        return ARTICLE, "date and byline"
    if layout == LANDING:
        return LANDING, "layout"
    if _looks_like_job_posting(body):
        return DOCS, "job posting"
    mark = landing_mark(dirs, stem, front, body)
    if mark in WEAK_MARKS and _looks_like_howto(body):
        # A call to action or a price on a page of instructions (a download link, a plan
        # that unlocks a setting) does not make the instructions an offer.
        return DOCS, "instructions"
    if mark:
        return LANDING, mark
    return PAGE, "no offer marks"


_CASE_STUDY = lazy(
    r"(?:^|[/_.-])(?:user-?cases?|case-?stud(?:y|ies)|casestud(?:y|ies)|customer-?stor(?:y|ies)|"
    r"success-?stor(?:y|ies)|client-?stor(?:y|ies)|user-?stor(?:y|ies)|customers?|cases?)"
    r"(?:[/_.-]|$)", re.I)


def is_case_study(path: str) -> bool:
    """True when a page's path names it a case study or a customer story (user-case-*.md,
    case-studies/, customer-stories/): the story is the customer's, told in its voice."""
    return bool(_CASE_STUDY.search(path.replace("\\", "/")))


def kind_from_globs(path: str, globs: Mapping[str, str], root: str | None = None) -> str | None:
    """The kind the first matching `page_kinds` glob gives `path`, or None."""
    if not globs:
        return None
    candidates = {path, PurePosixPath(path).name}
    if root:
        try:
            from pathlib import Path

            candidates.add(Path(path).resolve().relative_to(Path(root).resolve()).as_posix())
        except (ValueError, OSError):
            pass
    for pattern, kind in globs.items():
        if any(fnmatch.fnmatch(c, pattern) for c in candidates):
            return kind
    return None


def _stem(name: str) -> str:
    """File name without its suffixes and language tag: index.cn.md -> index,
    v1.2.0.md -> v1.2.0, CHANGELOG.md -> changelog."""
    for suffix in (".markdown", ".md", ".txt", ".yaml", ".yml"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    lang = re.match(r"^(.+)[.\-_]([a-z]{2}(?:-[a-z]{2,4})?)$", name)
    if lang and not _VERSION.match(name) and lang.group(2) in LANGUAGE_TAGS:
        name = lang.group(1)
    return name


def _published_dirs(front: Mapping[str, Any]) -> list[str]:
    """The folders of the address a page is published at (`permalink: /en/blog/x`,
    Hugo's `url:`), lower-cased: a site that keeps every page in one folder says in the
    address which are blog posts."""
    for key in ("permalink", "url"):
        value = front.get(key)
        if isinstance(value, str) and "://" not in value and value.count("/") >= 2:
            return [d.lower() for d in value.strip().strip("/").split("/")[:-1] if d]
    return []


def _layout(front: Mapping[str, Any]) -> str | None:
    for key in ("layout", "type", "kind", "template", "templateKey"):
        value = front.get(key)
        if isinstance(value, str):
            found = _LAYOUTS.get(value.strip().lower())
            if found:
                return found
    return None


def _dated_byline(front: Mapping[str, Any]) -> bool:
    dated = any(k in front for k in ("date", "created_at", "published", "pubDate",
                                     "publishDate", "published_at"))
    byline = any(k in front for k in ("author", "authors", "tags", "categories", "tag"))
    return dated and byline


def _looks_like_changelog(body: str) -> bool:
    """A list of changes with pull-request links or authors, under changelog headings
    (Features, Bug fixes, 新特性, 修复) or long enough to need none. Section headings
    alone are not enough: a review of three tools has "Features" headings too."""
    if not body:
        return False
    head = body[:20_000]
    items = len(_CHANGE_ITEM.findall(head))
    headings = {h.lower() for h in _CHANGELOG_HEADING.findall(head)}
    return items >= 5 or (items >= 2 and len(headings) >= 2)


def _looks_like_job_posting(body: str) -> bool:
    """A job advertisement: it names the role it hires for and says one more thing one
    says (the candidate, the duties, the pay). A page that sells recruits nobody."""
    head = body[:30_000]
    if not _JOB_ROLE_RE.search(head):
        return False
    found = {m.group(0).lower() for m in itertools.islice(_JOB_SIGNAL.finditer(head), 50)}
    return len(found) >= 2


def _looks_like_howto(body: str) -> bool:
    """Technical instructions: several code blocks, or headings of a how-to (installation,
    configuration, prerequisites, step 1, 安装, 配置). A landing page may show one snippet."""
    head = body[:60_000]
    fences = sum(1 for _ in itertools.islice(_FENCE.finditer(head), 8)) // 2
    headings = {m.group(0).strip("# \t").lower() for m in
                itertools.islice(_HOWTO_HEADING.finditer(head), 20)}
    return fences >= 3 or len(headings) >= 2 or (fences >= 2 and len(headings) >= 1)


def page_kind(doc: Any, display: str, config: Any) -> tuple[str, str]:
    """(kind, why) of a loaded Document, with the run's configuration (`page_kinds`)."""
    front: dict[str, Any] = {}
    tree = getattr(doc, "tree", None)
    if tree is not None and isinstance(tree.value, dict):
        front = {k: v.plain() for k, v in tree.value.items() if k != "copy"}
    body = doc.source if doc.kind != "yaml" else ""
    markdown = getattr(doc, "markdown", None)
    if body and markdown is not None:
        # The front matter is read as fields above; its text is not the page's body (a
        # link in a Q&A archive kept there is no call to action of the page's).
        body = body[markdown.offset:]
    root = getattr(config, "root", None)
    globs = getattr(config, "page_kinds", None)
    configured = kind_from_globs(display, globs or {}, root)
    if configured:
        return configured, "configuration"
    return classify(site_path(display, root), doc.kind, front, body)


def site_path(display: str, root: str | None = None) -> str:
    """The page's path within its site, which is what its folders say about it: relative
    to its Git repository's root, else to the project root (`root`), else to the working
    folder, else its file name alone. Where vplint is run from, or a folder above the
    site (/tmp, ~/docs/), says nothing about the page."""
    full = os.path.abspath(display)
    folder = _site_folder(os.path.dirname(full), root, os.getcwd())
    name = os.path.basename(full)
    return name if folder is None else f"{folder}/{name}" if folder else name


@functools.lru_cache(maxsize=4096)
def _site_folder(parent: str, root: str | None, cwd: str) -> str | None:
    """`site_path`'s answer for the folder holding a page ("" for the base itself, None
    when no base holds it), worked out once per folder: every page of a site asks about
    the same few folders."""
    folder = Path(parent)
    bases = (_repository_of(folder), Path(os.path.abspath(root)) if root else None,
             Path(os.path.abspath(cwd)))
    for base in bases:
        if base is not None and (base == folder or base in folder.parents):
            relative = folder.relative_to(base).as_posix()
            return "" if relative == "." else relative
    return None


@functools.lru_cache(maxsize=4096)
def _repository_of(folder: Path) -> Path | None:
    """vplint.fsutil.repository_root, looked up once per folder per process (every page
    of a site asks about the same few folders)."""
    return repository_root(folder)
