"""Document-level frames: acronym definitions, news vs procurement, corrections, existing equipment,
and catalogue entries (GH200 / Blackwell, domestic accelerators, consumer Blackwell).

Every case is written in its own words (not copied from any corpus file)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Runner = Callable[..., Any]

# (text, relevant, categories, items, providers)
CASES = [
    # AWS = automatic weather station, expansion before/after, Chinese/English, defined far away
    ("采购Automatic Weather Station (AWS) 10套；AWS供电采用太阳能板。", False, [], [], []),
    ("AWS（自动气象站）建设：新建AWS站点12个，AWS数据上传至市气象局平台。", False, [], [], []),
    ("一、项目概况：本项目在全县新建区域自动站，以下简称AWS。\n" + "说明文字。\n" * 30
     + "二、采购清单\nAWS主机 5台，含数据采集器", False, [], [], []),
    ("AWS weather station upgrade: 8 stations with wind and rain sensors; AWS data logger x8", False, [], [], []),
    ("新建自动气象站（AWS）6套；另采购亚马逊AWS云服务器资源用于数据备份。", True, ["cloud"], [], ["AWS"]),
    ("采购AWS云服务一年，用于海外业务部署。", True, ["cloud"], [], ["AWS"]),
    ("地面自动观测站（AWS）10套", False, [], [], []),
    ("某县气象站维护服务项目\n一、服务内容\n" + "巡检记录。\n" * 20 + "二、备件清单\nAWS采集器 10套", False, [], [], []),
    # news / commentary / regulation: no procurement frame
    ("观点 | 国产算力的机会\n作者 | 王五\n美国出口管制升级后，H20也被要求申请许可证，A800早已断供。", False, [], [], []),
    ("英伟达H20对华出口再生变数\n2025年4月16日 来源：某财经网\n据知情人士透露，美国政府已通知英伟达，H20芯片出口需获得许可证。"
     "此前，A100、H800等产品已先后被限制，服务器厂商订单或受影响。", False, [], [], []),
    ("据外媒报道，美国商务部近日更新出口管制规则，英伟达H20芯片对华出口须申领许可证。\n"
     "分析人士指出，A100和H100早在2022年即已受限，市场上H100整机价格一路上涨。\n（编辑：张三）",
     False, [], [], []),
    ("【深度】芯片禁令一周年：从A800到H20\n作者：李四  来源：某某科技评论\n"
     "去年10月，BIS发布新规，A800、H800与L40S均被列入限制清单。业内人士预计H20也将受影响。",
     False, [], [], []),
    ("Commerce tightens rules on AI chips. The new BIS rule adds the H800 and A800 to the export control list, "
     "analysts said on Tuesday. Reporting by Jane Doe; Editing by John Roe.", False, [], [], []),
    # a procurement notice that mentions export controls stays a procurement
    ("XX大学GPU服务器采购项目招标公告\n项目编号：XXDX-2024-001\n采购人：XX大学\n预算金额：300万元\n"
     "采购内容：H100 GPU服务器2台。投标人须保证所供产品符合出口管制相关法规。", True, ["server"], ["H100"], []),
    # GH200 / Blackwell systems
    ("超级芯片节点 NVIDIA GH200 NVL2 服务器 1台", True, ["server"], ["GH200"], []),
    ("GB300 NVL72 液冷整机柜 1套", True, ["server"], ["GB300"], []),
    ("GPU服务器：HGX B300 8-GPU，2台", True, ["server"], ["B300"], []),
    ("英伟达 GH200 Grace Hopper 超级芯片 2颗", True, ["chip"], ["GH200"], []),
    # existing equipment / out of scope: the system word does not make the part a server
    ("GPU模组 H800 SXM5 80GB 8块（用于扩容已有DGX H800系统，整机不在本项目采购范围内）", True, ["chip"], ["H800"], []),
    ("本次仅采购A800 80GB模组8块，利旧原有HGX底板", True, ["chip"], ["A800"], []),
    ("8块A800 80GB GPU（由采购人提供DGX整机）", True, ["chip"], ["A800"], []),
    ("采购A100加速卡8块（不含服务器）", True, ["chip"], ["A100"], []),
    ("在现有机房部署HGX H100服务器2台", True, ["server"], ["H100"], []),
    ("为现有服务器采购A100加速卡4块", True, ["chip"], ["A100"], []),
    # corrections: only the corrected content counts
    ("更正内容：原采购需求中“GPU型号：NVIDIA A800 80GB”现更正为“GPU型号：NVIDIA L20 48GB”。", False, [], ["L20"], []),
    ("二、更正事项\n原为：GPU加速卡 H800×8；\n更正为：GPU加速卡 H20×8。", True, ["chip"], ["H20"], []),
    ("更正项\t原内容\t更正后内容\n技术参数第3项\t推理卡 A800 80GB 4块\t推理卡 L20 48GB 4块\n其他内容不变。",
     False, [], ["L20"], []),
    ("序号 | 更正条款 | 原公告内容 | 更正后内容\n1 | 3.2 | 服务器GPU：H800 80GB×8 | 服务器GPU：H20 96GB×8\n",
     True, ["server"], ["H20"], []),
    ("关于GPU服务器采购项目的更正公告\n采购人：某市大数据局\n原招标文件第三章技术参数“GPU：8×NVIDIA H800 80GB SXM”，"
     "现更正为“GPU：8×NVIDIA H20 96GB HBM3”。", True, ["server"], ["H20"], []),
    ("更正公告\nH100服务器原厂质保由3年调整为5年。", True, ["server"], ["H100"], []),
    # the quoted old wording right before the verb, with no 原 / 将 / 由 in front of it
    ("更正公告\n1. 技术要求第4条“GPU：每台2块NVIDIA L20 48GB”更正为“GPU：每台2块NVIDIA L40S 48GB”；",
     True, ["server"], ["L40S"], []),
    ("更正公告\n采购清单第1项「推理卡 A800 80GB 8块」修改为「推理卡 L20 48GB 8块」。", False, [], ["L20"], []),
    ("更正公告\n原内容：采购NVIDIA A800 80GB加速卡8块\n更正内容：采购NVIDIA L20 48GB加速卡8块", False, [], ["L20"], []),
    ("变更前：Azure NC A100 v4 实例 200小时；变更后：取消云资源，改为采购本地服务器。", False, [], [], []),
    # not a correction notice: "原规定" ... "更正后" wording does not strike anything out
    ("采购需求：按原规定执行。GPU服务器（8×H100 80GB）2台。如有调整，以更正后的文件为准。", True, ["server"], ["H100"], []),
    # domestic accelerators: items, never relevant
    ("摩尔线程 S4000 加速卡 8块", False, [], ["MTT S4000"], []),
    ("GPU服务器（8×曦云C500 64G）2台", False, [], ["MetaX C500"], []),
    ("昆仑芯P800 8卡训练服务器 4台", False, [], ["Kunlunxin P800"], []),
    ("燧原云燧T20训练卡 16块", False, [], ["Enflame T20"], []),
    ("壁仞BR104 PCIe加速卡 4块", False, [], ["Biren BR104"], []),
    ("天数智芯天垓100加速卡 8块", False, [], ["Iluvatar BI-V100"], []),
    ("昇腾310P推理卡 20块", False, [], ["Ascend 310P"], []),
    ("海光DCU K100_AI 加速卡 8块", False, [], ["Hygon DCU"], []),
    ("海光K100 AI加速卡 8块", False, [], ["Hygon DCU"], []),
    ("沐曦 MetaX C550 GPU 8卡服务器 1台", False, [], ["MetaX C550"], []),
    ("燧原 i20 推理卡 8块", False, [], ["Enflame i20"], []),
    # common phrasings
    ("GPU卡：NVIDIA Tesla A100 80G ×8", True, ["chip"], ["A100"], []),
    ("H100（80G）*8 加速卡", True, ["chip"], ["H100"], []),
    ("显卡 RTX4090 (24G) 2块", True, ["chip"], ["RTX 4090"], []),
    ("采购H100服务器2台，交付期30天", True, ["server"], ["H100"], []),
    ("H800整机 1台", True, ["server"], ["H800"], []),
    ("显卡 RTX 5090 32G 2块", False, [], ["RTX 5090"], []),
]


@pytest.mark.parametrize(("text", "relevant", "categories", "items", "providers"), CASES)
def test_frames(detect_text: Runner, text: str, relevant: bool, categories: list[str], items: list[str],
                providers: list[str]) -> None:
    result = detect_text(text)
    assert (result.relevant, result.categories, result.items, result.providers) == (
        relevant, categories, items, providers)


def test_news_findings_are_negated_with_reason(detect_text: Runner) -> None:
    text = ("据悉，美国商务部工业与安全局发布新规，英伟达A800被列入管制。\n"
            "业内人士称，A800现货价格已上涨三成。（责任编辑：王五）")
    result = detect_text(text)
    assert result.findings and all(f.negated for f in result.findings)
    assert any("no procurement frame" in f.reason for f in result.findings)


def test_superseded_mention_is_kept_negated(detect_text: Runner) -> None:
    result = detect_text("原为：GPU加速卡 H800×8；\n更正为：GPU加速卡 H20×8。")
    h800 = [f for f in result.findings if f.item == "H800"]
    assert h800 and all(f.negated and "superseded" in f.reason for f in h800)


def test_quantities(detect_text: Runner) -> None:
    result = detect_text("GPU卡：NVIDIA Tesla A100 80G ×8")
    assert [f.quantity for f in result.findings] == [8]
    result = detect_text("GPU型号：英伟达A800，数量：8，显存：80GB")
    assert [f.quantity for f in result.findings] == [8]
    result = detect_text("服务器配置8xH800 80GB")
    assert [f.quantity for f in result.findings] == [8]


def test_unlisted_part_says_so(detect_text: Runner) -> None:
    result = detect_text("4×NVIDIA GeForce RTX 5090 32GB 显卡")
    assert [f.item for f in result.findings] == ["RTX 5090"]
    assert "not in the reference catalogue" in result.findings[0].reason


FAILED_LOT_AWARD = """某某计算中心服务器采购项目中标结果公告
一、项目编号：MM-2025-ZB-009
二、中标（成交）信息
包号\t采购内容\t中标供应商\t中标金额
1\t推理服务器（NVIDIA L20 48GB×2）4台\t流标（投标人不足三家）\t—
2\t训练服务器（NVIDIA H800 80GB×8）1台\t某某信息技术有限公司\t286万元
三、采购人：某某计算中心
"""

ALL_LOTS_FAILED = """某某计算中心服务器采购项目中标结果公告
一、中标（成交）信息
包号\t采购内容\t中标供应商\t中标金额
1\t训练服务器（NVIDIA H800 80GB×8）1台\t废标（有效投标人不足三家）\t—
二、采购人：某某计算中心
"""


def test_a_failed_lot_of_an_award_buys_nothing_when_another_lot_was_awarded() -> None:
    """In an award, the item of a lot row marked 流标 / 废标 was not bought, while the awarded lot's was;
    an award whose every lot failed keeps what it sought."""
    from tenderwatch.pipeline import process_bytes

    (result,) = process_bytes(FAILED_LOT_AWARD.encode("utf-8"), "award.txt")
    assert result.notice is not None and result.notice.notice_type == "award"
    assert sorted({f.item for f in result.findings if not f.negated and f.item}) == ["H800"]
    l20 = [f for f in result.findings if f.item == "L20"]
    assert l20 and all(f.negated and "failed lot" in f.reason for f in l20)
    (alone,) = process_bytes(ALL_LOTS_FAILED.encode("utf-8"), "failed.txt")
    assert [f.item for f in alone.findings if not f.negated] == ["H800"]
