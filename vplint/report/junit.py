"""JUnit XML report: one test case per proposition, for CI test-report views (GitLab's
`reports: junit`, Jenkins, Azure Pipelines).

A proposition fails only when it fails the gate: an error-severity finding, or a score
below fail-under. Its test case then holds one <failure> whose text lists every finding
(many CI views show only one failure per case); a passing proposition's warnings and infos
are listed in its <system-out>, so they are visible without turning the build red. The
score, grade and dimension scores are properties of the case. Built with
xml.etree, so user text is escaped by the serializer, never by hand.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from vplint.lazyre import lazy
from vplint.model import PropositionResult, Severity, Summary
from vplint.report.base import Reporter

_XML_INVALID = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text that XML 1.0 can hold (control characters become U+FFFD)."""
    return _XML_INVALID.sub("\ufffd", str(value))


class JunitReporter(Reporter):
    """Collects test cases and writes <testsuites> at the end."""

    def start(self) -> None:
        self.suite = ET.Element("testsuite", name="vplint")
        self.tests = 0
        self.failures = 0

    def handle(self, result: PropositionResult) -> None:
        name = f"{result.name}" if result.name else f"proposition {result.index + 1}"
        case = ET.SubElement(self.suite, "testcase", classname=xml_text(result.path),
                             name=xml_text(name), file=xml_text(result.path))
        props = ET.SubElement(case, "properties")
        values = {"score": result.score, "grade": result.grade, "language": result.language}
        values.update({f"dimension.{d}": v for d, v in result.dimensions.items()})
        found = self.options.extra.get("compare", {}).get((result.path, result.index))
        if found is not None:
            values[f"score.{found.ref}"] = found.score.before
            values["score.change"] = str(found.score)
        for key, value in values.items():
            ET.SubElement(props, "property", name=xml_text(key), value=xml_text(value))
        self.tests += 1
        fail_under = self.options.fail_under
        below = bool(fail_under) and result.score < fail_under
        lines = [f"{f.path}:{f.line}:{f.column}: {f.code} {f.severity.value}: {f.message}"
                 + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
                 for f in result.findings]
        if not result.errors and not below:
            if lines:
                ET.SubElement(case, "system-out").text = xml_text("\n".join(lines))
            return
        self.failures += 1
        if below:
            lines.append(f"score {result.score} is below fail-under {fail_under:g}")
        worst = min((f.severity for f in result.findings), key=lambda s: s.rank,
                    default=Severity.ERROR)
        counts = ", ".join(f"{n} {s.value}" for s in Severity
                           if (n := sum(1 for f in result.findings if f.severity is s)))
        message = f"score {result.score} ({result.grade})" + (f"; {counts}" if counts else "")
        failure = ET.SubElement(case, "failure", message=xml_text(message),
                                type=worst.value)
        failure.text = xml_text("\n".join(lines))

    def finish(self, summary: Summary) -> None:
        for key, value in (("tests", self.tests), ("failures", self.failures),
                           ("errors", 0), ("skipped", 0)):
            self.suite.set(key, str(value))
        root = ET.Element("testsuites", name="vplint", tests=str(self.tests),
                          failures=str(self.failures), errors="0")
        root.append(self.suite)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode") + "\n")
