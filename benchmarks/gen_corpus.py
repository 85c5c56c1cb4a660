"""Generate a synthetic corpus of procurement notices for the scan benchmark.

Usage: .venv/bin/python benchmarks/gen_corpus.py OUTDIR [--n 10000] [--seed 7]

Deterministic (seeded per file, so the first K files of a larger corpus are the
same as a corpus of K). About 60 % HTML pages (ccgp "vF"-like page chrome or a
provincial trading-centre layout) and 40 % plain text; 3-8 KB each. Built from
templates and random fields: ordinary goods / services / works notices, with a
few percent mentioning controlled compute (chips, 8-GPU servers, US clouds, AI
model tokens, GPU rental) and a few percent carrying traps (IDs and phone
numbers containing 4090 / A100, room numbers H20 / H100, RTX 4090D, ban
clauses, 算力 buildings, AWS weather stations, domestic accelerators).
All names are invented. Nothing is copied from any corpus.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

PLACES = ["示例", "样例", "范例", "演示", "测试", "模拟", "虚构", "假设"]
LEVELS = ["市", "省", "县", "区"]
BUYER_KINDS = ["第一中学", "人民医院", "大学", "理工大学", "师范学院", "职业技术学院", "疾病预防控制中心",
               "自然资源局", "交通运输局", "数据局", "气象局", "农业科学院", "中医院", "实验小学",
               "图书馆", "档案馆", "水务集团有限公司", "城市建设投资集团有限公司", "人工智能研究院", "计算中心"]
SUPPLIER_WORDS = ["智算", "信息", "数码", "云联", "恒远", "博通", "鼎新", "华创", "天衡", "启明", "中科", "瑞达"]
SUPPLIER_KINDS = ["科技有限公司", "信息技术有限公司", "系统集成有限公司", "贸易有限公司", "工程有限公司",
                  "医疗器械有限公司", "家具有限公司", "物业管理有限公司"]
AGENCY_KINDS = ["招标代理有限公司", "工程咨询有限公司", "项目管理有限公司", "采购服务有限公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"

ORDINARY = [  # (project, item name, brand, model, unit, price range yuan)
    ("办公家具采购项目", "办公桌椅", "样例家具", "BZ-1200", "套", (800, 3000)),
    ("教学用计算机采购项目", "台式计算机", "样例电脑", "i5/16G/512G", "台", (4000, 7000)),
    ("彩色多普勒超声诊断仪采购项目", "彩色多普勒超声诊断仪", "样例医疗", "US-9", "台", (300000, 900000)),
    ("物业管理服务项目", "物业管理服务", "—", "—", "年", (300000, 3000000)),
    ("道路提升改造工程", "道路改造", "—", "—", "项", (2000000, 30000000)),
    ("网络安全等级保护测评服务", "等保测评", "—", "—", "项", (80000, 400000)),
    ("中央空调维保服务项目", "空调维保", "—", "—", "年", (50000, 300000)),
    ("实验室仪器设备采购项目", "高效液相色谱仪", "样例仪器", "LC-20", "台", (150000, 600000)),
    ("印刷服务采购项目", "印刷服务", "—", "—", "批", (20000, 200000)),
    ("图书采购项目", "纸质图书", "—", "—", "册", (30, 120)),
    ("多媒体教室设备采购项目", "交互式智能平板", "样例显示", "86寸", "台", (8000, 20000)),
    ("数据中心存储扩容项目", "分布式存储", "样例存储", "DS-5000", "套", (500000, 2000000)),
]

POSITIVE = [  # (project, sentence, item row (name, brand, model), qty)
    ("GPU加速卡采购项目", "采购GPU计算加速卡{q}块，用于深度学习模型训练。", ("GPU加速卡", "NVIDIA", "A100 80GB PCIe")),
    ("智能计算服务器采购项目", "采购8卡GPU服务器{q}台，每台配置8块H800 80GB GPU。", ("GPU服务器", "样例", "8卡H800服务器")),
    ("人工智能训练平台建设项目", "采购HGX H100 8-GPU服务器{q}台。", ("AI训练服务器", "样例", "HGX H100 8-GPU")),
    ("大模型推理服务器采购项目", "采购GPU推理服务器{q}台，每台8块NVIDIA H20 96GB。", ("推理服务器", "样例", "8×H20 96GB")),
    ("显卡采购项目", "采购NVIDIA GeForce RTX 4090 24GB显卡{q}张。", ("显卡", "NVIDIA", "RTX 4090 24GB")),
    ("海外云计算资源服务项目", "开通亚马逊云科技（AWS）海外账号，含p4d.24xlarge实例{q}00实例小时。", ("云服务", "AWS", "p4d.24xlarge")),
    ("大模型接口服务项目", "采购Azure OpenAI服务GPT-4o模型调用额度{q}000万tokens。", ("模型接口服务", "Microsoft", "Azure OpenAI")),
    ("GPU算力租赁服务项目", "租用H200 GPU算力{q}0000卡时，单价不高于20元/卡时。", ("算力租赁服务", "—", "H200 卡时")),
    ("加速卡采购项目", "采购A800 80GB加速卡{q}块及配套服务器。", ("加速卡", "英伟达", "A800 80G")),
    ("推理卡采购项目", "采购L40S 48GB推理卡{q}块。", ("推理卡", "NVIDIA", "L40S 48GB")),
]

TRAPS = [  # (project, sentence) - model-like tokens with no controlled purchase
    ("会议室改造项目", "改造办公楼H20会议室、H100报告厅的扩声与显示系统。"),
    ("图形工作站采购项目", "采购图形工作站{q}台，显卡为NVIDIA GeForce RTX 4090D 24GB。"),
    ("国产算力平台采购项目", "采购昇腾910B训练服务器{q}台；不得采用英伟达（NVIDIA）、AMD等境外GPU，不得使用AWS、Azure等境外云。"),
    ("算力产业园配套道路工程", "建设算力产业园配套道路及管网，本项目不含服务器等信息化设备。"),
    ("自动气象站更新项目", "更新自动气象站（AWS）{q}套，含温湿度、风速风向及雨量传感器。"),
    ("推理服务器采购项目", "采购边缘推理服务器{q}台，配置NVIDIA A10 24GB及T4 16GB显卡。"),
    ("海光服务器采购项目", "采购海光DCU服务器{q}台，用于科学计算。"),
]

CLAUSES = [
    "投标人须具有独立承担民事责任的能力，具有良好的商业信誉和健全的财务会计制度。",
    "投标人须具有履行合同所必需的设备和专业技术能力，参加政府采购活动前三年内在经营活动中没有重大违法记录。",
    "本项目落实政府采购促进中小企业发展政策，对小微企业报价给予10%的扣除，用扣除后的价格参与评审。",
    "付款方式：合同签订后支付合同金额的30%，验收合格后支付至95%，余款在质保期满后无息支付。",
    "质保期：自验收合格之日起不少于三年，质保期内免费上门维修，接到报修后2小时内响应。",
    "评标办法：综合评分法，价格分30分，技术分50分，商务分20分。",
    "供应商认为采购文件、采购过程、中标或者成交结果使自己的权益受到损害的，可以在知道或者应知其权益受到损害之日起7个工作日内，以书面形式向采购人、采购代理机构提出质疑。",
    "投标文件应当按照招标文件的要求编制，对招标文件提出的实质性要求和条件作出响应，未作实质性响应的投标将被否决。",
    "中标供应商应在中标通知书发出之日起30日内，按照招标文件和中标供应商投标文件的规定，与采购人签订书面合同。",
    "本项目的交货地点为采购人指定地点，供应商负责运输、安装、调试及培训，相关费用包含在投标报价中。",
    "投标人应对所提供的货物享有合法的所有权，没有侵犯任何第三方的知识产权、商标权或其他权利。",
    "开标时间以北京时间为准，逾期送达或者未按照招标文件要求密封的投标文件，采购人将予以拒收。",
    "本项目不接受联合体投标，不允许转包或违法分包；中标供应商不得将项目非主体、非关键性工作分包。",
    "履约验收由采购人组织，按照合同约定的技术、服务、安全标准进行验收，并出具验收书。",
]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(["示例", "样例", "某某", "测试"])


def _buyer(rng: random.Random) -> str:
    return rng.choice(PLACES) + rng.choice(LEVELS) + rng.choice(BUYER_KINDS)


def _company(rng: random.Random, kinds: list[str]) -> str:
    return rng.choice(PLACES) + rng.choice(SUPPLIER_WORDS) + rng.choice(kinds)


def _phone(rng: random.Random) -> str:
    return f"0{rng.randint(100, 999)}-{rng.randint(20000000, 89999999)}"


def _code(rng: random.Random, year: int) -> str:
    letters = "".join(rng.choice("ABCDEFGHJKLMNPQRSTWXYZ") for _ in range(rng.randint(2, 5)))
    return f"{letters}-{year}{rng.randint(1, 12):02d}{rng.randint(1, 999):03d}{rng.choice(['', '-ZB', '-CG', '-XJ'])}"


def _amount_text(rng: random.Random, yuan: float) -> str:
    style = rng.randrange(4)
    if style == 0:
        return f"{yuan / 10000:.2f}万元"
    if style == 1:
        return f"{yuan:.2f}元"
    if style == 2:
        return f"￥{yuan:,.2f}元"
    return f"人民币{yuan / 10000:.6f}万元"


def notice_fields(rng: random.Random) -> dict[str, Any]:
    """Random fields of one notice: kind, parties, dates, subject, amount, rows."""
    year = rng.randint(2021, 2026)
    kind = rng.choices(["tender", "award", "single_source", "correction"], [45, 40, 8, 7])[0]
    roll = rng.random()
    qty = rng.randint(1, 16)
    if roll < 0.08:
        project, sentence, row = rng.choice(POSITIVE)
        price = rng.randint(50000, 400000)
        rows = [(row[0], row[1], row[2], f"{qty}", price)]
    elif roll < 0.16:
        project, sentence = rng.choice(TRAPS)
        price = rng.randint(20000, 300000)
        rows = [(project.replace("项目", ""), "样例", "详见附件", f"{qty}", price)]
    else:
        project, item, brand, model, unit, (lo, hi) = rng.choice(ORDINARY)
        price = rng.randint(lo, hi)
        sentence = f"采购{item}{qty}{unit}，具体要求详见采购需求。"
        rows = [(item, brand, model, f"{qty}{unit}", price)]
        for _ in range(rng.randint(0, 4)):
            _p2, i2, b2, m2, u2, (lo2, hi2) = rng.choice(ORDINARY)
            rows.append((i2, b2, m2, f"{rng.randint(1, 50)}{u2}", rng.randint(lo2, hi2)))
    total = float(sum(r[4] * (int("".join(c for c in str(r[3]) if c.isdigit()) or "1")) for r in rows))
    buyer = _buyer(rng)
    return {
        "year": year, "month": rng.randint(1, 12), "day": rng.randint(1, 28), "kind": kind,
        "buyer": buyer, "agency": _company(rng, AGENCY_KINDS), "supplier": _company(rng, SUPPLIER_KINDS),
        "project": buyer + project, "sentence": sentence.format(q=qty), "rows": rows, "total": total,
        "code": _code(rng, year), "contact": _name(rng), "phone": _phone(rng), "agency_phone": _phone(rng),
    }


TITLES = {"tender": "公开招标公告", "award": "中标（成交）结果公告", "single_source": "单一来源采购公示",
          "correction": "更正公告"}


def body_lines(f: dict[str, Any], rng: random.Random) -> list[str]:
    """The notice body as lines of text (sections 一、… 九、)."""
    amount = _amount_text(rng, float(f["total"]))
    date = f"{f['year']}年{f['month']:02d}月{f['day']:02d}日"
    lines = [f"一、项目编号：{f['code']}", f"二、项目名称：{f['project']}"]
    if f["kind"] == "award":
        lines += ["三、中标（成交）信息", f"供应商名称：{f['supplier']}", f"供应商地址：{rng.choice(PLACES)}市创新路{rng.randint(1, 200)}号",
                  f"中标（成交）金额：{amount}"]
    elif f["kind"] == "correction":
        lines += ["三、更正信息", f"原公告发布时间：{date}", f"更正事项：预算金额更正为{amount}；开标时间顺延五个工作日。"]
    else:
        lines += ["三、项目基本情况", f"预算金额：{amount}", f"最高限价：{amount}", f"采购需求：{f['sentence']}"]
    lines.append("四、主要标的信息")
    lines.append("序号|名称|品牌|规格型号|数量|单价（元）")
    for n, (name, brand, model, qty, price) in enumerate(f["rows"], 1):
        lines.append(f"{n}|{name}|{brand}|{model}|{qty}|{price:.2f}")
    lines.append(f"五、其他补充事宜：{f['sentence']}")
    lines += ["六、凡对本次公告内容提出询问，请按以下方式联系。", f"1.采购人信息 名称：{f['buyer']} 联系方式：{f['contact']} {f['phone']}",
              f"2.采购代理机构信息 名称：{f['agency']} 联系方式：{f['agency_phone']}",
              f"3.项目联系方式 项目联系人：{f['contact']} 电话：{f['phone']}", f"发布日期：{date}"]
    return lines


def _fill(lines: list[str], rng: random.Random, target: int, overhead: int, per_line: int = 1) -> list[str]:
    """Insert boilerplate clauses until the rendered size reaches about ``target`` bytes."""
    size = overhead + sum(len(line.encode()) + per_line for line in lines)
    extra: list[str] = []
    while True:
        clause = rng.choice(CLAUSES)
        grow = len(clause.encode()) + 22 + per_line
        if size + grow > target:
            break
        extra.append(clause)
        size += grow
    return lines[:-5] + [f"七、补充说明{i + 1}：{c}" for i, c in enumerate(extra)] + lines[-5:]


HTML_HEAD = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="{title}"><meta name="PubDate" content="{pub}">
<meta name="SiteName" content="中国政府采购网"><title>{title}</title>
<link rel="stylesheet" href="/css/main.css"><script src="/_bot_sbu/sbu_fpcm.js"></script></head>
<body><div class="v4incheadertop"><ul>{nav}</ul></div>
<div class="main"><div class="main_container">
<div class="vF_deail_currentloc"><a class="CurrChnlCls">首页</a> » <a class="CurrChnlCls">政采公告</a> » <a class="CurrChnlCls">{chan}</a></div>
<div class="vF_deail_maincontent"><div class="vF_detail_main pzln{rnd}">
<div class="vF_detail_header"><h2 class="tc">{title}</h2><p class="tc"><span id="pubTime">{pub}</span></p></div>
<div class="table"><h5>公告概要：</h5><table width="100%">
<tr><td class="title">采购项目名称</td><td>{project}</td></tr>
<tr><td class="title">采购单位</td><td>{buyer}</td></tr>
<tr><td class="title">行政区域</td><td>{region}</td></tr>
<tr><td class="title">代理机构名称</td><td>{agency}</td></tr>
</table></div>
<div class="vF_detail_content_container"><div class="vF_detail_content">
"""
HTML_TAIL = """</div></div></div></div>
<div class="vF_detail_relcontent"><ul class="c_list_tat">{related}</ul></div>
</div></div><div class="footer">主办单位：示例 | 网站标识码：示例 | 本页为合成基准数据</div></body></html>
"""
NAV = "".join(f"<li><a href=\"/n{i}.shtml\">{t}</a></li>" for i, t in enumerate(
    ["首页", "政采法规", "购买服务", "监督检查", "信息公告", "中央公告", "地方公告", "采购意向", "更正公告",
     "结果公告", "合同公告", "单一来源", "投诉处理", "信用信息", "专家库", "政采商城", "帮助中心"]))


def render_html(f: dict[str, Any], rng: random.Random, target: int) -> str:
    title = f"{f['project']}{TITLES[str(f['kind'])]}"
    pub = f"{f['year']}年{f['month']:02d}月{f['day']:02d}日 {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}"
    related = "".join(f"<li><a href=\"/r{rng.randint(1, 99999)}.htm\">{_buyer(rng)}{rng.choice(ORDINARY)[0]}公告</a></li>"
                      for _ in range(rng.randint(3, 8)))
    head = HTML_HEAD.format(title=title, pub=pub, nav=NAV, chan=rng.choice(["地方公告", "中央公告"]),
                            rnd=rng.randint(10, 99), project=f["project"], buyer=f["buyer"],
                            region=rng.choice(PLACES) + "市", agency=f["agency"])
    tail = HTML_TAIL.format(related=related)
    lines = _fill(body_lines(f, rng), rng, target, len(head.encode()) + len(tail.encode()), per_line=50)
    parts: list[str] = []
    table: list[str] = []
    for line in lines:
        if "|" in line:
            table.append("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("|")) + "</tr>")
            continue
        if table:
            parts.append("<table border=\"1\" cellspacing=\"0\">" + "".join(table) + "</table>")
            table = []
        parts.append(f"<p style=\"line-height:1.5\"><span>{line}</span></p>")
    return head + "\n".join(parts) + "\n" + tail


def render_txt(f: dict[str, Any], rng: random.Random, target: int) -> str:
    title = f"{f['project']}{TITLES[str(f['kind'])]}"
    lines = _fill(body_lines(f, rng), rng, target, len(title.encode()) + 2, per_line=1)
    return title + "\n\n" + "\n".join(line.replace("|", "  ") for line in lines) + "\n"


def generate(out: Path, n: int, seed: int = 7) -> list[Path]:
    """Write ``n`` notices into ``out`` (created); return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        rng = random.Random(f"{seed}-{i}")
        fields = notice_fields(rng)
        target = rng.randint(3300, 8000)
        if rng.random() < 0.6:
            path, text = out / f"n{i:06d}.html", render_html(fields, rng, target)
        else:
            path, text = out / f"n{i:06d}.txt", render_txt(fields, rng, target)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.n, args.seed)
    sizes = sorted(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} notices to {args.out}: sizes {sizes[0]}-{sizes[-1]} bytes, "
          f"median {sizes[len(sizes) // 2]}")


if __name__ == "__main__":
    main()
