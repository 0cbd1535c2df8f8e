"""Parse: clean paragraphs → markdown-it-py tokens → the report's tree.

The tree has parts (一、), sections (（一）), topics (lead sentences such as
`**抓项目增总量，锻造发展强引擎。**`) and paragraphs. Anchors are positional
(`part-1`, `s-1-2`, `t-1-2-3`, `p-1-2-4`) so they stay put when text elsewhere changes;
every node keeps the source lines it came from.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from generator.diagnostics import LostTextError
from generator.headings import MAX_HEADING_CHARS, PART, PLAIN_TOPIC, SECTION
from generator.model import Block, Ingested, Inline, Node

# A bold lead longer than this is an emphasised sentence, not a topic heading.
MAX_LEAD_CHARS = 60
# "各位代表！…" addresses the delegates: the speaker has left the section, back to the part.
ADDRESS = re.compile(r"^各位代表")


def strong_cjk(state: StateInline, silent: bool) -> bool:
    """`**…**` as strong, whatever surrounds it.

    CommonMark's flanking rules reject `**抓项目增总量。**推动` (punctuation inside, a letter
    outside), which is how Chinese text is bolded; so pair the markers directly.
    """
    src, pos = state.src, state.pos
    if not src.startswith("**", pos):
        return False
    end = src.find("**", pos + 2)
    if end <= pos + 2:
        return False
    if not silent:
        state.push("strong_open", "strong", 1).markup = "**"
        state.push("text", "", 0).content = src[pos + 2:end]
        state.push("strong_close", "strong", -1).markup = "**"
    state.pos = end + 2
    return True


def make_parser() -> MarkdownIt:
    # "zero": report text is data, so no HTML, links, lists or escapes are interpreted.
    md = MarkdownIt("zero").enable(["heading"])
    md.inline.ruler.before("text", "strong_cjk", strong_cjk)
    return md


PARSER = make_parser()


def inline_runs(children) -> list[Inline]:
    runs: list[Inline] = []
    strong = False
    for token in children or []:
        if token.type == "strong_open":
            strong = True
        elif token.type == "strong_close":
            strong = False
        elif token.type in ("text", "softbreak"):
            text = token.content if token.type == "text" else ""
            if not text:
                continue
            if runs and runs[-1].strong == strong:
                runs[-1] = Inline(runs[-1].text + text, strong)
            else:
                runs.append(Inline(text, strong))
    return runs


def tokens_by_block(blocks: tuple[Block, ...]):
    """Yield (block, is_markdown_heading, inline runs) using markdown-it's token.map."""
    document = "\n\n".join(block.text for block in blocks)
    tokens = PARSER.parse(document)
    for index, token in enumerate(tokens):
        if token.type == "inline":
            opener = tokens[index - 1]
            block = blocks[opener.map[0] // 2]  # every block is one line plus a blank one
            yield block, opener.type == "heading_open", inline_runs(token.children)


class TreeBuilder:
    """Places each paragraph in the outline, numbering anchors as it goes."""

    def __init__(self, slug: str):
        self.root = Node("report", anchor=slug)
        self.part: Node | None = None
        self.section: Node | None = None
        self.topic: Node | None = None
        self.counts: dict[str, int] = {}
        self.added: list[Node] = []  # nodes made from the current block

    def _add(self, parent: Node, node: Node) -> Node:
        parent.children.append(node)
        self.added.append(node)
        return node

    def _next(self, key: str) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def _part_no(self) -> str:
        return self.part.anchor.removeprefix("part-") if self.part else "0"

    def _section_no(self) -> str:
        return self.section.anchor.rsplit("-", 1)[1] if self.section else "0"

    def _ensure_part(self, block: Block) -> Node:
        if self.part is None:  # text before the first part: the opening address
            self.part = self._add(self.root, Node("part", anchor="part-0", title="",
                                                  line_start=block.line_start,
                                                  line_end=block.line_end))
        return self.part

    def add_part(self, title: str, block: Block) -> None:
        number = self._next("part")
        self.part = self._add(self.root, Node("part", anchor=f"part-{number}", title=title,
                                              line_start=block.line_start,
                                              line_end=block.line_end))
        self.section = self.topic = None

    def add_section(self, title: str, block: Block) -> None:
        part = self._ensure_part(block)
        number = self._next(f"s{part.anchor}")
        self.section = self._add(part, Node("section", anchor=f"s-{self._part_no()}-{number}",
                                            title=title, line_start=block.line_start,
                                            line_end=block.line_end))
        self.topic = None

    def add_topic(self, title: str, block: Block) -> None:
        parent = self.section or self._ensure_part(block)
        scope = f"{self._part_no()}-{self._section_no()}"
        number = self._next(f"t{scope}")
        self.topic = self._add(parent, Node("topic", anchor=f"t-{scope}-{number}", title=title,
                                            line_start=block.line_start,
                                            line_end=block.line_end))

    def add_paragraph(self, runs: list[Inline], block: Block) -> None:
        if not any(run.text.strip() for run in runs):
            return
        parent = self.topic or self.section or self._ensure_part(block)
        scope = f"{self._part_no()}-{self._section_no()}"
        number = self._next(f"p{scope}")
        self._add(parent, Node("paragraph", anchor=f"p-{scope}-{number}", inlines=tuple(runs),
                               line_start=block.line_start, line_end=block.line_end,
                               lines=block.lines))
        for node in (parent, self.section, self.part):
            if node is not None:
                node.line_end = max(node.line_end, block.line_end)

    def leave_section(self) -> None:
        self.section = self.topic = None


def split_lead(runs: list[Inline]) -> tuple[str, list[Inline]]:
    """The bold run a paragraph opens with, and the rest."""
    if runs and runs[0].strong:
        return runs[0].text.strip(), [r for r in runs[1:] if r.text]
    return "", runs


def place_block(builder: TreeBuilder, block: Block, heading: bool, runs: list[Inline]) -> None:
    text = "".join(run.text for run in runs).strip()
    lead, body = split_lead(runs)
    body_text = "".join(run.text for run in body).strip()
    short = len(text) <= MAX_HEADING_CHARS

    if PART.match(text) and (heading or short or lead and PART.match(lead)):
        title = lead if lead and PART.match(lead) else text
        builder.add_part(title, block)
        if title != text:
            builder.add_paragraph(body, block)
    elif SECTION.match(text) and (heading or short or lead):
        title = lead if lead else text
        builder.add_section(title, block)
        if title != text:
            builder.add_paragraph(body, block)
    elif heading or (lead and not body_text and short):
        builder.add_topic(text, block)  # a heading on its own line: paragraphs follow
    elif lead and body_text and len(lead) <= MAX_LEAD_CHARS:
        builder.add_topic(lead, block)
        builder.add_paragraph(body, block)
    elif not lead and (match := PLAIN_TOPIC.match(text)):
        builder.add_topic(match.group(0), block)
        rest = text[match.end():]
        builder.add_paragraph([Inline(rest)], block)
    else:
        if ADDRESS.match(text):
            builder.leave_section()
        builder.add_paragraph(runs, block)


def parse_report(ingested: Ingested, slug: str) -> Node:
    """Build the tree; fail if any text of a paragraph did not land in it."""
    builder = TreeBuilder(slug)
    for block, heading, runs in tokens_by_block(ingested.blocks):
        builder.added = []
        place_block(builder, block, heading, runs)
        check_nothing_lost(block, builder.added, ingested.source.path)
    return builder.root


def _squash(text: str) -> str:
    return re.sub(r"[\s*#]+", "", text)


def check_nothing_lost(block: Block, nodes: list[Node], source: str) -> None:
    placed = "".join(node.title + node.text for node in nodes)
    if _squash(placed) != _squash(block.text):
        raise LostTextError("the outline would drop text of this paragraph", file=source,
                            line=block.line_start, hint="report this as a bug in generator/parse.py")
