"""vplint.text.claims: a Chinese absolute term counts only in a claim construction."""

from __future__ import annotations

import pytest

from vplint.text.claims import en_not_claim, zh_not_claim


def _split(text: str, term: str) -> tuple[str, str, str]:
    i = text.index(term)
    return term, text[:i], text[i + len(term):]


@pytest.mark.parametrize("text, term", [
    ("线程池中允许的最大线程数大小，默认值为 CPU 核数加一。", "最大"),
    ("系统要求：最低访问级别为企业管理员", "最低"),
    ("rest 最大线程数", "最大"),
    ("Ark 容器启动插件的入口类，最多只能配置一个", "最多"),
    ("降级最小权重", "最小"),
    ("我们最开始使用的是 Apache Thrift", "最开"),
    ("建议设置最小/最大间隔", "最小"),
    ("在设置个人资料之前最好清空相册", "最好"),
    ("预测最佳收款时机", "最佳"),
    ("1 - 最差红色", "最差"),
    ("`router_config_name`，唯一的路由配置标识", "唯一"),
    ("确保每个克隆应用都有唯一的包名以避免冲突", "唯一"),
    ("角色代码必须是唯一的。", "唯一"),
    ("适合需要大量唯一评论的场景", "唯一"),
    ("还有两个改动之处。第一，之前有一个 Bug", "第一"),
    ("部署第一波高信任度账号", "第一"),
    ("我们的第一目标是达到开箱即用的效果", "第一"),
    ("我们首选 Go 自带的 pprof 性能工具", "首选"),
    ("为您的业务提供终极保护", "终极"),
    ("我们预期内部所有的通信 100% 加密覆盖", "100%"),
    # a superlative of a fault grades a difficulty; the first of one's own series is an
    # ordinal; a foundation's title is not the advertiser's rank
    ("RaftStore 常被认为是最复杂，最晦涩的模块", "最晦涩"),
    ("这是迁移中最麻烦的一步", "最麻烦"),
    ("我们正式成立 TiKV 项目的首个 SIG", "首个"),
    ("我们也在这一天发布了 TiDB 4.0 首个 RC 版本", "首个"),
    ("APISIX 是 Apache 基金会的顶级项目", "顶级"),
])
def test_ordinary_use_is_not_a_claim(text: str, term: str) -> None:
    assert zh_not_claim(*_split(text, term))


@pytest.mark.parametrize("text, term", [
    ("全网最低价，行业第一品牌", "最低"),
    ("全网最低价，行业第一品牌", "第一"),
    ("国内最好的财务软件", "最好"),
    ("具有最高的透光率", "最高"),
    ("采用最高品质的原料", "最高"),
    ("NocoBase 是最佳选择", "最佳"),
    ("扩展能力最强，更适合深度定制", "最强"),
    ("NocoBase 是表中唯一不是按人头计费的工具", "唯一"),
    ("唯一一家首创智能财务的公司", "唯一"),
    ("NocoBase 拿下过当日排名第一", "第一"),
    ("是需要高度个性化解决方案的企业的首选。", "首选"),
    ("首选推荐：NocoBase", "首选"),
    ("是终极的业务管理解决方案", "终极"),
    ("100%有效，世界领先", "100%"),
    ("100% 合规保证", "100%"),
    ("我们投产了行业内首个分布式数据库", "首个"),
    ("Acme 是首个支持离线排班的平台", "首个"),
    ("国内首家提供该服务的企业", "首家"),
    ("首个智能发票机器人", "首个"),
    ("我们提供顶级项目管理服务", "顶级"),
    ("最难得的品质", "最难"),
])
def test_claim_constructions_are_left_to_the_rules(text: str, term: str) -> None:
    assert not zh_not_claim(*_split(text, term))


@pytest.mark.parametrize("text, term", [
    ("We need to plan for the future of recalls in Canada.", "the future of"),
    ("Join us in shaping the future of open research.", "the future of"),
    ("We train the next generation of research leaders.", "next generation"),
    ("Members act in the best interest of the community.", "the best"),
    ("We will support you to the best of our abilities.", "the best"),
    ("Canada needs to hire the best people.", "the best"),
    ("We spent a month researching the best solution.", "the best"),
    ("It has been the best experience of my career.", "the best"),
    ("For the town, the ultimate goal is better health.", "the ultimate"),
    ("Sun damage is the number one cause of pigmentation.", "number one"),
])
def test_english_ordinary_use_is_not_a_claim(text: str, term: str) -> None:
    assert en_not_claim(*_split(text, term))


@pytest.mark.parametrize("text, term", [
    ("We're actively building the future of mobile app development.", "the future of"),
    ("Acme is the next generation of job scheduling.", "next generation"),
    ("Disrupting the future of finance.", "the future of"),
    ("Acme is the best invoicing software.", "the best"),
    ("Your search for the best software partner ends here.", "the best"),
    ("We are the number one agency in Kent.", "number one"),
])
def test_english_claim_constructions_are_left_to_the_rules(text: str, term: str) -> None:
    assert not en_not_claim(*_split(text, term))
