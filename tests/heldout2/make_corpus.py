"""Regenerate tests/heldout2/corpus (notices + labels). Run: .venv/bin/python tests/heldout2/make_corpus.py

Everything here is invented for testing (organisations, people, codes, amounts), except a few public
universities named in ../shared/reference/public-cases.md as buyers. Labels follow ../shared/corpus/README.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _gen_common import OUT, write_text  # noqa: E402
from _gen_neg import ALL as NEG  # noqa: E402
from _gen_pos import ALL as POS  # noqa: E402
from _labels import rows  # noqa: E402

LABEL_CRAWL = True  # the export names records 'file#id'; set False if the scanner keys them differently


def crawl_json() -> None:
    records = [
        {"id": "TW88017", "noticeKind": "中标公告", "title": "宁波甬江智能感知实验室AI训练系统采购项目中标公告",
         "purchaser": "宁波甬江智能感知实验室", "winnerName": "宁波云鲸科技有限公司", "winAmount": "3298000.00",
         "releaseDate": "2024-12-05 15:40:00",
         "content": "项目编号：YJZG-2024-1188。中标供应商：宁波云鲸科技有限公司，中标金额：3,298,000.00元。"
                    "标的：NVIDIA DGX H100 系统1套（8×H100 80GB SXM5，NVLink Switch）。采购人：宁波甬江智能感知实验室。"},
        {"id": "TW88018", "noticeKind": "成交公告", "title": "某区教育局打印机采购项目成交公告",
         "purchaser": "宁海县教育局", "winnerName": "宁海县文印办公设备有限公司", "winAmount": "84600",
         "releaseDate": "2024-12-06 09:12:00",
         "attachmentId": "9f3ea100c2d84090b7a8e1f4a800d3c2",
         "content": "成交供应商：宁海县文印办公设备有限公司；成交金额：84600元；标的：A4黑白激光打印机60台。"},
        {"id": "TW88019", "noticeKind": "招标公告", "title": "浙东海洋科学研究院海外云GPU实例采购项目",
         "purchaser": "浙东海洋科学研究院", "winnerName": "", "budgetText": "28万元",
         "releaseDate": "2024-12-09 17:05:00",
         "content": "采购内容：通过经销商开通AWS海外账号，使用EC2 g6.12xlarge实例（4×NVIDIA L4）约3000实例小时，"
                    "用于海洋遥感影像模型训练。预算金额：28万元。采购人：浙东海洋科学研究院。"},
        {"id": "TW88020", "noticeKind": "招标公告", "title": "舟山市政务大模型API服务采购项目",
         "purchaser": "舟山市大数据发展管理局", "winnerName": "", "budgetText": "45万元",
         "releaseDate": "2024-12-10 10:30:00",
         "content": "采购通义千问大模型API服务一年，调用量不少于2亿tokens，部署于阿里云政务云。预算金额：45万元。"},
    ]
    payload = {"source": "tender-crawler v2.3 export", "exportedAt": "2024-12-11T02:00:00Z", "count": 4, "data": records}
    write_text("h2-crawl.json", json.dumps(payload, ensure_ascii=False, indent=2))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for make in POS + NEG:
        make()
    crawl_json()
    with (OUT / "labels-heldout2.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows(LABEL_CRAWL):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
