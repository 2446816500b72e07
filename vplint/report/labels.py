"""The words reports print around user text, in each report language (en, zh), so a
report about Chinese copy is Chinese throughout: dimension and severity names, headings,
section titles of rule docs."""

from __future__ import annotations

DIMENSIONS = {
    "zh": {"need": "需求", "offering": "产品", "outcome": "结果", "time": "时间",
           "doubts": "疑虑", "differentiation": "差异", "proof": "证明", "audience": "受众",
           "clarity": "清晰", "positioning": "定位"},
}
SEVERITIES = {"zh": {"error": "错误", "warning": "警告", "info": "提示"}}
LABELS = {
    "en": {"what": "What it does", "why": "Why it matters", "example": "Example",
           "use_instead": "Use instead", "source": "Source", "severity": "Severity",
           "dimension": "Dimension", "weight": "Weight", "advisory": "advisory",
           "suggestion": "Suggestion", "rules": "rules", "code": "Code", "name": "Name",
           "file": "File", "proposition": "Proposition", "score": "Score",
           "grade": "Grade", "findings": "Findings", "line": "Line", "message": "Message",
           "report": "vplint report", "no_files": "No proposition files found.",
           "errors": "errors", "warnings": "warnings", "infos": "info",
           "mean": "mean score", "fail_under": "fail-under", "language": "Language"},
    "zh": {"what": "规则说明", "why": "为什么重要", "example": "反例", "use_instead": "改为",
           "source": "出处", "severity": "严重级别", "dimension": "评分维度", "weight": "权重",
           "advisory": "提示性", "suggestion": "建议", "rules": "条规则", "code": "代码",
           "name": "名称", "file": "文件", "proposition": "提案", "score": "得分",
           "grade": "等级", "findings": "问题", "line": "行", "message": "说明",
           "report": "vplint 报告", "no_files": "未找到提案文件。",
           "errors": "错误", "warnings": "警告", "infos": "提示", "mean": "平均分",
           "fail_under": "及格线", "language": "语言"},
}


def lang_of(language: str | None) -> str:
    """A supported report language ("en" for anything else)."""
    return language if language in LABELS else "en"


def label(key: str, language: str | None) -> str:
    """A fixed word of the reports in `language`."""
    return LABELS[lang_of(language)][key]


def dimension(name: str | None, language: str | None) -> str:
    """A scoring dimension's name in `language` ("-" for none)."""
    if not name:
        return "-"
    return DIMENSIONS.get(lang_of(language), {}).get(name, name)


def severity(name: str, language: str | None) -> str:
    """A severity's name in `language`."""
    return SEVERITIES.get(lang_of(language), {}).get(name, name)
