"""The offline bundle: the offline build of the site, a 使用说明 at its root, in one zip.

The zip is deterministic: entries sorted, every timestamp set to the build epoch, fixed
permissions, so the same reports give a byte-identical file.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

from generator.model import Report
from generator.naming import region_dir

USAGE_FILE = "使用说明.txt"


def place_folder(reports: list[Report], place: str) -> str:
    """The folder name the site gives the place (jiangxian, yuncheng, shanxi)."""
    meta = reports[0].metadata
    depth = 3 if place in (meta.region, meta.code) else 2 if place == meta.city else 1
    parts = region_dir(meta).split("/")[1:]
    return parts[min(depth, len(parts)) - 1]


def bundle_name(reports: list[Report], epoch: int, place: str = "") -> str:
    """e.g. gov-work-reports-jiangxian-2023-offline-20230216: what, offline, data date; of one
    place, gov-work-reports-jiangxian-3-reports-offline-20250301 (the place's own folder name)."""
    day = datetime.fromtimestamp(epoch, UTC).strftime("%Y%m%d")
    what = reports[0].slug if len(reports) == 1 else f"{len(reports)}-reports"
    if place and len(reports) > 1:
        what = f"{place_folder(reports, place)}-{what}"
    return f"gov-work-reports-{what}-offline-{day}"


def usage_text(reports: list[Report], name: str, epoch: int) -> str:
    day = datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%d")
    listed = "\n".join(f"  - {r.metadata.region} {r.metadata.year} 年{r.metadata.title}"
                       for r in sorted(reports, key=lambda r: (r.metadata.region, r.metadata.year)))
    # CRLF and a BOM: Windows Notepad shows it correctly, and so does everything else.
    text = f"""\
县级政府工作报告 · 离线版
========================

怎样打开
  1. 先把压缩包完整解压到任意文件夹（U 盘、桌面、内网共享均可）。
     不要在压缩软件里直接双击网页，那样只会解出一个文件，页面和搜索都会失效。
  2. 打开文件夹 {name}，双击 index.html，用浏览器（Chrome、Edge、Firefox 等）打开。
  3. 全程不需要联网：全文搜索（右上角）、目录、段落链接都可离线使用。

包含的报告
{listed}

文件夹里有什么
  index.html      首页，从这里进入各报告
  regions/        按省、市、县排列的各报告正文（逐段可链接）、原文逐行对照、数据质量、对比
  downloads/      数据下载：正文纯文本、结构化 JSON、指标与对比 CSV（均为 UTF-8）
  downloads.html  数据下载说明
  assets/         网页样式与脚本（其中 vendor/iframe-worker 为 MIT 许可的第三方脚本）

怎样核对这份离线版是否完整、未被改动
  downloads/manifest.json 记下了每个文件的 SHA-256 校验值和所依据的原始报告文件的校验值。
  装有本项目的电脑上运行：
      report-site verify 本压缩包.zip
  （加上 --seeds 原始报告文件夹，还会逐句核对报告全文都在网页上。）
  任何一个文件被改动、缺失或多出，它都会逐行指出。

数据截至 {day}（最新一份报告的会议日期）。
"""
    return "\ufeff" + text.replace("\n", "\r\n")


def write_zip(folder: Path, archive: Path, top: str, epoch: int) -> None:
    """Zip `folder` into `archive`, every entry under `top/`."""
    stamp = datetime.fromtimestamp(max(epoch, 315532800), UTC).timetuple()[:6]  # zip: ≥1980
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix()):
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # Unix, so the permissions above are read as such
            zf.writestr(info, path.read_bytes(), compresslevel=9)
