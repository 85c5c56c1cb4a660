"""Labels for heldout2 (meanings: ../shared/corpus/README.md). Written to corpus/labels-heldout2.jsonl."""

from __future__ import annotations

# file, relevant, categories, items, providers, buyer, suppliers, amount_cny, notice_date, notice_type, lang, note
ROWS: list[tuple[object, ...]] = [
    ("h2-01.html", True, ["server"], ["H800"], [], "西南大学", ["重庆锐川数智科技有限公司"], 4865000.0, "2024-03-26", "award", "zh-Hans",
     "ccgp award; Inspur NF5688M7 with 8xH800 SXM5 only in 规格型号 cell; 总中标金额 in 万元, body with separators"),
    ("h2-02.html", True, ["chip"], ["H100"], [], "山东大学", [], 960000.0, "2024-01-08", "tender", "zh-Hans",
     "GBK provincial page; 4 x H100 80GB PCIe; 预算金额 96万 wins over 最高限价 95万 (7 decimals)"),
    ("h2-03.txt", True, ["ai_model"], [], ["OpenAI"], "苏州湖畔人工智能研究院", ["香港启澜科技有限公司"], 234000.0, "2025-06-12", "single_source", "zh-Hans",
     "single source ChatGPT Enterprise seats + OpenAI API via HK reseller; date 2025.06.12; 大写 + ¥; USD credit is not the budget"),
    ("h2-04.docx", True, ["server"], [], [], "天津滨瀚计算科学研究院", [], 4500000.0, "2024-11-05", "tender", "zh-Hans",
     "spec-only: 8-GPU SXM4, FP16 >=624 / INT8 >=1248 given as SPARSE figures (dense 312/624 -> TPP 4992, A100-class), no model name; date in 二〇二四年十一月五日"),
    ("h2-05.pdf", True, ["server"], ["H20"], [], "陕西秦川智能制造研究院", ["西安蓝桥信创科技有限公司"], 2690000.0, "2025-07-22", "award", "zh-Hans",
     "PDF award: Dell PowerEdge XE9680 with 8 x H20 96GB"),
    ("h2-06.html", True, ["chip"], ["RTX 4090"], [], "广东岭南智能研究院", ["深圳市华芯汇通科技有限公司"], 176000.0, "2024-02-27", "award", "zh-Hant",
     "Big5 traditional page; 8 x RTX 4090 (非D版; RTX 4090D only in a refusal); amount only in traditional 大写; names converted to simplified"),
    ("h2-07.html", True, ["rental"], ["H200"], [], "北京航空航天大学", [], 680000.0, "2025-09-03", "tender", "zh-Hans",
     "university portal with nav chrome; rent >=H200-class compute 16000 卡时; 使用单位 人工智能研究院 differs from 采购人"),
    ("h2-08.txt", True, ["ai_model"], [], ["Microsoft Azure", "OpenAI"], "浙江之澜数字医学研究中心", ["杭州云栖澜汇科技有限公司"], 376000.0, "2025-03-18", "award", "zh-Hans",
     "Azure OpenAI (GPT-4o) on 21Vianet Azure via partner; 37.6万元"),
    ("h2-09.html", True, ["server"], ["A800"], [], "江苏省淮海大数据研究院", [], 3500000.0, "2024-05-10", "intention", "zh-Hans",
     "intention list in ccgp template without summary table; row 2 '8卡A800' 350.00 under header 预算金额（万元）; other rows unrelated"),
    ("h2-10.docx", True, ["chip"], ["Gaudi 3"], [], "南京江北新区智能计算研究院", ["南京锐算信息技术有限公司"], 1968000.0, "2025-01-15", "contract", "zh-Hans",
     "DOCX contract notice in key/value table; 8 x Intel Gaudi 3 PCIe HL-338; notice date is 合同公告日期 not 签订日期"),
    ("h2-11.pdf", True, ["cloud"], ["H100"], ["AWS"], "深圳湾生命信息研究院", [], 500000.0, "2024-06-20", "tender", "zh-Hans",
     "PDF; AWS 国际版 account via reseller; GPU only via p5.48xlarge (=8xH100); 含税 50万 and 不含税 given"),
    ("h2-12.html", True, ["chip"], ["L40S"], [], "Kowloon Institute of Applied Computing", [], None, "2025-03-12", "tender", "en",
     "English HK RFQ for 2 x L40S; value only in HKD so amount null; date '12 March 2025'"),
    ("h2-13.txt", True, ["cloud"], ["H100"], ["Google Cloud"], "Straits Centre for Computational Biology", ["Merlion Cloud Partners Pte. Ltd."], None, "2025-08-04", "award", "en",
     "English Singapore award of Google Cloud credits; a3-highgpu-8g (8xH100) named; SGD only so amount null"),
    ("h2-14.html", True, ["server"], ["B200"], [], "武汉光谷智算创新研究院", [], 7200000.0, "2025-10-09", "correction", "zh-Hans",
     "ccgp correction: budget 680万 -> 720万 (corrected value); HGX B200 8-GPU"),
    ("h2-15.docx", True, ["ai_model"], [], ["Google", "Google Cloud"], "广州南粤外语学院", ["广州云帆数智科技有限公司"], 158000.0, "2025-04-02", "single_source", "zh-Hans",
     "DOCX single source: Gemini API via Vertex AI through a Google Cloud partner; providers follow the Claude-via-Bedrock convention (model maker + cloud)"),
    ("h2-16.txt", True, ["rental"], ["A800"], [], "成都天府新区人工智能产业研究院", ["成都星汉算力科技有限公司"], None, "2024-10-30", "award", "zh-Hans",
     "monthly rental of 2 x 8卡A800 servers; award amount only a 下浮率 -> null; date 2024/10/30"),
    ("h2-17.html", True, ["server"], ["H20"], [], "华东联合数据通信有限公司", ["上海智联恒宇科技有限公司"], 11300000.0, "2025-02-14", "award", "zh-Hans",
     "SOE portal 中选结果公示; 10 x 8卡 HGX H20; 含税 1130万 (不含税 1000万 also given); 中选人 label"),
    ("h2-18.pdf", True, ["server"], ["H800"], [], "合肥庐州先进计算中心", ["安徽云衡数据科技有限公司"], 126000000.0, "2023-08-30", "award", "zh-Hans",
     "PDF award, 32 x H3C UniServer R5500 G6 (HGX H800 8-GPU); amount 1.26亿元; Aug 2023, before H800 became controlled"),
    ("h2-19.html", True, ["chip"], ["RTX 6000 Ada"], [], "福建闽江数字媒体学院", [], 960000.0, "2024-09-12", "tender", "zh-Hans",
     "GBK page; two lots, lot 2 = 6 x RTX 6000 Ada (96万, table cell without unit, header 万元); total 216万 is not the label"),
    ("h2-20.txt", True, ["cloud"], ["H100"], ["Oracle Cloud"], "海南自贸港国际数据研究院", [], 1200000.0, "2025-11-20", "tender", "zh-Hans",
     "Oracle Cloud (OCI 国际版) BM.GPU.H100.8 instance hours via reseller"),
    ("h2-21.html", False, [], ["Hygon DCU"], [], "冀中智能计算研究院", ["石家庄中科信合科技有限公司"], 3128000.0, "2025-04-18", "award", "zh-Hans",
     "hard negative: '8卡' server with Hygon DCU K100_AI (domestic)"),
    ("h2-22.txt", False, [], ["RTX 3090"], [], "东川职业技术学院", [], 560000.0, "2023-03-15", "tender", "zh-Hans",
     "hard negative: RTX 3090 workstations (uncontrolled consumer card)"),
    ("h2-23.html", False, [], [], [], "华北水利工程职业学院", [], 3860000.0, "2024-04-22", "tender", "zh-Hans",
     "hard negative: AWS D1.1 welding code in a steel-structure works tender; amount is 最高投标限价"),
    ("h2-24.txt", False, [], [], [], "洱源县气象局", ["昆明天衡气象仪器有限公司"], 428600.0, "2024-07-09", "award", "zh-Hans",
     "hard negative: AWS = automatic weather station"),
    ("h2-25.docx", False, [], [], [], "江西省赣鄱社会保险数据中心", ["南昌数联信息技术有限公司"], 865000.0, "2025-05-28", "award", "zh-Hans",
     "hard negative: Oracle (甲骨文) Database on-prem licence support renewal, no cloud"),
    ("h2-26.html", False, [], [], [], "泉州市第三人民医院", [], 1860000.0, "2025-01-06", "tender", "zh-Hans",
     "hard negative: GPT = ALT lab test reagent"),
    ("h2-27.txt", False, [], [], [], None, [], None, "2025-04-16", "other", "zh-Hans",
     "hard negative: news article on H20 licence rule naming A100/H100/H200/AWS/Azure; no buyer, no amount"),
    ("h2-28.html", False, [], [], [], "临江市干部教育培训中心", [], 320000.0, "2025-03-05", "tender", "zh-Hans",
     "hard negative: training course whose content covers ChatGPT/Claude/Gemini"),
    ("h2-29.pdf", False, [], [], [], "武汉东湖算力产业园建设发展有限公司", [], 235000000.0, "2025-06-30", "tender", "zh-Hans",
     "hard negative: 算力产业园 construction works (IT equipment excluded); 最高投标限价 2.35亿元"),
    ("h2-30.html", False, [], ["Ascend 910B"], [], "新疆天山智能计算中心", [], 14800000.0, "2025-12-01", "tender", "zh-Hans",
     "hard negative: 8卡 Ascend 910B servers; A100/A800/H100/H800/H20 only in an exclusion clause"),
    ("h2-31.txt", False, [], [], [], "赣江新区管理委员会办公室", [], 268000.0, "2025-08-19", "tender", "zh-Hans",
     "hard negative: H200 in project code, B200/H100/A800 are rooms, 4090 in phone number; AV refit"),
    ("h2-32.html", False, [], ["RTX A4000"], [], "云南工艺美术学院", ["昆明图灵视界科技有限公司"], 372000.0, "2024-12-11", "award", "zh-Hans",
     "hard negative: RTX A4000 workstations (not A40/A100)"),
    ("h2-33.docx", False, [], ["Ascend 910B"], [], "黔东南大数据研究院", ["贵州黔云智算科技有限公司"], 1260000.0, "2025-03-27", "award", "zh-Hans",
     "hard negative: 算力租赁 in 卡时 but of domestic Ascend 910B compute"),
    ("h2-34.html", False, [], [], [], "厦门市思明区政务服务中心", [], 800000.0, "2025-05-06", "tender", "zh-Hant",
     "hard negative (Big5): domestic LLM API; ChatGPT/Claude/Gemini only in a ban clause; budget in traditional 大写"),
    ("h2-35.txt", False, [], [], [], "华信职业学院", ["杭州恒通光电科技有限公司"], 96540.0, "2024-10-15", "award", "zh-Hans",
     "hard negative: A100/4090/H800/B200 inside cable part numbers and a phone number"),
    ("h2-36.pdf", False, [], ["T4"], [], "鄂州市城市管理执法委员会", [], 360000.0, "2024-08-08", "tender", "zh-Hans",
     "hard negative: Alibaba Cloud gn6i GPU instances (NVIDIA T4, uncontrolled) on a domestic cloud"),
]

CRAWL: list[tuple[object, ...]] = [
    ("h2-crawl.json#TW88017", True, ["server"], ["H100"], [], "宁波甬江智能感知实验室", ["宁波云鲸科技有限公司"], 3298000.0, "2024-12-05", "award", "zh-Hans",
     "crawl record: DGX H100 award; structured winAmount string"),
    ("h2-crawl.json#TW88018", False, [], [], [], "宁海县教育局", ["宁海县文印办公设备有限公司"], 84600.0, "2024-12-06", "award", "zh-Hans",
     "crawl record negative: a100/4090/a800 inside attachmentId; printers"),
    ("h2-crawl.json#TW88019", True, ["cloud"], ["L4"], ["AWS"], "浙东海洋科学研究院", [], 280000.0, "2024-12-09", "tender", "zh-Hans",
     "crawl record: AWS overseas account, g6.12xlarge (4xL4)"),
    ("h2-crawl.json#TW88020", False, [], [], [], "舟山市大数据发展管理局", [], 450000.0, "2024-12-10", "tender", "zh-Hans",
     "crawl record negative: 通义千问 API on Alibaba government cloud"),
]

KEYS = ("file", "relevant", "categories", "items", "providers", "buyer", "suppliers", "amount_cny", "notice_date",
        "notice_type", "lang", "note")


def rows(include_crawl: bool) -> list[dict[str, object]]:
    out = []
    for row in ROWS + (CRAWL if include_crawl else []):
        item = dict(zip(KEYS, row, strict=True))
        item["case"] = None
        out.append(item)
    return out
