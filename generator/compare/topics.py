"""Topics: the named projects, parks, programmes and slogans reports come back to, year after
year, found by rules and followed across reports.

A topic is a quoted name (“四宜绛县”) or a name ending in a word that says what kind of thing it
is (…抽水蓄能电站, …产业园区, …行动); a shorter form the longer one ends with is the same topic
(抽水蓄能电站 and 绛县抽水蓄能电站). Pure: reports in, mentions out; every mention keeps its
paragraph, and whether it looks back (review) or ahead (plan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.compare.text import paragraphs_with_roles, sentence_texts
from generator.model import Report
from generator.naming import region_key
from generator.segment import is_word, places, words

# …项目, …工程, …电站, …园区: what kind of thing a name names. Organisations are found by their
# kind too (…集团, …公司, …银行, …学院): jieba's organisation tag (nt) names 暨, 深加工, 国际化 and
# 新格局 as organisations in two real reports, and no company.
_KIND = (r"(?:项目|工程|电站|园区|产业园|新区|中心|基地|行动|机制|示范区|开发区|集团|公司|医院|学校|大道|水库|"
         r"公园|专业镇|银行|大学|学院|研究院|研究所|合作社|商会|协会)")
_NAMED = re.compile(rf"[\u4e00-\u9fffA-Za-z0-9]{{2,14}}?{_KIND}")
_QUOTED = re.compile(r"“([^”]{2,16})”")
# Words that start a sentence or a clause, not a name: 推进…项目 names no project
LEAD_WORDS = (r"推进|实施|加快|加强|建设|建成|开工|完成|启动|打造|推动|新建|续建|谋划|储备|争取|围绕|依托|"
              r"以|在|对|把|将|和|与|及|等|的|了|重点|全县|全区|全市|我县|一批|一个|各类|重大|一般|全年|安排|"
              r"新签约|签约|新开工|当年开工|当年|改扩建|改造|新增|亿元以上|以上|招商|其中|力争|确保|年内|"
              r"[一二三四五六七八九十\d]+个")
# … and before a topic's name also the verbs of a creed or a call (坚持…, 抢抓…), which a
# counted thing's label can start with (提升改造…), so they are the topics' own
_LEAD = re.compile(rf"^(?:{LEAD_WORDS}|坚持|严格落实|落实|全面提升|提升|抢抓|充分发挥|发挥|持续|深入|全面|"
                   r"引进|组建|共建|成立|培育|扶持|支持|与)+")
# A name whose words before its kind are all generic names nothing in particular
# (基础设施配套提升工程, 县级以上重点项目, 系列专项行动)
_GENERIC_WORDS = frozenset("""重点 重大 县级以上 省级以上 市级以上 省级 市级 县级 基础设施 基础设施建设
    基础 设施 建设 系列 专项
    配套 提升 民生 招商 续建 新建 各类 相关 一批 骨干 龙头 大型 中小型 小型 公益 公共 服务 综合 示范 工作
    亿元 以上 亿元以上 千万元 千万元以上 改造 提质 攻坚 三年 五年 整治 行动""".split())
# A quoted plain word of the dictionary (打造城市“名片”, 发展“高地”) is a figure of speech,
# unless it counts (“三公”, “两高”)
_COUNTING = re.compile(r"^[一二三四五六七八九十两双百千万\d]")
# A bare kind word is no name (一批项目, 重点工程)
_GENERIC = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,2}}){_KIND}$")
# Places a report comes back to (涑水河, 中条山, 北大街): jieba's place names (tag ns) that end
# in what a place is, looked for only in sentences with such an ending
_PLACE_KIND = re.compile(r"(?:河|江|湖|山|峪|岭|大街|路|街|镇|乡|村|湾|港|流域|峡谷|水库)$")
_PLACE_HINT = re.compile(r"[\u4e00-\u9fff](?:河|江|湖|山|峪|岭|街|路|镇|乡|村|湾|港|流域|峡谷|水库)")
# No name holds these: 以人民为中心 is a creed, 地等项目 a list's tail, 可以/通过/经过 a
# sentence's words, and a conjunction after the first characters two things (引资和项目)
_NOT_A_NAME = re.compile(r"等|为中心|了|可以|通过|经过|^.{2,}[和与及]|^全[国省市县区]")
# A quotation holding a comma is a sentence quoted, not a name (要各地仿效，经过试点)
_CLAUSE_MARK = re.compile(r"[，,；;。]")
# Topics with fewer mentions get no page
MIN_MENTIONS = 2


@dataclass(frozen=True)
class Mention:
    topic: str
    region: str
    region_key: str
    year: int
    role: str  # review | plan
    anchor: str
    page: str
    sentence: str
    report: str = ""  # report slug


@dataclass(frozen=True)
class FollowUp:
    """A topic the plan of a report mentions, with what the same report's look back and the
    region's next report say about it."""

    topic: str
    plan: Mention
    looked_back: tuple[Mention, ...]  # the same report's review paragraphs on the topic
    next_year: tuple[Mention, ...]  # the next report's paragraphs on it, look back first


def names_in(sentence: str) -> list[str]:
    """The topic names a sentence mentions."""
    found = [q for q in _QUOTED.findall(sentence) if 2 <= len(q) <= 16 and not _CLAUSE_MARK.search(q)
             and not _NOT_A_NAME.search(q) and (_COUNTING.match(q) or not is_word(q))]
    for clause in re.split(r"[，,、；;。：:（）()“”]", sentence):
        for match in _NAMED.finditer(clause):
            name = _LEAD.sub("", match.group())
            if len(name) >= 4 and not _GENERIC.match(name) and not _NOT_A_NAME.search(name) \
                    and not generic(name):
                found.append(name)
    if _PLACE_HINT.search(sentence):  # jieba knows the place's bounds: 推动北大街 → 北大街
        found += [place for place in places(sentence) if len(place) >= 3 and _PLACE_KIND.search(place)]
    return found


def generic(name: str) -> bool:
    """Are all the words of a name before its kind generic (基础设施项目)?"""
    kind = re.search(rf"{_KIND}$", name)
    head = name[:kind.start()] if kind else name
    return bool(head) and all(word in _GENERIC_WORDS for word in words(head))


def mentions_of(report: Report) -> list[Mention]:
    out = []
    meta = report.metadata
    for _, page, node, role in paragraphs_with_roles(report):
        for sentence in sentence_texts(node.text):
            for name in dict.fromkeys(names_in(sentence)):
                out.append(Mention(name, meta.region, region_key(meta), meta.year, role,
                                   node.anchor, page, sentence, report.slug))
    return out


def merge_forms(names: set[str]) -> dict[str, str]:
    """Each name → the topic it belongs to: the shortest name it ends with that is itself a
    name of at least four characters (绛县抽水蓄能电站 → 抽水蓄能电站)."""
    canonical: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (len(n), n)):  # each suffix looked up: linear in the names
        canonical[name] = next((name[-size:] for size in range(4, len(name))
                                if canonical.get(name[-size:]) == name[-size:]), name)
    return canonical


def topics(reports: list[Report], mentions_by: dict[str, list[Mention]] | None = None) -> dict[str, list[Mention]]:
    """Topic → every mention across the reports, by region, year and reading order; only
    topics mentioned at least MIN_MENTIONS times. `mentions_by`: each report's mentions_of, by
    slug, where already worked out."""
    mentions_by = mentions_by or {}
    mentions = [m for report in sorted(reports, key=lambda r: r.folder)
                for m in (mentions_by[report.slug] if report.slug in mentions_by else mentions_of(report))]
    canonical = merge_forms({m.topic for m in mentions})
    quoted = {canonical[m.topic] for m in mentions if f"“{m.topic}”" in m.sentence}
    regions: dict[str, set[str]] = {}
    for m in mentions:
        regions.setdefault(canonical[m.topic], set()).add(m.region_key)
    grouped: dict[str, list[Mention]] = {}
    for m in mentions:
        topic = canonical[m.topic]
        if topic not in quoted and len(regions[topic]) > 1:
            # 县人民医院 of one county is not another's: a named thing stays in its region;
            # a quoted slogan or policy term (“两个维护”) is the same wherever it is used
            topic = f"{topic}（{m.region}）"
        grouped.setdefault(topic, []).append(Mention(topic, m.region, m.region_key, m.year, m.role, m.anchor,
                                                     m.page, m.sentence, m.report))
    return {t: ms for t, ms in sorted(grouped.items()) if len(ms) >= MIN_MENTIONS}


def _by_paragraph(mentions) -> tuple[Mention, ...]:
    return tuple({m.anchor: m for m in reversed(mentions)}.values())[::-1]


def follow_ups(found: dict[str, list[Mention]]) -> dict[str, list[FollowUp]]:
    """Report slug → each plan paragraph's topics, linked to the report's own review paragraphs
    on them and to the region's next report (consecutive years only); topics nobody comes back
    to are left out."""
    out: dict[str, list[FollowUp]] = {}
    for topic, mentions in found.items():
        reports: dict[tuple[str, int], list[Mention]] = {}
        for m in mentions:
            reports.setdefault((m.region_key, m.year), []).append(m)
        for (key, year), mine in sorted(reports.items()):
            back = _by_paragraph([m for m in mine if m.role == "review"])
            later = reports.get((key, year + 1), [])
            ahead = _by_paragraph(sorted(later, key=lambda m: m.role != "review"))
            for plan in _by_paragraph([m for m in mine if m.role == "plan"]):
                if back or ahead:
                    out.setdefault(plan.report, []).append(FollowUp(topic, plan, back, ahead))
    return {slug: sorted(ups, key=lambda u: (u.plan.page, u.plan.anchor, u.topic)) for slug, ups in sorted(out.items())}
