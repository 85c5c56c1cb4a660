"""Source texts of the bundled example notices, part A (HTML pages).

Every organisation, person, phone number and project code here is invented,
except the buyers named in README.md as public cases. Written for tenderwatch;
nothing is copied from any corpus. Used by scripts/make_examples.py.
"""

CCGP_A800_AWARD = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="ArticleTitle" content="示例理工大学智能计算实验平台GPU加速卡采购项目中标公告">
<meta name="PubDate" content="2024-01-18 16:30">
<meta name="SiteName" content="中国政府采购网">
<meta name="SiteIDCode" content="bm14000002">
<title>示例理工大学智能计算实验平台GPU加速卡采购项目中标公告</title>
<script type="text/javascript" src="/_bot_sbu/sbu_fpcm.js"></script>
</head>
<body>
<div class="v4incheadertop">
  <div class="v4incheadertop_tel">您好！欢迎访问中国政府采购网（示例页面）</div>
  <ul class="v4incheadertop_nav"><li><a href="#">首页</a></li><li><a href="#">政采法规</a></li>
  <li><a href="#">购买服务</a></li><li><a href="#">监督检查</a></li><li><a href="#">信息公告</a></li></ul>
</div>
<div class="main">
 <div class="main_container">
  <div class="vF_deail_currentloc">当前位置：<a class="CurrChnlCls" href="#">首页</a> »
   <a class="CurrChnlCls" href="#">政采公告</a> » <a class="CurrChnlCls" href="#">地方公告</a> »
   <a class="CurrChnlCls" href="#">中标公告</a></div>
  <div class="vF_deail_maincontent">
   <div class="vF_detail_main pzln7x">
    <div class="vF_detail_header">
     <h2 class="tc">示例理工大学智能计算实验平台GPU加速卡采购项目中标公告</h2>
     <p class="tc"><span id="pubTime">2024年01月18日 16:30</span>　来源：<span id="sourceName">示例省政府采购网</span></p>
    </div>
    <!--contentTable-->
    <div class="table">
     <h5>公告概要：</h5>
     <table width="100%">
      <tr><td class="title">采购项目名称</td><td colspan="3">示例理工大学智能计算实验平台GPU加速卡采购项目</td></tr>
      <tr><td class="title">品目</td><td colspan="3"><p>货物/设备/信息化设备/计算机设备/图形加速卡</p></td></tr>
      <tr><td class="title">采购单位</td><td colspan="3">示例理工大学</td></tr>
      <tr><td class="title">行政区域</td><td>示例市</td><td class="title">公告时间</td><td>2024年01月18日 16:30</td></tr>
      <tr><td class="title">本项目招标公告日期</td><td>2023年12月20日</td><td class="title">中标日期</td><td>2024年01月16日</td></tr>
      <tr><td class="title">评审专家名单</td><td colspan="3">甲示例、乙示例、丙示例、丁示例、戊示例</td></tr>
      <tr><td class="title">总中标金额</td><td colspan="3">￥113.600000 万元（人民币）</td></tr>
      <tr><td colspan="4" class="title">联系人及联系方式：</td></tr>
      <tr><td class="title">项目联系人</td><td colspan="3">林示例</td></tr>
      <tr><td class="title">项目联系电话</td><td colspan="3">0000-55501234</td></tr>
      <tr><td class="title">采购单位</td><td colspan="3">示例理工大学</td></tr>
      <tr><td class="title">采购单位地址</td><td colspan="3">示例市学府路1号</td></tr>
      <tr><td class="title">采购单位联系方式</td><td colspan="3">周老师 0000-55502345</td></tr>
      <tr><td class="title">代理机构名称</td><td colspan="3">样例招标代理有限公司</td></tr>
      <tr><td class="title">代理机构地址</td><td colspan="3">示例市中央大街88号样例大厦6层</td></tr>
      <tr><td class="title">代理机构联系方式</td><td colspan="3">赵示例 0000-55503456</td></tr>
     </table>
    </div>
    <div class="vF_detail_content_container">
     <div class="vF_detail_content">
      <p><strong>一、项目编号：</strong>SLGD-ZB-2023-117</p>
      <p><strong>二、项目名称：</strong>示例理工大学智能计算实验平台GPU加速卡采购项目</p>
      <p><strong>三、中标（成交）信息</strong></p>
      <p>供应商名称：样例智算科技有限公司</p>
      <p>供应商地址：示例市高新区创新路9号2栋501室</p>
      <p>中标（成交）金额：1136000.00（元）</p>
      <p><strong>四、主要标的信息</strong></p>
      <table border="1" cellspacing="0" width="100%">
       <tr><td colspan="7">货物类</td></tr>
       <tr><td>序号</td><td>标项名称</td><td>标的名称</td><td>品牌</td><td>规格型号</td><td>数量</td><td>单价（元）</td></tr>
       <tr><td>1</td><td>GPU加速卡</td><td>GPU计算加速卡</td><td>NVIDIA（英伟达）</td><td>A800 80GB PCIe</td><td>8块</td><td>142000.00</td></tr>
      </table>
      <p><strong>五、评审专家（单一来源采购人员）名单：</strong></p>
      <p>甲示例、乙示例、丙示例、丁示例、戊示例</p>
      <p><strong>六、代理服务收费标准及金额：</strong></p>
      <p>参照原国家计委计价格〔2002〕1980号文件标准下浮20%收取，代理服务收费金额（元）：12800</p>
      <p><strong>七、公告期限</strong></p>
      <p>自本公告发布之日起1个工作日。</p>
      <p><strong>八、其他补充事宜</strong></p>
      <p>采购内容：为智能计算实验平台配置GPU计算加速卡8块，用于深度学习模型训练教学与科研；供货期为合同签订后30日内，质保期三年，提供原厂质保证明。</p>
      <p><strong>九、凡对本次公告内容提出询问，请按以下方式联系。</strong></p>
      <p>1.采购人信息</p>
      <p>名 称：示例理工大学</p>
      <p>地 址：示例市学府路1号</p>
      <p>联系方式：周老师 0000-55502345</p>
      <p>2.采购代理机构信息</p>
      <p>名 称：样例招标代理有限公司</p>
      <p>地 址：示例市中央大街88号样例大厦6层</p>
      <p>联系方式：赵示例 0000-55503456</p>
      <p>3.项目联系方式</p>
      <p>项目联系人：林示例</p>
      <p>电 话：0000-55501234</p>
      <p class="fjxx">附件信息：</p>
      <ul class="fjxx"><li><a href="#">中标结果公告（示例）.pdf</a></li><li><a href="#">中小企业声明函.pdf</a></li></ul>
     </div>
    </div>
   </div>
  </div>
  <div class="vF_detail_relcontent">
   <h4>相关公告</h4>
   <ul class="c_list_tat"><li><a href="#">示例理工大学智能计算实验平台GPU加速卡采购项目公开招标公告</a></li></ul>
  </div>
 </div>
</div>
<div class="footer">主办单位：示例 | 本页面为tenderwatch示例，内容均为虚构</div>
</body>
</html>
"""

GBK_H200_TENDER = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>示例省人工智能研究院多模态大模型训练服务器采购项目公开招标公告 - 示例省公共资源交易中心</title>
</head>
<body>
<div class="ewb-header">
 <div class="ewb-logo">示例省公共资源交易中心</div>
 <ul class="ewb-nav"><li>首页</li><li>交易信息</li><li>政策法规</li><li>服务指南</li></ul>
</div>
<div class="ewb-bread">您现在的位置：首页 &gt; 交易信息 &gt; 政府采购 &gt; 采购公告</div>
<div class="ewb-container">
 <h3 class="ewb-trade-h">示例省人工智能研究院多模态大模型训练服务器采购项目公开招标公告</h3>
 <div class="ewb-trade-info">发布时间：2025-09-16　信息来源：示例省公共资源交易中心　浏览次数：318</div>
 <div class="ewb-article-info">
  <p>项目概况</p>
  <p>多模态大模型训练服务器采购项目的潜在投标人应在示例省公共资源交易中心网站获取招标文件，并于2025年10月09日09点30分（北京时间）前递交投标文件。</p>
  <p><b>一、项目基本情况</b></p>
  <p>项目编号：SXGZ-2025-ZC0916</p>
  <p>项目名称：多模态大模型训练服务器采购项目</p>
  <p>采购方式：公开招标</p>
  <p>预算金额：268.00万元（人民币）</p>
  <p>最高限价：268.00万元（人民币）</p>
  <p>采购需求：</p>
  <table border="1" cellspacing="0">
   <tr><td>序号</td><td>货物名称</td><td>主要技术参数</td><td>数量</td><td>单位</td></tr>
   <tr><td>1</td><td>GPU训练服务器</td><td>8U机架式；GPU：NVIDIA HGX H200 8-GPU模组（8×H200 141GB HBM3e，NVLink互联）；CPU：2颗不低于56核处理器；内存：≥2TB DDR5；系统盘：2×960GB SSD；数据盘：≥8×7.68TB NVMe；网络：8×400Gb/s InfiniBand或RoCE网卡；冗余电源</td><td>1</td><td>台</td></tr>
  </table>
  <p>合同履行期限：合同签订后60日内交货并完成安装调试。</p>
  <p>本项目不接受联合体投标。</p>
  <p><b>二、申请人的资格要求</b></p>
  <p>1.满足《中华人民共和国政府采购法》第二十二条规定；</p>
  <p>2.落实政府采购政策需满足的资格要求：本项目非专门面向中小企业采购；</p>
  <p>3.本项目的特定资格要求：投标人须提供所投GPU服务器的原厂授权或供货渠道证明。</p>
  <p><b>三、获取招标文件</b></p>
  <p>时间：2025年09月17日至2025年09月23日，每天上午09:00至12:00，下午14:00至17:30（北京时间，法定节假日除外）</p>
  <p>地点：示例省公共资源交易中心网站</p>
  <p>方式：网上免费下载</p>
  <p><b>四、提交投标文件截止时间、开标时间和地点</b></p>
  <p>2025年10月09日09点30分（北京时间）</p>
  <p>地点：示例省公共资源交易中心第三开标室（示例市政务路20号）</p>
  <p><b>五、公告期限</b></p>
  <p>自本公告发布之日起5个工作日。</p>
  <p><b>六、其他补充事宜</b></p>
  <p>用途：用于多模态大模型的预训练与微调实验。</p>
  <p><b>七、对本次招标提出询问，请按以下方式联系。</b></p>
  <p>1.采购人信息</p>
  <p>名称：示例省人工智能研究院</p>
  <p>地址：示例市科学大道100号</p>
  <p>联系方式：钱示例 0000-66601111</p>
  <p>2.采购代理机构信息</p>
  <p>名称：样例招标咨询有限公司</p>
  <p>地址：示例市东环路66号</p>
  <p>联系方式：孙示例 0000-66602222</p>
  <p>3.项目联系方式</p>
  <p>项目联系人：孙示例</p>
  <p>电话：0000-66602222</p>
 </div>
</div>
<div class="ewb-footer">示例省公共资源交易中心 版权所有　本页为tenderwatch示例，内容均为虚构</div>
</body>
</html>
"""

BIG5_RENTAL_REPOST = """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>【轉載】示例電子科技大學GPU算力租賃服務詢價公告 - 樣例標案資訊網</title>
</head>
<body>
<div class="header">樣例標案資訊網｜兩岸採購公告轉載（示例網站）</div>
<div class="crumbs">首頁 &gt; 大陸採購公告 &gt; 詢價公告</div>
<div class="article">
 <h1>示例電子科技大學GPU算力租賃服務詢價公告</h1>
 <p class="note">本文轉載自示例省政府採購網，僅供參考，以原公告為準。</p>
 <p>發布時間：2024-11-05</p>
 <p>一、項目基本情況</p>
 <p>項目編號：SDZK-XJ-2024-0311</p>
 <p>項目名稱：GPU算力租賃服務</p>
 <p>採購方式：詢價</p>
 <p>預算金額：人民幣54.00萬元</p>
 <p>採購需求：租用NVIDIA H100 80GB SXM GPU算力共計30000卡時，單價不高於18元/卡時；服務期自合同簽訂之日起12個月；供應商須提供不少於64卡的H100集群，節點間採用400Gb/s InfiniBand高速網絡，並提供作業調度平台與7×24小時技術支援。</p>
 <p>用途：用於本校大模型訓練與科學計算研究。</p>
 <p>二、申請人的資格要求</p>
 <p>1.滿足《中華人民共和國政府採購法》第二十二條規定；</p>
 <p>2.供應商須具備自有或合法租用的GPU算力資源，並提供相關證明材料。</p>
 <p>三、獲取採購文件</p>
 <p>時間：2024年11月06日至2024年11月12日</p>
 <p>四、響應文件提交</p>
 <p>截止時間：2024年11月15日10點00分（北京時間）</p>
 <p>五、對本次採購提出詢問，請按以下方式聯繫</p>
 <p>1.採購人信息</p>
 <p>名稱：示例電子科技大學</p>
 <p>地址：示例市建設北路二段4號</p>
 <p>聯繫方式：吳示例 0000-77701111</p>
 <p>2.採購代理機構信息</p>
 <p>名稱：樣例工程諮詢有限公司</p>
 <p>聯繫方式：鄭示例 0000-77702222</p>
</div>
<div class="footer">樣例標案資訊網 本頁為tenderwatch示例，內容均為虛構</div>
</body>
</html>
"""

H20_ROOM_AWARD = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>示例区人民政府办公室会议室音视频系统改造项目成交结果公告</title>
</head>
<body>
<div class="header">示例区政府采购信息网</div>
<div class="location">首页 &gt; 采购公告 &gt; 成交公告</div>
<div class="detail">
 <h1 class="detail-title">示例区人民政府办公室会议室音视频系统改造项目成交结果公告</h1>
 <p>发布日期：2025-05-19</p>
 <p>一、项目编号：SQZF-CS-2025-027</p>
 <p>二、项目名称：会议室音视频系统改造项目</p>
 <p>三、成交信息</p>
 <p>供应商名称：样例声学工程有限公司</p>
 <p>供应商地址：示例市工业园区声谷路3号</p>
 <p>成交金额：312400.00元</p>
 <p>四、主要标的信息</p>
 <table border="1">
  <tr><td>名称</td><td>服务范围</td><td>服务要求</td><td>服务时间</td></tr>
  <tr><td>H20会议室音视频系统改造</td><td>办公楼H20会议室、H21洽谈室的扩声、显示、会议摄像及中控系统</td><td>拆除旧设备，安装调试新系统并培训</td><td>合同签订后45日内完成</td></tr>
 </table>
 <p>五、评审小组成员名单：甲示例、乙示例、丙示例</p>
 <p>六、公告期限：自本公告发布之日起1个工作日。</p>
 <p>七、其他补充事宜：现场踏勘地点为区政府办公楼二层H20会议室。</p>
 <p>八、联系方式</p>
 <p>采购人：示例区人民政府办公室　地址：示例区府前路1号　联系方式：冯示例 0000-88801111</p>
 <p>采购代理机构：样例项目管理有限公司　联系方式：陈示例 0000-88802222</p>
</div>
<div class="footer">本页为tenderwatch示例，内容均为虚构</div>
</body>
</html>
"""

BAN_CLAUSE_TENDER = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="示例市大数据中心政务云资源扩容服务项目竞争性磋商公告">
<title>示例市大数据中心政务云资源扩容服务项目竞争性磋商公告</title>
</head>
<body>
<nav class="navbar">示例市政府采购网 | 首页 | 采购公告 | 结果公告</nav>
<div class="breadcrumb">首页 / 采购公告 / 竞争性磋商</div>
<div class="notice-title">示例市大数据中心政务云资源扩容服务项目竞争性磋商公告</div>
<div class="notice-info">发布时间：2025-02-20 10:00　项目编号：SDSJ-CS-2025-004</div>
<div class="notice-content">
 <h4>一、项目基本情况</h4>
 <p>项目名称：政务云资源扩容服务项目</p>
 <p>采购方式：竞争性磋商</p>
 <p>预算金额：135万元</p>
 <p>采购需求：租用国产化政务云资源，服务期一年，含云主机200台（国产CPU，8核32GB）、块存储300TB、对象存储500TB及云安全服务。</p>
 <h4>二、技术要求（节选）</h4>
 <p>1.云平台须部署于本市政务云机房，数据不得出境；</p>
 <p>2.所投产品及服务须采用国产芯片与国产操作系统，不得采用英伟达（NVIDIA）、AMD等境外厂商的GPU芯片；</p>
 <p>3.不得使用亚马逊云（AWS）、微软Azure、谷歌云等境外云服务，不得通过境外云平台存储、处理或转发任何政务数据；</p>
 <p>4.供应商须具备云计算服务安全评估（政务云）相关资质。</p>
 <h4>三、申请人的资格要求</h4>
 <p>满足《中华人民共和国政府采购法》第二十二条规定。</p>
 <h4>四、获取磋商文件及响应文件提交</h4>
 <p>获取时间：2025年02月21日至2025年02月27日；响应文件提交截止时间：2025年03月05日14点30分。</p>
 <h4>五、联系方式</h4>
 <p>采购人：示例市大数据中心　地址：示例市数据大道1号　联系方式：何示例 0000-12121212</p>
 <p>采购代理机构：样例政务咨询有限公司　联系方式：吕示例 0000-13131313</p>
</div>
<footer>本页为tenderwatch示例，内容均为虚构</footer>
</body>
</html>
"""

ASCEND_AWARD = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>示例省农业科学院农业大模型训练服务器采购项目中标结果公告</title>
</head>
<body>
<div class="top">示例省政府采购网</div>
<div class="position">当前位置：首页 » 结果公告 » 中标公告</div>
<div class="content">
 <h1>示例省农业科学院农业大模型训练服务器采购项目中标结果公告</h1>
 <table class="info" border="1">
  <tr><td>项目编号</td><td>SNKY-GK-2025-062</td><td>公告类型</td><td>中标公告</td></tr>
  <tr><td>采购人</td><td>示例省农业科学院</td><td>发布日期</td><td>2025-08-26</td></tr>
  <tr><td>中标供应商</td><td>样例数字技术有限公司</td><td>中标金额</td><td>688.00万元</td></tr>
 </table>
 <p>一、项目名称：农业大模型训练服务器采购项目</p>
 <p>二、中标信息：供应商名称：样例数字技术有限公司；供应商地址：示例市软件园8号楼；中标金额：6880000.00元。</p>
 <p>三、主要标的信息</p>
 <table border="1">
  <tr><td>序号</td><td>名称</td><td>品牌</td><td>规格型号</td><td>数量</td><td>单价（元）</td></tr>
  <tr><td>1</td><td>AI训练服务器</td><td>华为</td><td>Atlas 800T A2（8×昇腾910B NPU，64GB HBM2e）</td><td>4台</td><td>1720000.00</td></tr>
 </table>
 <p>四、其他补充事宜：所投设备须支持昇思MindSpore与CANN软件栈，单台服务器配置8颗昇腾910B AI处理器。</p>
 <p>五、联系方式：采购人示例省农业科学院，联系人褚示例，0000-14141414；采购代理机构样例招标有限公司，联系人卫示例，0000-15151515。</p>
</div>
<div class="footer">本页为tenderwatch示例，内容均为虚构</div>
</body>
</html>
"""
