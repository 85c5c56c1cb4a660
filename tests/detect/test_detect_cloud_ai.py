"""US clouds, instance types, AI services and rental (table-driven)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Runner = Callable[..., Any]

# (text, relevant, categories, items, providers)
CASES = [
    ("采购亚马逊云科技（AWS）海外区域云服务账号1个，可调用搭载NVIDIA A100、H100 GPU的云服务器实例",
     True, ["cloud"], ["A100", "H100"], ["AWS"]),
    ("续费AWS海外区域组织账号，含EC2 p4d.24xlarge GPU实例预留额度约6,000实例小时",
     True, ["cloud"], ["A100"], ["AWS"]),
    ("实例类型 p5.48xlarge，区域us-east-1，4,000实例小时；由亚马逊云科技合作伙伴经销",
     True, ["cloud"], ["H100"], ["AWS"]),
    ("谷歌云（Google Cloud Platform）计算资源服务：a2-highgpu-8g实例使用时长1,200小时",
     True, ["cloud"], ["A100"], ["Google Cloud"]),
    ("Google Cloud 账号：g2-standard-48 实例 3,000 小时", True, ["cloud"], ["L4"], ["Google Cloud"]),
    ("Azure 订阅：Standard_ND96asr_v4 虚拟机 500 小时，由世纪互联运营的Microsoft Azure",
     True, ["cloud"], ["A100"], ["Microsoft Azure"]),
    ("微软云Azure ND H100 v5 实例 200 小时", True, ["cloud"], ["H100"], ["Microsoft Azure"]),
    ("甲骨文云（Oracle Cloud Infrastructure）年度订阅，含BM.GPU.H100.8裸金属实例",
     True, ["cloud"], ["H100"], ["Oracle Cloud"]),
    ("OCI shape BM.GPU4.8 by Oracle Cloud, 12 months", True, ["cloud"], ["A100"], ["Oracle Cloud"]),
    ("甲骨文云（Oracle Cloud Infrastructure）年度订阅，ERP灾备", True, ["cloud"], [], ["Oracle Cloud"]),
    # AI services
    ("Microsoft Azure OpenAI服务（GPT-4o、GPT-4 Turbo模型）调用额度5000万tokens，提供专属Azure订阅及API密钥",
     True, ["ai_model"], [], ["Microsoft Azure", "OpenAI"]),
    ("OpenAI API（GPT-4o）调用额度及Google Gemini 1.5 Pro API调用额度，合计3亿tokens",
     True, ["ai_model"], [], ["Google", "OpenAI"]),
    ("ChatGPT Team（年付）20个席位", True, ["ai_model"], [], ["OpenAI"]),
    ("亚马逊云科技（AWS）全球区域Amazon Bedrock生成式AI服务：Anthropic Claude 3.5 Sonnet模型推理调用",
     True, ["ai_model"], [], ["AWS", "Anthropic"]),
    ("采购亚马逊云科技（AWS）海外区域企业账号1个，账号须开通Amazon Bedrock服务，通过API调用Claude 3系列模型",
     True, ["ai_model", "cloud"], [], ["AWS", "Anthropic"]),
    # TPUs are the cloud's compute, bought beside the model (before: the cloud was ancillary to Gemini)
    ("Google Cloud Vertex AI 平台 Gemini 模型 API 调用及 TPU 资源，通过授权代理商采购",
     True, ["ai_model", "cloud"], [], ["Google", "Google Cloud"]),
    # the account named again ("该AWS账号") is the one the model is bought through, not a cloud account of its own
    ("通过亚马逊云科技（AWS）Amazon Bedrock服务调用Anthropic Claude 3.5 Sonnet模型。\n"
     "供应商为该AWS账号的签约合作伙伴，负责账号结算与技术支持。",
     True, ["ai_model"], [], ["AWS", "Anthropic"]),
    ("通过AWS Bedrock调用Claude模型。\n该AWS账号另需开通EC2 GPU实例2台。",
     True, ["ai_model", "cloud"], [], ["AWS", "Anthropic"]),
    # the VMs and storage that come with the AI service stay ancillary
    ("由世纪互联运营的Microsoft Azure OpenAI服务，GPT-4o调用资源及配套Azure虚拟机、Azure Blob存储资源",
     True, ["ai_model"], [], ["Microsoft Azure", "OpenAI"]),
    # rental
    ("租赁H200级别GPU算力，累计不少于20000卡时", True, ["rental"], ["H200"], []),
    ("GPU算力服务：租用基于NVIDIA A800（80GB）GPU的算力服务，总量不少于30000卡时", True, ["rental"], ["A800"], []),
    ("服务范围：H100 算力 2000卡时\n服务要求：提供NVIDIA H100 80GB SXM 8卡节点", True, ["rental"], ["H100"], []),
    ("阿里云GPU云服务器（NVIDIA A100 80GB）包年包月租用", True, ["rental"], ["A100"], []),
    ("租用RTX 4090D显卡算力 1000卡时", False, [], ["RTX 4090D"], []),
]

NEGATIVES = [
    "云平台须为天翼云、移动云等国内云；不得采用境外云服务商（如亚马逊AWS、微软Azure、谷歌云Google Cloud等）提供的任何资源。",
    "AWS自动气象站 2套，含风速风向传感器",
    "钢结构焊接须符合AWS D1.1标准",
    "Oracle数据库企业版许可 2 CPU，含一年原厂维保",
    "Oracle数据库一体机维保服务",
    "谷丙转氨酶（GPT）测定试剂盒 100盒；ALT/GPT 检测",
    "窗帘颜色：Azure蓝，面料遮光",
    "培训内容：ChatGPT、GPT-4、Claude、文心一言等生成式AI工具在备课中的应用案例",
    "所调用大模型须为国产大模型（如DeepSeek、通义千问），不得调用OpenAI（ChatGPT/GPT-4）、Anthropic（Claude）、Google Gemini等境外大模型接口",
    "模型效果须达到GPT-4水平，部署于本地国产算力",
    "提供兼容OpenAI API格式的推理接口，模型为DeepSeek-R1",
    "对象存储兼容Amazon S3协议，容量2PB",
    "阿里云政务云资源续费 12个月",
    "泉州市政务云及AI算力云资源服务（天翼云、华为云）",
    "药物临床试验机构GCP认证咨询服务",
    "2026年中国联通漳州市分公司电竞云网咖算力服务询比采购项目",
]


@pytest.mark.parametrize(("text", "relevant", "categories", "items", "providers"), CASES)
def test_cases(detect_text: Runner, text: str, relevant: bool, categories: list[str], items: list[str],
               providers: list[str]) -> None:
    result = detect_text(text, "2025-03-01")
    assert (result.relevant, result.categories, result.items, result.providers) == (
        relevant, categories, items, providers)


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(detect_text: Runner, text: str) -> None:
    assert not detect_text(text, "2025-03-01").relevant


def test_instance_reason_and_quantity(detect_text: Runner) -> None:
    result = detect_text("AWS账号：p4d.24xlarge 实例 100 小时", "2025-03-14")
    finding = next(f for f in result.findings if f.item == "A100")
    assert finding.quantity == 8
    assert "p4d.24xlarge -> 8xA100" in finding.reason
    assert "not an export" in finding.control_status


def test_cloud_status_says_remote_access_is_not_an_export(detect_text: Runner) -> None:
    result = detect_text("采购亚马逊云科技（AWS）海外区域云服务账号1个", "2024-03-18")
    assert result.findings[0].rule.startswith("EAR: remote access not an export")


MORE_NEGATIVES = [
    "项目成员须具有AWS认证解决方案架构师证书或Azure认证工程师证书",
    "平台须支持对接AWS、Azure等公有云，本期部署于政务云",
    "采购多云管理平台软件，纳管阿里云、华为云、AWS等主流云",
    "投标人须熟悉Google Cloud、AWS等云平台的运维",
    "智能客服须采用国产大模型，效果达到GPT-4级别",
    "采购类ChatGPT的校内问答系统，基于国产大模型本地部署",
]


@pytest.mark.parametrize("text", MORE_NEGATIVES)
def test_more_negatives(detect_text: Runner, text: str) -> None:
    assert not detect_text(text, "2025-03-01").relevant


def test_intro_colon_is_not_an_example_list(detect_text: Runner) -> None:
    result = detect_text("采购内容如下：亚马逊云科技（AWS）海外区域账号1个", "2024-04-11")
    assert result.relevant and result.providers == ["AWS"]


def test_claude_in_a_list_of_bought_models(detect_text: Runner) -> None:
    result = detect_text("采购ChatGPT、Claude、Gemini企业版订阅各10个席位", "2025-01-01")
    assert result.providers == ["Anthropic", "Google", "OpenAI"]


# (text, relevant, items, providers)
WEAK_ANCHOR_CASES = [
    ("容器镜像须符合OCI标准，部署于私有云", False, [], []),
    ("Oracle Cloud（OCI）GPU实例 BM.GPU.A100-v2.8 12个月", True, ["A100"], ["Oracle Cloud"]),
    ("申办方须具备GCP认证，临床试验数据管理服务", False, [], []),
    ("GCP（Google Cloud）项目计算资源，g2-standard-8实例", True, ["L4"], ["Google Cloud"]),
    ("AWS EC2 P4d实例按需使用 2,000小时", True, ["A100"], ["AWS"]),
    ("结构设计按EC2规范复核，含钢筋混凝土计算", False, [], []),
]


@pytest.mark.parametrize(("text", "relevant", "items", "providers"), WEAK_ANCHOR_CASES)
def test_weak_anchors(detect_text: Runner, text: str, relevant: bool, items: list[str],
                      providers: list[str]) -> None:
    result = detect_text(text, "2025-03-01")
    assert (result.relevant, result.items, result.providers) == (relevant, items, providers)


def test_service_period_makes_capacity_a_rental(detect_text: Runner) -> None:
    text = "GPU算力资源：NVIDIA A100 80G共计512卡，服务期12个月，按月结算"
    assert detect_text(text, "2024-05-01").categories == ["rental"]


def test_platform_that_can_connect_to_models_is_not_a_purchase(detect_text: Runner) -> None:
    text = "建设校级大模型服务平台，部署DeepSeek，支持接入GPT-4o、Claude等第三方模型"
    assert not detect_text(text, "2025-03-01").relevant


def test_title_that_rents_makes_the_gpu_a_rental(detect_text: Runner) -> None:
    result = detect_text("GPU型号：NVIDIA H100 SXM5 80GB\n数量：64卡", "2025-01-01", title="大模型训练GPU算力租赁服务项目")
    assert result.categories == ["rental"] and result.items == ["H100"]
