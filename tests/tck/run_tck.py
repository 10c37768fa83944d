#!/usr/bin/env python3
"""Run openCypher TCK scenarios against steppe and report which pass.

The TCK itself is not part of this repository: pass the path of a checkout's
`tck/features` directory (or any folder of `.feature` files) with --features.
See tests/tck/README.md.

Standard library only.
"""

import argparse
import collections
import concurrent.futures
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time

DEFAULT_TIMEOUT = 10.0

# ---------------------------------------------------------------------------
# Gherkin parsing
# ---------------------------------------------------------------------------


class Step:
    __slots__ = ("keyword", "text", "doc", "table", "line")

    def __init__(self, keyword, text, line):
        self.keyword = keyword
        self.text = text
        self.doc = None
        self.table = None
        self.line = line


class Scenario:
    def __init__(self, feature, name, tags, steps, line, example=None):
        self.feature = feature  # relative path of the feature file
        self.name = name
        self.tags = tags
        self.steps = steps
        self.line = line
        self.example = example  # (index, dict) for outline instances

    @property
    def display_name(self):
        if self.example is None:
            return self.name
        idx, values = self.example
        vals = ", ".join("%s=%s" % (k, v) for k, v in values.items())
        return "%s #%d (%s)" % (self.name, idx + 1, vals)


STEP_RE = re.compile(r"^(Given|When|Then|And|But|\*)\s+(.*)$")


def split_table_row(line):
    """Split a Gherkin table row `| a | b |` into cells, honouring \\| \\\\ \\n."""
    s = line.strip()
    assert s.startswith("|")
    cells = []
    cur = []
    i = 1
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "|":
                cur.append("|")
            elif n == "\\":
                cur.append("\\")
            elif n == "n":
                cur.append("\n")
            else:
                cur.append(c)
                cur.append(n)
            i += 2
            continue
        if c == "|":
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    # text after the last pipe (normally empty) is ignored
    return cells


def parse_feature(path, relpath):
    """Parse a .feature file into a list of Scenario objects (outlines expanded)."""
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().replace("\r\n", "\n").replace("\r", "\n").split("\n")

    scenarios = []
    background = []
    pending_tags = []
    cur = None  # dict for the scenario being read
    cur_steps = None  # list receiving steps (background or scenario)
    last_step = None
    in_examples = None  # list of example tables of the current outline
    examples_table = None
    i = 0

    def finish():
        nonlocal cur
        if cur is None:
            return
        steps = background + cur["steps"]
        if cur["outline"]:
            n = 0
            for table in cur["examples"]:
                if not table:
                    continue
                header = table[0]
                for row in table[1:]:
                    values = collections.OrderedDict(zip(header, row))
                    scenarios.append(
                        Scenario(relpath, cur["name"], cur["tags"],
                                 [substitute_step(s, values) for s in steps],
                                 cur["line"], (n, values)))
                    n += 1
        else:
            scenarios.append(Scenario(relpath, cur["name"], cur["tags"], steps, cur["line"]))
        cur = None

    while i < len(lines):
        raw = lines[i]
        line = raw.strip()
        lineno = i + 1
        i += 1
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            pending_tags.extend(t for t in line.split() if t.startswith("@"))
            continue
        if line.startswith('"""') or line.startswith("```"):
            # doc string: strip the indentation of the opening delimiter
            fence = line[:3]
            indent = len(raw) - len(raw.lstrip())
            body = []
            while i < len(lines):
                l2 = lines[i]
                i += 1
                if l2.strip() == fence:
                    break
                # remove up to `indent` leading whitespace characters
                k = 0
                while k < indent and k < len(l2) and l2[k] in " \t":
                    k += 1
                body.append(l2[k:])
            if last_step is not None:
                last_step.doc = "\n".join(body)
            continue
        if line.startswith("|"):
            row = split_table_row(line)
            if examples_table is not None:
                examples_table.append(row)
            elif last_step is not None:
                if last_step.table is None:
                    last_step.table = []
                last_step.table.append(row)
            continue
        if line.startswith("Feature:"):
            pending_tags = []
            continue
        if line.startswith("Background:"):
            finish()
            cur_steps = background
            last_step = None
            examples_table = None
            pending_tags = []
            continue
        m = re.match(r"^(Scenario Outline|Scenario Template|Scenario|Example):\s*(.*)$", line)
        if m:
            finish()
            outline = m.group(1) in ("Scenario Outline", "Scenario Template")
            cur = {"name": m.group(2).strip(), "tags": pending_tags, "steps": [],
                   "outline": outline, "examples": [], "line": lineno}
            pending_tags = []
            cur_steps = cur["steps"]
            last_step = None
            examples_table = None
            continue
        if re.match(r"^(Examples|Scenarios):", line):
            examples_table = []
            if cur is not None:
                cur["examples"].append(examples_table)
            pending_tags = []
            last_step = None
            continue
        m = STEP_RE.match(line)
        if m and cur_steps is not None:
            examples_table = None
            last_step = Step(m.group(1), m.group(2).strip(), lineno)
            cur_steps.append(last_step)
            continue
        # anything else (free text under Feature:, comments) is ignored
    finish()
    return scenarios


def _subst(text, values):
    if text is None:
        return None
    for k, v in values.items():
        text = text.replace("<%s>" % k, v)
    return text


def substitute_step(step, values):
    s = Step(step.keyword, _subst(step.text, values), step.line)
    s.doc = _subst(step.doc, values)
    if step.table is not None:
        s.table = [[_subst(c, values) for c in row] for row in step.table]
    return s


# ---------------------------------------------------------------------------
# Values: a canonical, hashable form shared by expected cells and steppe JSON
#   ('null',) ('bool', b) ('int', n) ('float', f|'nan') ('str', s)
#   ('list', (v...)) ('map', ((k, v)...sorted)) ('node', (labels sorted), map)
#   ('rel', type, map) ('path', (node, ('->'|'<-', rel), node, ...))
# ---------------------------------------------------------------------------

NULL = ("null",)


def c_float(f):
    if isinstance(f, float) and math.isnan(f):
        return ("float", "nan")
    return ("float", float(f))


def c_map(d):
    return ("map", tuple(sorted(d.items(), key=lambda kv: kv[0])))


class ValueParseError(Exception):
    pass


class TckValueParser:
    """Parser for the TCK's result-table value syntax."""

    def __init__(self, text):
        self.s = text
        self.i = 0

    def error(self, msg):
        raise ValueParseError("%s at %d in %r" % (msg, self.i, self.s))

    def ws(self):
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def peek(self, n=1):
        return self.s[self.i:self.i + n]

    def expect(self, tok):
        self.ws()
        if not self.s.startswith(tok, self.i):
            self.error("expected %r" % tok)
        self.i += len(tok)

    def parse_all(self):
        v = self.value()
        self.ws()
        if self.i != len(self.s):
            self.error("trailing text")
        return v

    def value(self):
        self.ws()
        c = self.peek()
        if c == "":
            self.error("unexpected end")
        if c == "'" or c == '"':
            return ("str", self.string())
        if c == "[":
            save = self.i
            self.i += 1
            self.ws()
            if self.peek() == ":":
                self.i = save
                return self.relationship()
            self.i = save
            return self.list_()
        if c == "{":
            return c_map(self.map_())
        if c == "(":
            return self.node()
        if c == "<":
            return self.path()
        m = re.compile(r"-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?|-?(?:NaN|Inf(?:inity)?)|0x[0-9a-fA-F]+|0o[0-7]+").match(self.s, self.i)
        if m:
            tok = m.group(0)
            self.i = m.end()
            if tok.startswith("0x"):
                return ("int", int(tok, 16))
            if tok.startswith("0o"):
                return ("int", int(tok[2:], 8))
            if "NaN" in tok:
                return ("float", "nan")
            if "Inf" in tok:
                return ("float", -math.inf if tok.startswith("-") else math.inf)
            if re.fullmatch(r"-?\d+", tok):
                return ("int", int(tok))
            return c_float(float(tok))
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.s, self.i)
        if m:
            word = m.group(0)
            lw = word.lower()
            if lw in ("null", "true", "false"):
                self.i = m.end()
                if lw == "null":
                    return NULL
                return ("bool", lw == "true")
        self.error("unexpected character %r" % c)

    def string(self):
        q = self.s[self.i]
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.s):
                self.error("unterminated string")
            c = self.s[self.i]
            if c == "\\":
                n = self.s[self.i + 1:self.i + 2]
                self.i += 2
                mapping = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f",
                           "'": "'", '"': '"', "\\": "\\", "0": "\0"}
                if n in mapping:
                    out.append(mapping[n])
                elif n == "u":
                    out.append(chr(int(self.s[self.i:self.i + 4], 16)))
                    self.i += 4
                elif n == "U":
                    out.append(chr(int(self.s[self.i:self.i + 8], 16)))
                    self.i += 8
                else:
                    out.append("\\" + n)
                continue
            if c == q:
                self.i += 1
                return "".join(out)
            out.append(c)
            self.i += 1

    def ident(self):
        self.ws()
        if self.peek() == "`":
            j = self.s.index("`", self.i + 1)
            name = self.s[self.i + 1:j]
            self.i = j + 1
            return name
        m = re.compile(r"[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*").match(self.s, self.i)
        if not m:
            self.error("expected identifier")
        self.i = m.end()
        return m.group(0)

    def list_(self):
        self.expect("[")
        items = []
        self.ws()
        if self.peek() == "]":
            self.i += 1
            return ("list", ())
        while True:
            items.append(self.value())
            self.ws()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("]")
            return ("list", tuple(items))

    def map_(self):
        self.expect("{")
        d = {}
        self.ws()
        if self.peek() == "}":
            self.i += 1
            return d
        while True:
            self.ws()
            if self.peek() in ("'", '"'):
                k = self.string()
            else:
                k = self.ident()
            self.expect(":")
            d[k] = self.value()
            self.ws()
            if self.peek() == ",":
                self.i += 1
                continue
            self.expect("}")
            return d

    def labels(self):
        labels = []
        while True:
            self.ws()
            if self.peek() != ":":
                return labels
            self.i += 1
            labels.append(self.ident())

    def node(self):
        self.expect("(")
        labels = self.labels()
        self.ws()
        props = {}
        if self.peek() == "{":
            props = self.map_()
        self.expect(")")
        return ("node", tuple(sorted(labels)), c_map(props))

    def relationship(self):
        self.expect("[")
        types = self.labels()
        self.ws()
        props = {}
        if self.peek() == "{":
            props = self.map_()
        self.expect("]")
        return ("rel", types[0] if types else None, c_map(props))

    def path(self):
        self.expect("<")
        items = [self.node()]
        while True:
            self.ws()
            if self.peek() == ">":
                self.i += 1
                return ("path", tuple(items))
            if self.peek(2) == "<-":
                self.i += 2
                rel = self.relationship()
                self.expect("-")
                direction = "<-"
            elif self.peek() == "-":
                self.i += 1
                rel = self.relationship()
                self.expect("->")
                direction = "->"
            else:
                self.error("bad path")
            items.append((direction, rel))
            items.append(self.node())


def parse_tck_value(text):
    return TckValueParser(text).parse_all()


class ActualValueError(Exception):
    pass


def from_json(v):
    """Convert one value of steppe's JSON output to the canonical form."""
    if v is None:
        return NULL
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, int):
        return ("int", v)
    if isinstance(v, float):
        return c_float(v)
    if isinstance(v, str):
        return ("str", v)
    if isinstance(v, list):
        return ("list", tuple(from_json(x) for x in v))
    if isinstance(v, dict):
        if len(v) == 1:
            (k, inner), = v.items()
            if k == "$node":
                return json_node(inner)
            if k == "$relationship":
                return json_rel(inner)
            if k == "$path":
                nodes = inner["nodes"]
                rels = inner["relationships"]
                items = [json_node(nodes[0]["$node"] if "$node" in nodes[0] else nodes[0])]
                for idx, r in enumerate(rels):
                    r = r.get("$relationship", r)
                    a = nodes[idx].get("$node", nodes[idx])
                    b = nodes[idx + 1].get("$node", nodes[idx + 1])
                    direction = "->" if (r["start"] == a["id"] and r["end"] == b["id"]) else "<-"
                    items.append((direction, json_rel(r)))
                    items.append(json_node(b))
                return ("path", tuple(items))
            if k == "$float":
                s = str(inner)
                if s.lower() == "nan":
                    return ("float", "nan")
                if s.lstrip("+-").lower().startswith("inf"):
                    return ("float", -math.inf if s.startswith("-") else math.inf)
                return c_float(float(s))
            if k in ("$time", "$localtime", "$datetime", "$localdatetime") and isinstance(inner, str):
                # steppe prints times as Neo4j 5 does (`12:00:00Z`); the TCK writes Java's
                # toString, which leaves out zero seconds (`12:00Z`)
                return ("str", java_time_text(inner))
            if k.startswith("$"):
                # temporal and other tagged scalars: the TCK writes them as strings
                return ("str", inner if isinstance(inner, str) else json.dumps(inner))
        return c_map({k: from_json(x) for k, x in v.items()})
    raise ActualValueError("unexpected JSON value %r" % (v,))


JAVA_ZERO_SECONDS = re.compile(r"(^|T)(\d{2}:\d{2}):00(?![.\d])")


def java_time_text(text):
    """A time as Java's toString writes it: `12:00:00Z` becomes `12:00Z`."""
    return JAVA_ZERO_SECONDS.sub(r"\1\2", text, count=1)


def json_node(n):
    n = n.get("$node", n)
    return ("node", tuple(sorted(n.get("labels", []))),
            c_map({k: from_json(x) for k, x in n.get("properties", {}).items()}))


def json_rel(r):
    r = r.get("$relationship", r)
    return ("rel", r.get("type"), c_map({k: from_json(x) for k, x in r.get("properties", {}).items()}))


def sort_key(c):
    return repr(c)


def unorder_lists(c):
    """Canonical value with every list replaced by its sorted elements (multiset)."""
    t = c[0]
    if t == "list":
        return ("list", tuple(sorted((unorder_lists(x) for x in c[1]), key=sort_key)))
    if t == "map":
        return ("map", tuple((k, unorder_lists(v)) for k, v in c[1]))
    if t == "node":
        return ("node", c[1], unorder_lists(c[2]))
    if t == "rel":
        return ("rel", c[1], unorder_lists(c[2]))
    return c


def fmt(c):
    """Render a canonical value in TCK syntax (for messages)."""
    t = c[0]
    if t == "null":
        return "null"
    if t == "bool":
        return "true" if c[1] else "false"
    if t == "int":
        return str(c[1])
    if t == "float":
        f = c[1]
        if f == "nan":
            return "NaN"
        if math.isinf(f):
            return "Inf" if f > 0 else "-Inf"
        return repr(f)
    if t == "str":
        return "'" + c[1].replace("\\", "\\\\").replace("'", "\\'") + "'"
    if t == "list":
        return "[" + ", ".join(fmt(x) for x in c[1]) + "]"
    if t == "map":
        return "{" + ", ".join("%s: %s" % (k, fmt(v)) for k, v in c[1]) + "}"
    if t == "node":
        s = "".join(":" + l for l in c[1])
        if c[2][1]:
            s += (" " if s else "") + fmt(c[2])
        return "(" + s + ")"
    if t == "rel":
        s = ":" + str(c[1])
        if c[2][1]:
            s += " " + fmt(c[2])
        return "[" + s + "]"
    if t == "path":
        out = [fmt(c[1][0])]
        for k in range(1, len(c[1]), 2):
            d, r = c[1][k]
            out.append(("-%s->" if d == "->" else "<-%s-") % fmt(r))
            out.append(fmt(c[1][k + 1]))
        return "<" + "".join(out) + ">"
    return repr(c)


def fmt_row(row):
    return "| " + " | ".join(fmt(v) for v in row) + " |"


# ---------------------------------------------------------------------------
# Scenario -> plan
# ---------------------------------------------------------------------------

SNAP_NODES = "MATCH (n) RETURN n"
SNAP_RELS = "MATCH ()-[r]->() RETURN r"

RESULT_RE = re.compile(r"^the result should be(?:, (in any order|in order))?(?:,? ?\(?(ignoring element order for lists)\)?)?\s*:$")
ERROR_RE = re.compile(r"^an? (\w+) should be raised at (compile time|runtime|any time)\s*:\s*(\w+|\*)\s*$")


class HarnessError(Exception):
    """The harness cannot handle the scenario (category, detail)."""

    def __init__(self, category, detail):
        Exception.__init__(self, detail)
        self.category = category
        self.detail = detail


def plan_scenario(sc):
    """Turn the steps into: setup statements, params, and a list of checked queries."""
    setup = []
    params = []
    queries = []  # dicts: text, checks (list)
    for st in sc.steps:
        t = st.text
        if st.keyword == "Given" or (st.keyword in ("And", "But") and not queries):
            if t in ("an empty graph", "any graph"):
                continue
            if t == "having executed:":
                if st.doc is None:
                    raise HarnessError("harness: parse error", "missing doc string")
                setup.append(st.doc)
                continue
            if t == "parameters are:":
                for row in st.table or []:
                    if len(row) != 2:
                        raise HarnessError("harness: parse error", "bad parameter row %r" % (row,))
                    params.append((row[0], row[1]))
                continue
            if t.startswith("there exists a procedure"):
                raise HarnessError("needs a test procedure (harness cannot register one)", t)
            m = re.match(r"^the (\S+) graph$", t)
            if m:
                raise HarnessError("needs a named TCK graph", t)
            raise HarnessError("harness: unsupported step", t)
        if t in ("executing query:", "executing control query:"):
            if st.doc is None:
                raise HarnessError("harness: parse error", "missing doc string")
            queries.append({"text": st.doc, "checks": [], "control": t.startswith("executing control")})
            continue
        if not queries:
            raise HarnessError("harness: unsupported step", t)
        q = queries[-1]
        m = RESULT_RE.match(t)
        if m or t == "the result should be:":
            table = st.table or []
            if not table:
                raise HarnessError("harness: parse error", "result table missing")
            header = table[0]
            try:
                rows = [[parse_tck_value(c) for c in r] for r in table[1:]]
            except (ValueParseError, ValueError, IndexError) as e:
                raise HarnessError("harness: cannot parse expected value", str(e))
            order = m.group(1) if m else None
            q["checks"].append({"kind": "result", "header": header, "rows": rows,
                                "ordered": order == "in order",
                                "unordered_lists": bool(m and m.group(2))})
            continue
        if t == "the result should be empty":
            q["checks"].append({"kind": "empty"})
            continue
        if t == "no side effects":
            q["checks"].append({"kind": "side_effects", "expected": {}})
            continue
        if t == "the side effects should be:":
            exp = {}
            for row in st.table or []:
                if len(row) != 2:
                    raise HarnessError("harness: parse error", "bad side effect row %r" % (row,))
                exp[row[0]] = int(row[1])
            q["checks"].append({"kind": "side_effects", "expected": exp})
            continue
        m = ERROR_RE.match(t)
        if m:
            q["checks"].append({"kind": "error", "error_kind": m.group(1), "phase": m.group(2),
                                "code": m.group(3)})
            continue
        raise HarnessError("harness: unsupported step", t)
    if not queries:
        raise HarnessError("harness: parse error", "no query in scenario")
    return setup, params, queries


# ---------------------------------------------------------------------------
# Running
# ---------------------------------------------------------------------------


class Outcome:
    def __init__(self, sc, status, category=None, reason=None, query=None,
                 expected=None, actual=None):
        self.sc = sc
        self.status = status  # 'pass' | 'fail'
        self.category = category
        self.reason = reason
        self.query = query
        self.expected = expected
        self.actual = actual


def snapshot(nodes_doc, rels_doc):
    """Graph state from the outputs of SNAP_NODES and SNAP_RELS."""
    nodes = {}
    for row in nodes_doc.get("rows", []):
        n = row[0]["$node"]
        nodes[n["id"]] = (frozenset(n.get("labels", [])),
                          {k: from_json(v) for k, v in n.get("properties", {}).items()})
    rels = {}
    for row in rels_doc.get("rows", []):
        r = row[0]["$relationship"]
        rels[r["id"]] = (r.get("type"), {k: from_json(v) for k, v in r.get("properties", {}).items()})
    return nodes, rels


def diff_side_effects(before, after):
    bn, br = before
    an, ar = after
    labels_before = set().union(*[l for l, _ in bn.values()]) if bn else set()
    labels_after = set().union(*[l for l, _ in an.values()]) if an else set()

    def props(nodes, rels):
        s = set()
        for i, (_, p) in nodes.items():
            for k, v in p.items():
                s.add(("n", i, k, v))
        for i, (_, p) in rels.items():
            for k, v in p.items():
                s.add(("r", i, k, v))
        return s

    pb, pa = props(bn, br), props(an, ar)
    return {
        "+nodes": len(set(an) - set(bn)),
        "-nodes": len(set(bn) - set(an)),
        "+relationships": len(set(ar) - set(br)),
        "-relationships": len(set(br) - set(ar)),
        "+labels": len(labels_after - labels_before),
        "-labels": len(labels_before - labels_after),
        "+properties": len(pa - pb),
        "-properties": len(pb - pa),
    }


STATS_MAP = {
    "+nodes": "nodes_created", "-nodes": "nodes_deleted",
    "+relationships": "relationships_created", "-relationships": "relationships_deleted",
    "+properties": "properties_set", "+labels": "labels_added", "-labels": "labels_removed",
    # -properties: steppe does not report it
}


def stats_side_effects(stats):
    return {k: stats.get(v, 0) for k, v in STATS_MAP.items()}


def short(text, n=300):
    text = text if isinstance(text, str) else str(text)
    return text if len(text) <= n else text[:n] + "..."


def run_scenario(sc, steppe, timeout, side_effect_mode, include_ignored=False):
    if "@ignore" in sc.tags and not include_ignored:
        return Outcome(sc, "skip", "skipped: tagged @ignore in the TCK", None)
    try:
        setup, params, queries = plan_scenario(sc)
    except HarnessError as e:
        q = None
        for st in sc.steps:
            if st.text.startswith("executing query") and st.doc:
                q = st.doc
        return Outcome(sc, "fail", e.category, e.detail, query=q)

    main_query = queries[0]["text"]
    statements = list(setup)
    # index bookkeeping: (statement index, role)
    roles = [("setup", i) for i in range(len(setup))]
    for qi, q in enumerate(queries):
        need_effects = any(c["kind"] == "side_effects" for c in q["checks"])
        if need_effects and side_effect_mode == "diff":
            statements += [SNAP_NODES, SNAP_RELS]
            roles += [("snap_before", qi), ("snap_before", qi)]
        statements.append(q["text"])
        roles.append(("query", qi))
        if need_effects and side_effect_mode == "diff":
            statements += [SNAP_NODES, SNAP_RELS]
            roles += [("snap_after", qi), ("snap_after", qi)]

    script = "".join(s.rstrip() + "\n;\n" for s in statements)
    fd, path = tempfile.mkstemp(prefix="steppe-tck-", suffix=".cypher")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(script)
        cmd = [steppe, "run", "--empty", "--format", "json"]
        for k, v in params:
            cmd += ["--param", "%s=%s" % (k, v)]
        cmd.append(path)
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            return Outcome(sc, "fail", "timeout", "no answer within %gs" % timeout, query=main_query)
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass

    out = proc.stdout.decode("utf-8", "replace")
    docs = []
    for line in out.splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            docs.append(json.loads(line))
        except ValueError:
            return Outcome(sc, "fail", "steppe output not JSON", short(line), query=main_query)
    if not docs:
        err = proc.stderr.decode("utf-8", "replace").strip()
        return Outcome(sc, "fail", "steppe crashed (no output)",
                       "exit %d: %s" % (proc.returncode, short(err)), query=main_query)

    # statement n's document
    def doc_for(idx):
        return docs[idx] if idx < len(docs) else None

    # setup
    for idx, (role, _) in enumerate(roles):
        if role != "setup":
            break
        d = doc_for(idx)
        if d is None:
            return Outcome(sc, "fail", "steppe crashed (no output)",
                           "stopped during setup, exit %d: %s" % (proc.returncode, short(proc.stderr.decode("utf-8", "replace"))),
                           query=setup[idx])
        if "error" in d:
            e = d["error"]
            return Outcome(sc, "fail", "setup error: %s.%s" % (e.get("kind"), e.get("code")),
                           short(e.get("message", "")), query=setup[idx])

    for qi, q in enumerate(queries):
        idx_query = roles.index(("query", qi))
        idx_before = [i for i, r in enumerate(roles) if r == ("snap_before", qi)]
        idx_after = [i for i, r in enumerate(roles) if r == ("snap_after", qi)]
        for i in idx_before:
            d = doc_for(i)
            if d is None or "error" in d:
                return Outcome(sc, "fail", "harness: snapshot query failed",
                               short(json.dumps(d)), query=q["text"])
        d = doc_for(idx_query)
        if d is None:
            return Outcome(sc, "fail", "steppe crashed (no output)",
                           "exit %d: %s" % (proc.returncode, short(proc.stderr.decode("utf-8", "replace"))),
                           query=q["text"])
        expected_error = [c for c in q["checks"] if c["kind"] == "error"]
        if "error" in d:
            e = d["error"]
            akind, acode = e.get("kind"), e.get("code")
            if expected_error:
                c = expected_error[0]
                if akind == c["error_kind"] and (acode == c["code"] or c["code"] == "*"):
                    continue  # passed this query; an error ends the script anyway (`*`: any code)
                exp_s = "%s.%s" % (c["error_kind"], c["code"])
                act_s = "%s.%s: %s" % (akind, acode, short(e.get("message", ""), 200))
                if akind == c["error_kind"]:
                    cat = "wrong error code"
                elif acode == c["code"]:
                    cat = "wrong error kind"
                else:
                    cat = "wrong error kind and code"
                return Outcome(sc, "fail", cat, "expected %s, got %s" % (exp_s, act_s),
                               query=q["text"], expected=exp_s, actual=act_s)
            role = "control query" if q["control"] else "query"
            return Outcome(sc, "fail", "%s error: %s.%s" % (role, akind, acode),
                           short(e.get("message", "")), query=q["text"],
                           actual="%s.%s: %s" % (akind, acode, short(e.get("message", ""), 200)))
        if expected_error:
            c = expected_error[0]
            rows = d.get("rows", [])
            return Outcome(sc, "fail", "expected error not raised",
                           "expected %s.%s, got %d row(s)" % (c["error_kind"], c["code"], len(rows)),
                           query=q["text"], expected="%s.%s" % (c["error_kind"], c["code"]),
                           actual="%s %s" % (d.get("columns"), short(json.dumps(rows), 200)))
        for c in q["checks"]:
            if c["kind"] == "empty":
                rows = d.get("rows", [])
                if rows:
                    try:
                        act = [fmt_row([from_json(v) for v in r]) for r in rows]
                    except ActualValueError as ex:
                        act = [str(ex)]
                    return Outcome(sc, "fail", "wrong result", "expected no rows, got %d" % len(rows),
                                   query=q["text"], expected="(empty)", actual="\n".join(act[:10]))
            elif c["kind"] == "result":
                res = compare_result(c, d)
                if res is not None:
                    cat, reason, exp, act = res
                    return Outcome(sc, "fail", cat, reason, query=q["text"], expected=exp, actual=act)
            elif c["kind"] == "side_effects":
                if side_effect_mode == "diff":
                    docs_b = [doc_for(i) for i in idx_before]
                    docs_a = [doc_for(i) for i in idx_after]
                    if any(x is None or "error" in x for x in docs_a):
                        return Outcome(sc, "fail", "harness: snapshot query failed",
                                       short(json.dumps(docs_a)), query=q["text"])
                    actual = diff_side_effects(snapshot(*docs_b), snapshot(*docs_a))
                    keys = list(actual)
                else:
                    actual = stats_side_effects(d.get("stats", {}))
                    keys = list(STATS_MAP)
                exp = c["expected"]
                bad = []
                for k in keys:
                    if exp.get(k, 0) != actual.get(k, 0):
                        bad.append("%s expected %d got %d" % (k, exp.get(k, 0), actual.get(k, 0)))
                if bad:
                    return Outcome(sc, "fail", "wrong side effects", "; ".join(bad), query=q["text"],
                                   expected=json.dumps(exp), actual=json.dumps(
                                       {k: v for k, v in actual.items() if v}))
    return Outcome(sc, "pass")


def compare_result(check, doc):
    header = check["header"]
    cols = doc.get("columns", [])
    try:
        actual_rows = [[from_json(v) for v in r] for r in doc.get("rows", [])]
    except (ActualValueError, KeyError, TypeError, IndexError) as e:
        return ("harness: cannot read steppe value", str(e), None, None)
    exp_rows = check["rows"]
    if sorted(cols) != sorted(header):
        return ("wrong columns", "expected %s, got %s" % (header, cols), fmt_cols(header), fmt_cols(cols))
    # reorder actual columns to the expected order
    perm = [cols.index(h) for h in header]
    actual_rows = [[r[p] for p in perm] for r in actual_rows]
    if check["unordered_lists"]:
        exp_c = [tuple(unorder_lists(v) for v in r) for r in exp_rows]
        act_c = [tuple(unorder_lists(v) for v in r) for r in actual_rows]
    else:
        exp_c = [tuple(r) for r in exp_rows]
        act_c = [tuple(r) for r in actual_rows]
    if check["ordered"]:
        ok = exp_c == act_c
    else:
        ok = collections.Counter(exp_c) == collections.Counter(act_c)
    if ok:
        return None
    exp_s = "\n".join([fmt_cols(header)] + [fmt_row(r) for r in exp_rows])
    act_s = "\n".join([fmt_cols(header)] + [fmt_row(r) for r in actual_rows])
    if len(exp_c) != len(act_c):
        reason = "expected %d row(s), got %d" % (len(exp_c), len(act_c))
    elif not check["ordered"] or collections.Counter(exp_c) != collections.Counter(act_c):
        missing = list((collections.Counter(exp_c) - collections.Counter(act_c)).elements())
        extra = list((collections.Counter(act_c) - collections.Counter(exp_c)).elements())
        reason = "missing %s; unexpected %s" % (short(" ".join(fmt_row(r) for r in missing[:3]), 200),
                                                short(" ".join(fmt_row(r) for r in extra[:3]), 200))
    else:
        reason = "rows in the wrong order"
    return ("wrong result", reason, exp_s, act_s)


def fmt_cols(cols):
    return "| " + " | ".join(cols) + " |"


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def find_features(root):
    out = []
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".feature"):
                full = os.path.join(d, f)
                out.append((full, os.path.relpath(full, root)))
    out.sort(key=lambda x: natural_key(x[1]))
    return out


def natural_key(s):
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", s)]


def category_group(cat):
    """Coarse category for the totals (query errors are grouped by code below)."""
    return cat


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--features", required=True, help="a TCK features directory (or a single .feature file)")
    here = os.path.dirname(os.path.abspath(__file__))
    default_bin = os.path.normpath(os.path.join(here, "..", "..", "target", "debug", "steppe"))
    ap.add_argument("--steppe", default=default_bin, help="steppe binary (default: %(default)s)")
    ap.add_argument("--filter", action="append", default=[],
                    help="only scenarios whose feature path or name contains this substring (repeatable: any)")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every failing scenario")
    ap.add_argument("--report", help="write per-scenario outcomes as JSON Lines to this file")
    ap.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds per scenario (default 10)")
    ap.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 2, help="parallel steppe processes")
    ap.add_argument("--include-ignored", action="store_true",
                    help="also run scenarios tagged @ignore (the TCK itself excludes them; skipped by default)")
    ap.add_argument("--side-effects", choices=["diff", "stats"], default="diff",
                    help="diff: compare graph snapshots taken before and after the query, as the TCK "
                         "defines side effects (default); stats: compare steppe's own counters")
    args = ap.parse_args(argv)

    if not os.path.exists(args.steppe):
        ap.error("steppe binary not found: %s" % args.steppe)
    if os.path.isfile(args.features):
        files = [(args.features, os.path.basename(args.features))]
    else:
        files = find_features(args.features)
    if not files:
        ap.error("no .feature files under %s" % args.features)

    scenarios = []
    parse_failures = []
    for full, rel in files:
        try:
            scenarios.extend(parse_feature(full, rel))
        except Exception as e:  # noqa: BLE001 - report and continue
            parse_failures.append((rel, str(e)))
    if args.filter:
        scenarios = [s for s in scenarios
                     if any(f in s.feature or f in s.display_name for f in args.filter)]

    started = time.time()
    outcomes = [None] * len(scenarios)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futs = {pool.submit(run_scenario, s, args.steppe, args.timeout, args.side_effects,
                            args.include_ignored): i
                for i, s in enumerate(scenarios)}
        for f in concurrent.futures.as_completed(futs):
            i = futs[f]
            try:
                outcomes[i] = f.result()
            except Exception as e:  # noqa: BLE001 - a harness bug must not stop the run
                outcomes[i] = Outcome(scenarios[i], "fail", "harness: internal error", repr(e))
    elapsed = time.time() - started

    # per feature
    per_feature = collections.OrderedDict()
    if not args.filter:  # list every file, also those without scenarios (placeholders in the TCK)
        for _, rel in files:
            per_feature[rel] = (0, 0, 0)
    for o in outcomes:
        p, t, sk = per_feature.get(o.sc.feature, (0, 0, 0))
        if o.status == "skip":
            per_feature[o.sc.feature] = (p, t, sk + 1)
        else:
            per_feature[o.sc.feature] = (p + (o.status == "pass"), t + 1, sk)
    width = max([len(k) for k in per_feature] + [10])
    for feat, (p, t, sk) in per_feature.items():
        print("%-*s %4d/%-4d%s" % (width, feat, p, t, ("  (%d skipped)" % sk) if sk else ""))
    for rel, err in parse_failures:
        print("%-*s  could not parse: %s" % (width, rel, err))

    # totals, overall and per top-level folder
    print()
    skipped = [o for o in outcomes if o.status == "skip"]
    outcomes = [o for o in outcomes if o.status != "skip"]
    total = len(outcomes)
    passed = sum(o.status == "pass" for o in outcomes)
    groups = collections.OrderedDict()
    for o in outcomes:
        top = o.sc.feature.replace("\\", "/").split("/")[0] if "/" in o.sc.feature.replace("\\", "/") else "."
        p, t = groups.get(top, (0, 0))
        groups[top] = (p + (o.status == "pass"), t + 1)
    for top, (p, t) in groups.items():
        print("%-14s passed %5d  failed %5d  total %5d  (%.1f%%)" % (top + "/", p, t - p, t, 100.0 * p / t if t else 0))
    print("%-14s passed %5d  failed %5d  total %5d  (%.1f%%)   [%.1fs]" % (
        "TOTAL", passed, total - passed, total, 100.0 * passed / total if total else 0, elapsed))
    if skipped:
        print("(%d scenario(s) tagged @ignore skipped and not counted; --include-ignored runs them)" % len(skipped))

    # categories
    cats = collections.Counter(o.category for o in outcomes if o.status != "pass")
    coarse = collections.Counter()
    for cat, n in cats.items():
        key = cat
        for prefix in ("query error", "control query error", "setup error"):
            if cat.startswith(prefix + ":"):
                key = prefix
        coarse[key] += n
    print()
    print("Failure categories:")
    for cat, n in coarse.most_common():
        print("  %5d  %s" % (n, cat))
    detailed = [(c, n) for c, n in cats.items() if ":" in c and not c.startswith("harness")]
    if detailed:
        print()
        print("Errors by kind and code:")
        for cat, n in sorted(detailed, key=lambda x: (-x[1], x[0])):
            print("  %5d  %s" % (n, cat))

    if args.verbose:
        print()
        print("Failing scenarios:")
        for o in outcomes:
            if o.status == "pass":
                continue
            print()
            print("--- %s: %s" % (o.sc.feature, o.sc.display_name))
            print("    [%s] %s" % (o.category, o.reason or ""))
            if o.query:
                print("    query:")
                qlines = o.query.splitlines()
                for l in qlines[:25]:
                    print("      " + short(l, 200))
                if len(qlines) > 25:
                    print("      ... (%d more lines)" % (len(qlines) - 25))
            if o.expected is not None:
                print("    expected:")
                for l in short(o.expected, 1500).splitlines():
                    print("      " + l)
            if o.actual is not None:
                print("    actual:")
                for l in short(o.actual, 1500).splitlines():
                    print("      " + l)

    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            for o in outcomes + skipped:
                fh.write(json.dumps({
                    "feature": o.sc.feature,
                    "scenario": o.sc.display_name,
                    "line": o.sc.line,
                    "status": o.status,
                    "category": o.category,
                    "reason": o.reason,
                    "query": o.query,
                    "expected": o.expected,
                    "actual": o.actual,
                }, ensure_ascii=False) + "\n")
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main())
