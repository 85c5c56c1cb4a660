"""Held-out families of issue 10, each as a mechanism, in our own words."""

from __future__ import annotations

from tenderwatch.model import DocResult
from tenderwatch.notice.layout import prepare
from tenderwatch.notice.offices import institution
from tenderwatch.notice.parse import _full_english_name
from tenderwatch.pipeline import process_bytes


def _run(body: str) -> DocResult:
    text = "星河研究所设备采购项目询价公告\n项目编号：XH-2024-88\n采购人：星河研究所\n" + body + "\n发布日期：2024年7月1日\n"
    (result,) = process_bytes(text.encode("utf-8"), "n.txt")
    return result


def test_rtx_6000_with_48gb_is_the_ada_card() -> None:
    result = _run("采购内容：专业显卡 NVIDIA RTX 6000 48GB 2块。")
    assert result.relevant
    assert [f.item for f in result.findings if not f.negated] == ["RTX 6000 Ada"]


def test_rtx_6000_with_24gb_is_not_the_ada_card() -> None:
    result = _run("采购内容：专业显卡 NVIDIA Quadro RTX 6000 24GB 2块。")
    assert "RTX 6000 Ada" not in [f.item for f in result.findings]


def test_refusing_a_substitute_in_brackets_keeps_the_named_card() -> None:
    result = _run("采购内容：租用GPU算力50,000卡时，型号须为RTX 4090 24GB（不接受RTX 4090D等替代型号）。")
    live = [f.item for f in result.findings if not f.negated]
    assert result.relevant and live == ["RTX 4090"]
    assert [f.item for f in result.findings if f.negated] == ["RTX 4090D"]


def test_a_plain_exclusion_after_the_card_still_negates_it() -> None:
    result = _run("采购内容：办公电脑20台，RTX 4090显卡不接受。")
    assert not result.relevant


def test_purchasing_office_gives_its_institution_as_buyer() -> None:
    text = "云岫大学计算平台采购公告\n采购单位：云岫大学设备与实验室管理处\n采购需求：A100 80GB显卡4块\n"
    (result,) = process_bytes(text.encode("utf-8"), "n.txt")
    assert result.notice is not None and result.notice.buyer is not None
    assert result.notice.buyer.value == "云岫大学"
    assert result.text[result.notice.buyer.start:result.notice.buyer.end] == "云岫大学"


def test_a_faculty_named_as_buyer_stays() -> None:
    assert institution("云岫大学计算机学院") == "云岫大学计算机学院"
    assert institution("云岫大学国有资产与采购管理处") == "云岫大学"
    assert institution("港湾学院资讯科技处") == "港湾学院"
    assert institution("云岫人民医院") == "云岫人民医院"


def test_english_notice_buyer_label_alias_and_back_reference() -> None:
    text = ("Public Tender No. 3/HCA/2025\nEntity conducting the tender: Harbour Computing Academy "
            "(the \"Academy\").\nSubject: supply of two GPU servers with eight NVIDIA H100 SXM5 80GB each.\n"
            "Dated: 14.02.2025\n")
    (result,) = process_bytes(text.encode("utf-8"), "en.txt")
    assert result.notice is not None and result.notice.buyer is not None
    assert result.notice.buyer.value == "Harbour Computing Academy"
    assert result.notice.notice_date is not None and result.notice.notice_date.value == "2025-02-14"
    award = ("Notice of Award\nName of Contractor\tPearl Delta Systems Limited\nContract Sum\tHK$820,000.00\n"
             "The College awarded the contract for four NVIDIA A100 80GB GPU servers.\n"
             "Date of publication: 2 May 2024\n© 2024 Kowloon Bay College of Technology. All rights reserved.\n")
    (result,) = process_bytes(award.encode("utf-8"), "award.txt")
    assert result.notice is not None
    assert [s.value for s in result.notice.suppliers] == ["Pearl Delta Systems Limited"]
    assert _full_english_name(award, "The College") == ("Kowloon Bay College of Technology", award.index("Kowloon"))
    assert _full_english_name(award, "Harbour Academy") is None


def test_an_english_letterhead_does_not_run_into_the_next_line() -> None:
    page = ("The Harbour University of Science\nTender Notice: Supply of GPU Computing Servers\n"
            "Tender Reference: T/2025/031\nDate of Issue: 5 May 2025\nThe Harbour University of Science invites "
            "tenders for two GPU computing servers, each with eight NVIDIA H200 141GB SXM GPUs.\n")
    (result,) = process_bytes(page.encode("utf-8"), "hk-tender.txt")
    assert result.relevant and result.notice is not None and result.notice.buyer is not None
    assert result.notice.buyer.value == "The Harbour University of Science"
    # a name a PDF broke after a word that cannot end it goes on to the next line
    wrapped = "Tender Notice\nThe Hong Kong University of Science and\nTechnology invites tenders for A100 GPU servers.\n"
    (result,) = process_bytes(wrapped.encode("utf-8"), "wrapped.txt")
    assert result.notice is not None and result.notice.buyer is not None
    assert " ".join(str(result.notice.buyer.value).split()) == "The Hong Kong University of Science and Technology"


def test_an_english_back_reference_is_named_from_the_pages_title_when_the_text_does_not_name_it() -> None:
    page = ("<html><head><title>Notice of Award - GPU Servers | Harbour Bay College of Technology</title></head><body>"
            "<header><div class='brand'>Harbour Bay College of Technology</div><nav><a>Home</a></nav></header>"
            "<main><h1>Notice of Award of Contract</h1><table>"
            "<tr><th>Tender Reference</th><td>HBC/T/2024/07</td></tr>"
            "<tr><th>Subject</th><td>Supply of four GPU servers with NVIDIA A100 80GB</td></tr>"
            "<tr><th>Name of Contractor</th><td>Pearl Delta Systems Limited</td></tr>"
            "<tr><th>Contract Sum</th><td>HK$820,000.00</td></tr></table>"
            "<p>The College awarded the contract to the tenderer with the lowest conforming price.</p>"
            "<p>Date of publication: 2 May 2024</p></main>"
            "<footer>© Harbour Bay College of Technology. All rights reserved.</footer></body></html>")
    (result,) = process_bytes(page.encode("utf-8"), "award.html")
    assert result.relevant and result.notice is not None and result.notice.buyer is not None
    assert result.notice.buyer.value == "Harbour Bay College of Technology"


BIG5_PAGE = """<html><head><meta charset="big5"></head><body><div class="crumb">首頁 &gt; 消息</div>
<h2>數據實驗室圖形卡報價邀請</h2><div class="meta">2025-03-04</div>
<p>採購單位：九龍灣理工學院資訊科技處</p>
<p>本院現邀請供應商就以下物品提供報價：NVIDIA L40S 48GB GPU 四張。</p>
<p>報價截止日期：2025年3月18日中午12時</p>
<p>發出日期：2025年3月4日</p></body></html>"""


def test_office_on_its_own_line_and_a_deadline_date_in_a_traditional_page() -> None:
    (result,) = process_bytes(BIG5_PAGE.encode("big5"), "hk.html")
    assert result.notice is not None
    assert result.notice.buyer is not None and result.notice.buyer.value == "九龙湾理工学院"
    assert result.notice.notice_date is not None and result.notice.notice_date.value == "2025-03-04"
    assert result.notice.notice_type == "tender"


def test_space_aligned_key_value_block_gives_parties_amount_and_date() -> None:
    text = ("政府采购合同公告\n\n合同编号        LHU-HT-2024-77\n采购人（甲方）  临海大学\n"
            "供应商（乙方）  宁波瀚渊数据服务有限公司\n合同金额（元）  980,000.00\n签订日期        2024-09-02\n"
            "公告日期        2024-09-05\n\n合同主要标的：AWS p4d.24xlarge 实例（8×A100）使用额度一年。\n")
    (result,) = process_bytes(text.encode("utf-8"), "kv.txt")
    notice = result.notice
    assert notice is not None and result.relevant
    assert notice.buyer is not None and notice.buyer.value == "临海大学"
    assert [s.value for s in notice.suppliers] == ["宁波瀚渊数据服务有限公司"]
    assert result.amount_cny == 980000.0
    assert notice.notice_date is not None and notice.notice_date.value == "2024-09-05"


def test_one_aligned_line_of_prose_is_left_alone() -> None:
    prose = "采购人  现将有关事项公告如下\n其余内容\n"
    assert prepare(prose) == prose


def test_a_space_aligned_table_is_read_as_a_table() -> None:
    """An intention list copied as text, columns aligned with runs of spaces (as a PDF or a copied table
    gives them): the budget is the controlled row's cell, not another row's and not lost (before: none)."""
    text = ("云岭省人民医院2024年7至9月政府采购意向\n\n现将采购意向公开如下:\n\n"
            "序号    采购项目名称    采购需求概况    预算金额(万元)    预计采购时间\n"
            "1    医学影像AI训练平台    GPU服务器4台(每台8卡,NVIDIA H20 96GB),配套存储    960    2024年8月\n"
            "2    办公家具采购    办公桌椅一批    45    2024年7月\n\n云岭省人民医院\n2024年6月25日\n")
    (result,) = process_bytes(text.encode("utf-8"), "intent.txt")
    assert result.relevant and result.notice is not None
    assert result.amount_cny == 9_600_000.0
    prepared = prepare(text)
    assert len(prepared) == len(text) and prepared.count("\t") == 12  # 4 gaps x 3 lines, each gap's first space
    assert prepared.splitlines()[5].split("\t")[3].strip() == "960"


def test_aligned_columns_without_a_header_of_known_names_are_left_alone() -> None:
    text = "甲方    乙方    丙方\n张三    李四    王五\n"
    assert prepare(text) == text


def test_the_platform_a_buyer_already_runs_is_not_what_it_buys() -> None:
    """"现有智能计算平台采用NVIDIA A100服务器" describes the platform the bank has (the owned-equipment word
    sits further before the token than the old 12-character window saw); the notice buys domestic
    servers to replace it (before: a lead for A100)."""
    result = _run("项目背景：我行现有智能计算平台采用NVIDIA A100服务器，本项目采购国产AI服务器替换原有A100服务器。\n"
                  "采购内容：国产AI训练服务器12台（每台8颗昇腾910B），不接受英伟达产品。\n预算金额：2350万元\n")
    assert not result.relevant
    assert all(f.negated for f in result.findings if f.item == "A100")


def test_a_purchase_for_an_existing_room_or_cluster_still_buys_the_card() -> None:
    for body in ("为现有智能计算集群新增GPU服务器4台，每台配置8块NVIDIA H100 80GB。",
                 "在现有机房部署GPU服务器2台，每台配置8张NVIDIA A800 SXM。"):
        result = _run(body + "\n预算金额：980万元\n")
        assert result.relevant, body


def test_an_english_tender_result_notice_is_an_award_with_its_entity_and_winner() -> None:
    """"Public Tender Result Notice", "Entity:", "The contract was awarded to X for ..." (before: a tender
    with neither buyer nor supplier)."""
    text = ("MACAO SPECIAL ADMINISTRATIVE REGION\nPublic Tender Result Notice\n\nTender No.: 07/ABC/2024\n"
            "Subject: Acquisition of AI Computing Equipment\nEntity: Bureau of Data Services\n"
            "Date of publication: 2024-05-30\n\nThe contract was awarded to Beta Systems Trading Limited for the "
            "supply of two AI servers with NVIDIA A100 80GB GPUs (8 per server), for MOP 3,420,000.\n")
    (result,) = process_bytes(text.encode("utf-8"), "result.txt")
    notice = result.notice
    assert result.relevant and notice is not None
    assert notice.notice_type == "award"
    assert notice.buyer is not None and notice.buyer.value == "Bureau of Data Services"
    assert [s.value for s in notice.suppliers] == ["Beta Systems Trading Limited"]
    assert result.amount_cny is None  # MOP only: no yuan figure


def test_a_court_judgment_retelling_a_smuggled_purchase_is_not_a_notice() -> None:
    """A judgment quotes a purchase contract for H100 servers and its amount; '本院' is the court, not a
    hospital buying (before: a notice with an award of 25.2 million yuan)."""
    text = ("李某走私普通货物罪一审刑事判决书\n发布日期:2025-09-12\n公诉机关指控:2024年3月,被告人李某以某某科技有限公司"
            "名义与买方签订采购合同,出售搭载NVIDIA H100 GPU的服务器12台,合同总金额人民币2520万元。\n"
            "本院认为,被告人李某的行为已构成走私普通货物罪。判决如下:被告人李某犯走私普通货物罪,判处有期徒刑三年。\n"
            "审判长 王某\n书记员 张某\n")
    (result,) = process_bytes(text.encode("utf-8"), "judgment.txt")
    assert result.doc_kind == "news" and not result.relevant
    assert result.amount_cny is None


def test_a_courts_own_procurement_notice_stays_a_notice() -> None:
    text = ("某某市中级人民法院智能审判辅助平台GPU服务器采购项目招标公告\n项目编号:FY-2024-09\n采购人:某某市中级人民法院\n"
            "采购需求:GPU服务器2台,每台配置8块NVIDIA A800 80GB。\n预算金额:380万元\n发布日期:2024年3月5日\n")
    (result,) = process_bytes(text.encode("utf-8"), "court-notice.txt")
    assert result.doc_kind == "notice" and result.relevant
    assert result.amount_cny == 3_800_000.0


def test_a_correction_quoting_the_whole_requirement_gives_the_corrected_budget() -> None:
    """"原“GPU服务器4台,每台8块NVIDIA A800 80GB,预算金额:500万元”更正为“GPU服务器4台,…,预算金额:520万元”":
    the counts and the model number after 更正为 are not amounts (before: 800 yuan, the A800's number)."""
    text = ("智能计算服务器采购项目更正公告\n发布日期:2024-06-03\n原公告的采购项目编号:YJY-2024-041\n采购人:星河研究院\n"
            "更正内容:原“GPU服务器4台,每台8块NVIDIA A800 80GB,预算金额:500万元”更正为“GPU服务器4台,每台8块NVIDIA A800 "
            "80GB,预算金额:520万元”。\n")
    (result,) = process_bytes(text.encode("utf-8"), "correction.txt")
    assert result.relevant and result.notice is not None and result.notice.notice_type == "correction"
    assert result.amount_cny == 5_200_000.0


def test_a_bare_corrected_figure_right_after_the_marker_still_counts() -> None:
    text = ("设备采购项目更正公告\n发布日期:2024-06-03\n采购人:星河研究院\n采购需求:GPU服务器2台,每台8块NVIDIA H100。\n"
            "预算金额(万元):由“300”更正为“320”\n")
    (result,) = process_bytes(text.encode("utf-8"), "correction2.txt")
    assert result.amount_cny == 3_200_000.0


def test_cards_for_servers_the_buyer_has_are_chips_whatever_the_title_says() -> None:
    """A title that buys "服务器" and a body that buys GPU cards to upgrade the servers the buyer has: the
    cards are chips (before: 'server', from the title)."""
    text = ("高性能计算服务器扩容采购公告\n发布日期:2024-11-05\n采购人:星河研究所\n预算金额:260万元\n"
            "采购需求:英伟达H-100显卡8张,用于现有服务器扩容升级。\n")
    (result,) = process_bytes(text.encode("utf-8"), "upgrade.txt")
    kept = [f for f in result.findings if not f.negated]
    assert result.relevant and {(f.item, f.category) for f in kept} == {("H100", "chip")}


def test_a_server_title_with_servers_in_the_body_stays_a_server_purchase() -> None:
    text = ("高性能计算服务器采购公告\n发布日期:2024-11-05\n采购人:星河研究所\n预算金额:260万元\n"
            "采购需求:配置8张H100显卡的GPU服务器1台。\n")
    (result,) = process_bytes(text.encode("utf-8"), "server.txt")
    assert result.relevant and {f.category for f in result.findings if not f.negated} == {"server"}
