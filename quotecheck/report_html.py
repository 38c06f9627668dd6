"""The HTML report: one self-contained page an editor can navigate at corpus scale.

Findings are grouped by story (the documents' group), then by speaker.  A contents panel
counts the findings per story, outlet, kind and severity and filters by them; a search box
matches speakers, words and sources.  Findings below ``show`` (info, by default) are in the
page but hidden until one click shows them.  Each side is labelled by outlet, title and
date when known (:func:`quotecheck.stories.label`), its path in a tooltip.  Inline CSS and
JavaScript, nothing fetched; the filter state lives in the URL fragment
(``#q=putin&severity=error,warning``), so a filtered view can be linked.
"""
from __future__ import annotations

import difflib
import html
from typing import Optional

import regex

from . import stories as _stories
from .align import is_negation
from .model import SCHEMA_VERSION, SEVERITIES, Document, Finding, Report
from .report import (_SEVERITY_RANK, LineIndex, _counts, _Locator, _plural, at_least, canonical, dumps,
                     escape_terminal, ordered, summary_dict, summary_line)

# Numbers as written: 5, 7-10, 1,200, 3.5%, 2016.
_DIGITS = regex.compile(r"\d++(?:[.,:/\u2013-]\d++)*+%?")
# Words for the HTML diff (punctuation and marks are left out: a comma moved inside the
# closing mark is not a difference a reader cares about).
_TOKEN = regex.compile(r"\w++(?:['’-]\w++)*+")


def _h(s: Optional[str]) -> str:
    """Escaped for HTML, controls made visible (a NUL is not allowed in HTML)."""
    return html.escape(escape_terminal(s, newlines=False), quote=True) if s else ""


def _diff_records(diff):
    """Every dict inside a finding's diff (the diff is rule-specific and nested)."""
    stack = [diff]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            yield x
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)):
            stack.extend(x)


def _diff_spans(diff, side) -> list:
    """The stretches of ``side`` that the finding's diff names as different: records
    with ``start``/``end`` offsets (and ``text``, checked against the side, so a
    record about another side or another document is never drawn on this one)."""
    out = []
    for r in _diff_records(diff):
        a, b, text = r.get("start"), r.get("end"), r.get("text")
        if not (isinstance(a, int) and isinstance(b, int) and isinstance(text, str)):
            continue
        if r.get("source", side.source) != side.source or not side.start <= a < b <= side.end:
            continue
        if side.text[a - side.start:b - side.start] == text:
            out.append((a - side.start, b - side.start))
    return out


def _diff_numbers(diff, side) -> list:
    """Stretches of ``side`` holding the figures the diff compares: records with a
    ``numbers`` key give the phrases as written in ``text`` (``"under five minutes"``)."""
    out = []
    for r in _diff_records(diff):
        if "numbers" not in r or r.get("source", side.source) != side.source:
            continue
        phrases = r.get("text")
        for phrase in [phrases] if isinstance(phrases, str) else phrases or ():
            if isinstance(phrase, str) and phrase:
                at = side.text.find(phrase)
                while at >= 0:
                    out.append((at, at + len(phrase)))
                    at = side.text.find(phrase, at + len(phrase))
    return out


def _tokens(s: str) -> list:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(s)]


def _changed(text: str, others: list) -> list:
    """Character spans of the words of ``text`` missing from at least one other side,
    by a word-level alignment (difflib, linear-ish on the short texts of sides)."""
    mine = _tokens(text)
    spans = []
    for other in others:
        theirs = [t[2] for t in _tokens(other)]
        sm = difflib.SequenceMatcher(None, [t[2] for t in mine], theirs, autojunk=False)
        for op, i1, i2, _, _ in sm.get_opcodes():
            if op in ("replace", "delete") and i2 > i1:
                spans.append((mine[i1][0], mine[i2 - 1][1]))
    return spans


def _negation_spans(f: Finding, side) -> list:
    """In a negation finding, the negating words of ``side`` (``not``, ``never``,
    ``can't``): the words the diff names for this side's source, else any negation."""
    if f.kind != "negation":
        return []
    named = set()
    for r in _diff_records(f.diff):
        if r.get("source", side.source) == side.source and isinstance(r.get("negations"), list):
            named |= {str(w).lower() for w in r["negations"]}
    return [(a, b) for a, b, norm in _tokens(side.text)
            if (norm in named if named else is_negation(norm.replace("’", "'")))]


def _highlight(text: str, changed: list, numbers: list, negations: list = ()) -> str:
    """The side's text as HTML: changed words in ``<mark>``, numbers (the digits, and
    the ``numbers`` stretches, which include number words) in ``<strong class="num">``,
    negating words in ``<mark class="neg">``: the figure or the negation stands apart
    from the other changed words."""
    flags = [0] * (len(text) + 1)  # 1 = changed, 2 = number, 4 = negation
    for a, b in changed:
        for i in range(a, b):
            flags[i] |= 1
    for a, b in list(numbers) + [m.span() for m in _DIGITS.finditer(text)]:
        for i in range(a, b):
            flags[i] |= 2
    for a, b in negations:
        for i in range(a, b):
            flags[i] |= 4
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and flags[j] == flags[i]:
            j += 1
        piece = _h(text[i:j])
        if flags[i] & 2:
            piece = f'<strong class="num">{piece}</strong>'
        if flags[i] & 4:
            piece = f'<mark class="neg">{piece}</mark>'
        elif flags[i] & 1:
            piece = f'<mark>{piece}</mark>'
        out.append(piece)
        i = j
    return "".join(out)


def _surroundings(doc: Optional[Document], start: int, end: int, width: int = 160) -> tuple:
    """Up to ``width`` characters of the article before and after a side, cut at a
    line break so that the context stays in the paragraph."""
    if doc is None or not doc.text or end > len(doc.text):
        return "", ""
    before = doc.text[max(0, start - width):start]
    after = doc.text[end:end + width]
    before = before.rsplit("\n", 1)[-1]
    after = after.split("\n", 1)[0]
    return before, after


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--muted:#5b6475;--line:#dde1e8;--err:#b42318;--warn:#b54708;--info:#175cd3}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{background:#1d2330;color:#fff;padding:16px 28px}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#c9cfdb}
.layout{display:grid;grid-template-columns:290px minmax(0,1fr);gap:20px;max-width:1500px;margin:0 auto;padding:18px 24px}
@media (max-width:900px){.layout{grid-template-columns:1fr}}
nav#contents{position:sticky;top:10px;align-self:start;max-height:calc(100vh - 20px);overflow:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 14px;font-size:14px}
nav#contents h2{font-size:13px;text-transform:uppercase;color:var(--muted);margin:12px 0 4px}
nav#contents input[type=search]{width:100%;padding:6px 8px;font:inherit;border:1px solid var(--line);border-radius:6px}
nav#contents label{display:flex;gap:6px;align-items:baseline}nav#contents ul{list-style:none;margin:0;padding:0}
nav#contents li{display:flex;justify-content:space-between;gap:8px}nav#contents li a{color:var(--ink);text-decoration:none;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
li.clean{color:var(--muted)}.n{color:var(--muted);font-variant-numeric:tabular-nums;margin-left:auto}
.showing{margin-top:8px;color:var(--muted)}button.more{font:inherit;font-size:13px;border:1px solid var(--line);background:#eef1f6;border-radius:6px;padding:2px 8px;cursor:pointer}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:14px}.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:22px}.stat span{color:var(--muted);font-size:13px}
section.story{margin-bottom:22px}section.story>h2{font-size:19px;margin:6px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
section.speaker>h3{font-size:15px;margin:10px 0 6px;color:var(--muted)}
h2 small,h3 small{font-weight:400;color:var(--muted);font-size:13px}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;padding:12px 16px;margin-bottom:12px;content-visibility:auto;contain-intrinsic-size:auto 260px}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}
.card h4{font-size:16px;margin:0 0 6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.badge{font-size:12px;font-weight:600;text-transform:uppercase;border-radius:4px;padding:1px 7px;color:#fff;background:var(--info)}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.kind{background:#eef1f6;color:var(--ink)}
.name{white-space:nowrap}.vs{color:var(--err);font-weight:700}
.why{margin:0 0 10px}a.anchor{color:var(--muted);text-decoration:none;font-weight:400}.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.side{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fbfcfd}
.src{font-size:13px;color:var(--muted);margin-bottom:6px;overflow-wrap:break-word;word-break:normal}.src .outlet{color:var(--ink);font-weight:600}.src .title{color:var(--ink)}
.words{font-size:16px;margin:0 0 8px;overflow-wrap:break-word;word-break:normal;hyphens:none}.ctx{font-size:13px;color:var(--muted)}.ctx q{color:var(--ink);quotes:none}
mark{background:#fde68a;border-radius:3px;padding:0 1px}mark.neg{background:#fecaca;outline:2px solid var(--err);font-weight:700}strong.num{color:#b42318;font-weight:700;background:#fee4e2;border-radius:3px;padding:0 2px}
.meta{font-size:12px;color:var(--muted);margin-top:8px}details{margin-top:6px}pre{white-space:pre-wrap;font-size:12px;background:#f1f3f6;padding:8px;border-radius:4px}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);font-size:13px}th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
td.status-error{color:var(--err);font-weight:600}td.status-skipped{color:var(--warn);font-weight:600}
.empty{color:var(--muted);font-style:italic}details#doc-table>summary{cursor:pointer;color:var(--muted);margin-bottom:6px}footer{color:var(--muted);font-size:12px;padding:10px 28px 30px;text-align:center}
"""

# Filters, search and the URL fragment.  No network, no library.  The search text of the
# cards is read once, on the first search, so a page of thousands of findings opens fast.
_JS = """
(function(){
  var cards=[].slice.call(document.querySelectorAll('article.card'));
  var boxes=[].slice.call(document.querySelectorAll('#contents input[type=checkbox]'));
  var q=document.getElementById('q'), texts=null, only=null;
  function words(){return q.value.toLowerCase().split(/\\s+/).filter(Boolean);}
  function apply(){
    var on={severity:{},kind:{},outlet:{}};
    boxes.forEach(function(b){on[b.name][b.value]=b.checked;});
    var ws=words();
    if(ws.length&&!texts){texts=cards.map(function(c){return (c.textContent+' '+c.dataset.src).toLowerCase();});}
    var shown=0, perStory={};
    cards.forEach(function(c,i){
      var outs=c.dataset.outlets?c.dataset.outlets.split('\\t'):[];
      var vis=on.severity[c.dataset.severity]!==false&&on.kind[c.dataset.kind]!==false
        &&(!outs.length||outs.some(function(o){return on.outlet[o]!==false;}))
        &&(only===null||(' '+c.dataset.docs+' ').indexOf(' '+only+' ')>=0)
        &&ws.every(function(w){return texts[i].indexOf(w)>=0;});
      c.hidden=!vis; if(vis){shown++; perStory[c.dataset.story]=(perStory[c.dataset.story]||0)+1;}
    });
    document.querySelectorAll('section.speaker').forEach(function(s){s.hidden=!s.querySelector('article.card:not([hidden])');});
    document.querySelectorAll('section.story').forEach(function(s){s.hidden=!s.querySelector('article.card:not([hidden])');});
    document.querySelectorAll('[data-count-story]').forEach(function(n){n.textContent=perStory[n.dataset.countStory]||0;});
    document.getElementById('shown').textContent=shown;
    var d=document.getElementById('only'); if(d){d.hidden=only===null;}
  }
  function save(){
    var st=[];
    if(q.value){st.push('q='+encodeURIComponent(q.value));}
    ['severity','kind','outlet'].forEach(function(n){
      var bs=boxes.filter(function(b){return b.name===n;});
      if(bs.some(function(b){return b.checked!==b.defaultChecked;})){
        st.push(n+'='+bs.filter(function(b){return b.checked;}).map(function(b){return encodeURIComponent(b.value);}).join(','));}
    });
    if(only!==null){st.push('doc='+only);}
    history.replaceState(null,'',st.length?'#'+st.join('&'):location.pathname+location.search);
  }
  function load(){
    var h=location.hash.slice(1);
    if(h.indexOf('=')<0){return false;}
    var st={};
    h.split('&').forEach(function(kv){var i=kv.indexOf('=');if(i>0){st[kv.slice(0,i)]=decodeURIComponent(kv.slice(i+1));}});
    q.value=st.q||'';
    ['severity','kind','outlet'].forEach(function(n){
      if(n in st){var vs=st[n].split(',').map(decodeURIComponent);
        boxes.forEach(function(b){if(b.name===n){b.checked=vs.indexOf(b.value)>=0;}});}
      else{boxes.forEach(function(b){if(b.name===n){b.checked=b.defaultChecked;}});}
    });
    only='doc' in st?st.doc:null;
    return true;
  }
  boxes.forEach(function(b){b.addEventListener('change',function(){apply();save();});});
  q.addEventListener('input',function(){apply();save();});
  document.querySelectorAll('button[data-show]').forEach(function(b){b.addEventListener('click',function(){
    boxes.forEach(function(x){if(x.name==='severity'&&x.value===b.dataset.show){x.checked=true;}});apply();save();});});
  var clear=document.getElementById('clear-only');
  if(clear){clear.addEventListener('click',function(e){e.preventDefault();only=null;apply();save();});}
  function reveal(){
    if(location.hash.indexOf('#d-')!==0){return;}
    var t=document.getElementById('doc-table'), row=document.getElementById(location.hash.slice(1));
    if(t&&row){t.open=true; row.scrollIntoView();}
  }
  window.addEventListener('hashchange',function(){if(load()){apply();window.scrollTo(0,0);}else{reveal();}});
  reveal();
  load(); apply();
  document.body.dataset.ready='1';
})();
"""


#: The documents table starts open up to this many documents (see _documents_table).
OPEN_TABLE = 500


class _Docs:
    """The report's documents by source: their index (for links), label and story."""

    def __init__(self, documents):
        self.index: dict = {}
        self.docs: dict = {}
        for i, d in enumerate(documents):
            self.index.setdefault(d.source, i)
            self.docs.setdefault(d.source, d)
        self.labels: dict = {}

    def label(self, source: str) -> dict:
        if source not in self.labels:
            self.labels[source] = _stories.label(self.docs.get(source), source)
        return self.labels[source]

    def story(self, f: Finding) -> Optional[str]:
        for s in f.sides:
            d = self.docs.get(s.source)
            if d is not None:
                return d.group
        return None


def _label_html(lab: dict, tooltip: str) -> str:
    """``Outlet · Title · date`` (what is known; else the file name), the path and
    place in a tooltip."""
    bits = []
    if lab["outlet"]:
        bits.append(f'<span class="outlet">{_h(lab["outlet"])}</span>')
    if lab["title"]:
        bits.append(f'<span class="title">{_h(lab["title"])}</span>')
    if lab["date"]:
        bits.append(f'<time>{_h(lab["date"])}</time>')
    if not lab["outlet"] and not lab["title"]:
        bits.insert(0, f'<span class="outlet">{_h(lab["name"])}</span>')
    return f'<span class="label" title="{_h(tooltip)}">{" · ".join(bits)}</span>'


def _headline(f: Finding) -> str:
    """The card's headline: the speaker, or for a speaker finding the two (or more)
    speakers the sources give, side by side."""
    if f.kind == "speaker":
        names = []
        for s in f.sides:
            if s.speaker and s.speaker not in names:
                names.append(s.speaker)
        if len(names) >= 2:
            return ' <span class="vs">≠</span> '.join(f'<span class="name">{_h(n)}</span>' for n in names)
    return f'<span class="name">{_h(f.speaker or "unknown speaker")}</span>'


def _side_html(f: Finding, i: int, s, where: _Locator, docs: _Docs, located: bool) -> str:
    if located:  # the check said which words differ: show exactly those
        changed = _diff_spans(f.diff, s)
    elif len(f.sides) == 2 and f.kind != "speaker" and all(x.kind == "quote" for x in f.sides):
        # Otherwise align the words of two quotes.  Not with a paraphrase (it differs in
        # nearly every word, and marking them all would hide the numbers), not for a
        # speaker finding (the words agree; the speakers are what differ), not across
        # many sides (a word missing from any one of them is noise).
        changed = _changed(s.text, [f.sides[1 - i].text])
    else:
        changed = []
    pos = where.position(s.source, s.start)
    place = f"{s.source}:{pos[0]}:{pos[1]}" if pos else s.source
    before, after = _surroundings(where.document(s.source), s.start, s.end)
    kind = s.kind if s.kind == s.quote_kind else f"{s.kind}, {s.quote_kind}"
    link = docs.index.get(s.source)
    who = (f' · <b class="name">{_h(s.speaker)}</b>'
           if s.speaker and (s.speaker != f.speaker or f.kind == "speaker") else "")
    at = f' · <a href="#d-{link}">{pos[0]}:{pos[1]}</a>' if pos and link is not None else ""
    return (f'<div class="side"><div class="src">{_label_html(docs.label(s.source), place)}{at}'
            f' · {_h(kind)}{who}</div>'
            f'<p class="words">{_highlight(s.text, changed, _diff_numbers(f.diff, s), _negation_spans(f, s))}</p>'
            + (f'<div class="ctx">Occasion: {_h(s.context)}</div>' if s.context else "")
            + (f'<div class="ctx">In context: …{_h(before)}<q><b>{_h(s.text)}</b></q>{_h(after)}…</div>'
               if before or after else "")
            + "</div>")


def _finding_card(f: Finding, where: _Locator, docs: _Docs, anchor: str, story_key: str,
                  hidden: bool) -> str:
    from .baseline import fingerprint

    located = any(_diff_spans(f.diff, s) for s in f.sides)
    sides = "".join(_side_html(f, i, s, where, docs, located) for i, s in enumerate(f.sides))
    outlets = sorted({docs.label(s.source)["outlet"] for s in f.sides} - {None})
    tabbed = "\t".join(o.replace("\t", " ") for o in outlets)  # a tab: kept by _h, unlike other controls
    doc_ids = sorted({docs.index[s.source] for s in f.sides if s.source in docs.index})
    srcs = " ".join(sorted({s.source for s in f.sides}))
    diff = f"<details><summary>diff</summary><pre>{_h(dumps(canonical(f.diff), indent=1))}</pre></details>" if f.diff else ""
    # The anchor is the fingerprint, so a link to a finding survives re-running the report.
    return (f'<article class="card {_h(f.severity)}" id="{_h(anchor)}" data-kind="{_h(f.kind)}" '
            f'data-severity="{_h(f.severity)}" data-story="{_h(story_key)}" '
            f'data-outlets="{_h(tabbed)}" data-docs="{" ".join(map(str, doc_ids))}" '
            f'data-src="{_h(srcs)}"{" hidden" if hidden else ""}>'
            f'<h4><a class="anchor" href="#{_h(anchor)}" title="link to this finding">#</a><span class="badge {_h(f.severity)}">{_h(f.severity)}</span>'
            f'<span class="badge kind">{_h(f.kind)}</span>{_headline(f)}</h4>'
            f'<p class="why">{_h(f.explanation)}</p><div class="sides">{sides}</div>'
            f'<div class="meta">rule {_h(f.rule or "?")} · fingerprint <code>{_h(fingerprint(f))}</code>'
            f'{f" · cluster {_h(f.cluster)}" if f.cluster else ""}</div>{diff}</article>')


def _rank(findings) -> tuple:
    """Sort key of a story or speaker: the most severe and the most findings first."""
    return (-max((_SEVERITY_RANK.get(f.severity, -1) for f in findings), default=-1), -len(findings))


def _grouped(report: Report, docs: _Docs) -> list:
    """``[(story group, [(speaker, [findings])])]``: stories and speakers with the most
    severe findings first, findings in :func:`quotecheck.report.ordered` order."""
    stories: dict = {}
    for f in ordered(report.findings):
        stories.setdefault(docs.story(f), {}).setdefault(f.speaker, []).append(f)
    out = []
    for group, speakers in stories.items():
        people = sorted(speakers.items(), key=lambda kv: (_rank(kv[1]), kv[0] or "\uffff"))
        out.append((group, people))
    out.sort(key=lambda st: (_rank([f for _, fs in st[1] for f in fs]), _stories.story_name(st[0]), st[0] or ""))
    return out


def _box(name: str, value: str, n: int, checked: bool, label: Optional[str] = None) -> str:
    return (f'<label><input type="checkbox" name="{name}" value="{_h(value)}"{" checked" if checked else ""}> '
            f'{_h(label or value)}<span class="n">{n}</span></label>')


def _contents(report: Report, stories: list, docs: _Docs, show: Optional[str]) -> str:
    """The contents panel: search, severities (those below ``show`` unticked), kinds,
    outlets and stories, each with its number of findings."""
    fs = report.findings
    sev_tally: dict = {}
    for f in fs:
        sev_tally[f.severity] = sev_tally.get(f.severity, 0) + 1
    sevs = [s for s in reversed(SEVERITIES) if s in sev_tally] + sorted(set(sev_tally) - set(SEVERITIES))
    kinds: dict = {}
    outlets: dict = {}
    for f in fs:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
        for o in {docs.label(s.source)["outlet"] for s in f.sides} - {None}:
            outlets[o] = outlets.get(o, 0) + 1
    hidden = [s for s in sevs if not at_least(Finding("", s, None, (), ""), show)]
    more = "".join(f'<p><button type="button" class="more" data-show="{_h(s)}">show the {sev_tally[s]} {_h(s)} '
                   f'finding{"" if sev_tally[s] == 1 else "s"}</button></p>' for s in hidden)
    parts = ['<nav id="contents" aria-label="contents and filters">',
             '<input type="search" id="q" placeholder="search speaker, words, source" aria-label="search">',
             f'<p class="showing">showing <b id="shown">0</b> of {len(fs)} findings'
             f'<span id="only" hidden> of one document (<a href="#" id="clear-only">all</a>)</span></p>{more}',
             "<h2>severity</h2>" + "".join(_box("severity", s, sev_tally[s], s not in hidden) for s in sevs),
             "<h2>kind</h2>" + "".join(_box("kind", k, n, True) for k, n in sorted(kinds.items()))]
    if outlets:
        parts.append("<h2>outlet</h2>" + "".join(
            _box("outlet", o, n, True) for o, n in sorted(outlets.items(), key=lambda kv: (-kv[1], kv[0]))))
    items = [f'<li><a href="#s-{i}" title="{_h(g or "")}">{_h(_stories.story_name(g))}</a>'
             f'<span class="n"><span data-count-story="{i}">0</span>/{sum(len(x) for _, x in people)}</span></li>'
             for i, (g, people) in enumerate(stories)]
    # Stories without findings are listed too: an editor sees that they were checked.
    with_findings = {g for g, _ in stories}
    quiet = sorted({d.group for d in report.documents} - with_findings, key=lambda g: (_stories.story_name(g), g or ""))
    items += [f'<li class="clean"><span title="{_h(g or "")}">{_h(_stories.story_name(g))}</span>'
              f'<span class="n">0</span></li>' for g in quiet]
    parts.append(f'<h2>stories ({len(stories) + len(quiet)}, {len(stories)} with findings)</h2>'
                 f'<ul>{"".join(items)}</ul></nav>')
    return "".join(parts)


def _findings_html(report: Report, stories: list, where: _Locator, docs: _Docs, show: Optional[str]) -> str:
    from .baseline import fingerprint

    if not report.findings:
        return '<p class="empty">No findings: the sources quote people consistently.</p>'
    seen: dict = {}
    out = []
    for i, (group, people) in enumerate(stories):
        n = sum(len(fs) for _, fs in people)
        outlets = sorted({docs.label(s.source)["outlet"] for _, fs in people for f in fs for s in f.sides} - {None})
        sub = f'{_plural(n, "finding")}' + (f' · {_h(", ".join(outlets))}' if outlets else "")
        out.append(f'<section class="story" id="s-{i}"><h2 title="{_h(group or "")}">{_h(_stories.story_name(group))} '
                   f'<small>{sub}</small></h2>')
        for speaker, fs in people:
            out.append(f'<section class="speaker"><h3><span class="name">{_h(speaker or "unknown speaker")}</span> '
                       f'<small>{_plural(len(fs), "finding")}</small></h3>')
            for f in fs:
                anchor = f"f-{fingerprint(f)}"
                seen[anchor] = seen.get(anchor, 0) + 1
                out.append(_finding_card(f, where, docs, anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}",
                                         str(i), not at_least(f, show)))
            out.append("</section>")
        out.append("</section>")
    return "".join(out)


def _notes(d: Document) -> str:
    """A document's error or warnings, each at its ``line:column`` when it has one."""
    if d.error:
        return _h(d.error)
    lines = LineIndex(d.text) if d.text else None
    notes = []
    for w in d.warnings:
        at = "%d:%d " % lines.position(w.start) if lines and w.start is not None and w.start <= len(d.text) else ""
        notes.append(f"{at}{w.code}: {w.message}")
    return "<br>".join(_h(n) for n in notes)


def _documents_table(report: Report, docs: _Docs) -> str:
    per_doc: dict = {}
    for f in report.findings:
        for i in {docs.index[s.source] for s in f.sides if s.source in docs.index}:
            per_doc[i] = per_doc.get(i, 0) + 1
    rows = []
    for i, d in enumerate(report.documents):
        n = per_doc.get(i, 0)
        count = f'<a href="#doc={i}" title="show the findings of this document">{n}</a>' if n else "0"
        rows.append(
            f'<tr id="d-{i}"><td>{_label_html(docs.label(d.source), d.source)}</td>'
            f'<td>{_h(_stories.story_name(d.group) if d.group is not None else "")}</td>'
            f'<td class="status-{_h(d.status)}">{_h(d.status)}</td><td>{_h(d.encoding or "")}</td>'
            f'<td>{len(d.quotes)}</td><td>{len(d.speech)}</td><td>{count}</td><td>{_notes(d)}</td></tr>')
    # A browser lays a long table out again and again while it arrives (a 6,000-row table
    # took 5 s of a 7 s load): past OPEN_TABLE documents the table starts closed.
    opened = " open" if len(rows) <= OPEN_TABLE else ""
    return (f'<h2 id="documents">Documents</h2><details id="doc-table"{opened}><summary>{_plural(len(rows), "document")}: '
            'status, findings and notes</summary><table><thead><tr><th>document</th><th>story</th><th>status</th>'
            '<th>encoding</th><th>quotes</th><th>speech</th><th>findings</th><th>notes</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></details>')


def to_html(report: Report, show: Optional[str] = "warning", title: str = "quotecheck report") -> str:
    """A self-contained HTML page (inline CSS and JavaScript, nothing fetched): the
    summary; a contents panel with a search box and the counts per severity, kind,
    outlet and story, which filter the page; the findings grouped by story, then by
    speaker, one card per finding with its sides next to each other (labelled by outlet,
    title and date, changed words marked, figures and negations apart, the context);
    then every document with its findings and notes.  Findings below ``show`` are
    hidden until their severity is ticked (one click)."""
    from . import __version__

    where = _Locator(report.documents)
    docs = _Docs(report.documents)
    s = summary_dict(report)
    sev = ", ".join(f"{n} {k}" for k, n in sorted(s["severity"].items(), key=lambda kv: -_SEVERITY_RANK.get(kv[0], -1)))
    stories = _grouped(report, docs)
    stats = [(s["documents"], "documents", _counts((d.status for d in report.documents), ("ok", "empty", "skipped", "error"))),
             (len({d.group for d in report.documents}), "stories", "documents compared with each other"),
             (s["speech"], "quotations", f'{s["quotes"]} quoted spans in all'),
             (s["clusters"], "clusters", "utterances found in more than one place"),
             (s["findings"], "findings", sev or "none")]
    if report.suppressed:
        stats.append((len(report.suppressed), "suppressed", "acknowledged in the baseline"))
    summary = "".join(f'<div class="stat"><b>{n}</b><span>{_h(label)}</span><br><span>{_h(sub)}</span></div>'
                      for n, label, sub in stats)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_h(title)}</title><style>{_CSS}</style></head>
<body><header><h1>{_h(title)}</h1><p>{_h(summary_line(report))}</p></header>
<div class="layout">{_contents(report, stories, docs, show)}
<main><section class="summary">{summary}</section>
<section id="findings">{_findings_html(report, stories, where, docs, show)}</section>
{_documents_table(report, docs)}</main></div>
<footer>quotecheck {_h(__version__)} · schema {_h(SCHEMA_VERSION)}</footer>
<script>{_JS}</script></body></html>
"""
