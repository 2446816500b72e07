"""Is a speed word ("quickly", 快速) a promise of how soon the customer gets a result?

TIM002 asks for a time bound where copy promises speed vaguely ("we deliver fast",
快速上线). On real website pages most speed words that are not such a promise fall into a
few classes, each recognised here from the sentence around the word:

- **at a glance**: the speed of reading a screen, not the time to a result - "helps teams
  quickly see overdue items", "understand the pipeline more quickly", 快速查看, 快速判断;
- **brevity**: "quick" sizing a short thing - "a quick email or call", "quick demos",
  "one quick step left";
- **a need or a condition**: the reader's situation, not the advertiser's promise -
  "startups that need to scale fast", "assets need to be looked up quickly",
  "if the question's quick", 需要快速响应的团队, 如果问题很快;
- **a trend**: how fast the world around changes, not the offer - "in today's rapidly
  evolving market", 在数字化快速发展的今天, 行业迅速增长;
- **a name**: the first word of a name its acronym follows - "Fast Healthcare
  Interoperability Resources (FHIR)", "Rapid Application Development (RAD)";
- **a request**: the reader is asked to act soon, not promised anything - "please
  register soon", 请尽早报名, 建议尽快更新;
- **quantified on the page**: the page states a time bound for delivery or a measured
  speed-up somewhere ("load in under a second", "build times reduced by 50-80%"), so its
  vague words summarise a number the reader can find (`quantifies_speed`).

Everything here is a pure function of the text; each class is tested in English and
Chinese.
"""

from __future__ import annotations

import re

from vplint.lazyre import lazy

AT_A_GLANCE = "at-a-glance"
BREVITY = "brevity"
NEED = "need-or-condition"
REQUEST = "request"
NAME = "name"
TREND = "trend"

# Verbs of looking and judging: how fast a person takes in what a screen shows.
_LOOK_EN = (r"see|sees|seeing|view|views|viewing|find|finds|finding|spot|spots|spotting|"
            r"understand|understands|understanding|identify|identifies|judge|judges|decide|"
            r"decides|assess|assesses|grasp|grasps|gauge|gauges|check|checks|scan|scans|"
            r"browse|browses|locate|locates|look\s+up|looks\s+up|looked\s+up|look\s+at|"
            r"glance\s+at|tell|recogni[sz]e|pinpoint|search|searched|searches|filter|"
            r"filters|filtered|compare|compares|review|reviews|evaluate|evaluates|"
            r"get\s+an\s+overview|access|accessed|retrieve|retrieved")
# Verbs of doing and delivering: what a speed promise is about. The nearest verb decides.
_DO_EN = (r"build|builds|built|create|creates|deploy|deploys|deployed|ship|ships|deliver|"
          r"delivers|delivered|launch|launches|develop|develops|integrate|integrates|respond|"
          r"responds|fix|fixes|fixed|resolve|resolves|set\s+up|sets\s+up|get|gets|scale|"
          r"scales|grow|grows|load|loads|run|runs|start|starts|go|goes|move|moves|adapt|"
          r"adapts|update|updates|recover|recovers|turn|turns|generate|generates|publish|"
          r"publishes|implement|implements|make|makes|migrate|migrates|install|installs|"
          r"release|releases|onboard|onboards|process|processes|complete|completes|"
          r"automate|automates|react|reacts|roll\s+out|iterate|iterates")
_LOOK_BEFORE_EN = lazy(rf"(?<![A-Za-z])(?:{_LOOK_EN})(?![A-Za-z])", re.I)
_DO_BEFORE_EN = lazy(rf"(?<![A-Za-z])(?:{_DO_EN})(?![A-Za-z])", re.I)
_LOOK_AFTER_EN = lazy(rf"^\s+(?:and\s+easily\s+|and\s+)?(?:{_LOOK_EN})(?![A-Za-z])", re.I)
_LOOK_ZH = lazy(
    r"^地?(?:查看|看到|看清|看懂|看出|判断|了解|掌握|定位|查询|查找|找到|发现|识别|浏览|检索|"
    r"搜索|筛选|获取|对比|评估|确认|理解|洞察|把握|知晓|预览|检查|回顾|盘点|"
    r"查詢|判斷|瞭解|識別|發現|瀏覽|檢索|篩選|獲取|評估|確認|檢查|對比|看見)")

_BRIEF_EN = lazy(
    r"^\s+(?:[\w-]+\s+)?(?:emails?|e-mails?|calls?|chats?|demos?|messages?|steps?|wins?|"
    r"looks?|reads?|questions?|notes?|tips?|guides?|tours?|summary|summaries|overviews?|"
    r"examples?|intro(?:duction)?s?|reminders?|refreshers?|recaps?|glances?|peeks?|"
    r"conversations?|catch-ups?|sessions?|walkthroughs?|walk-throughs?|answers?|"
    r"favou?rs?|word|thoughts?)(?![A-Za-z])", re.I)
_BRIEF_SUBJECT_EN = lazy(
    r"(?<![A-Za-z])(?:question|call|chat|job|task|change|fix|email|answer|one)"
    r"(?:['’]s|\s+is|\s+are|\s+was)\s+(?:\w+\s+)?$", re.I)

_NEED_EN = lazy(
    r"(?<![A-Za-z])(?:need|needs|needed|needing|want|wants|wanted|wish|wished|have\s+to|has\s+to|"
    r"must\s+be\s+able\s+to)\s+(?:to\s+)?(?:be\s+)?(?:[\w'’-]+\s+){0,4}$", re.I)
_IF_EN = lazy(r"(?<![A-Za-z])(?:if|unless|whether)(?![A-Za-z])[^,;:.!?]*$", re.I)
_NEED_ZH = lazy(r"(?:需要|希望|想要|(?<![理思梦夢感构構回])想|要求|期望|期待|渴望)"
                      r"[^，。！？；,;]{0,12}$")
_IF_ZH = lazy(r"(?:如果|假如|若是|要是|倘若|万一|萬一)[^，。！？；,;]*$")
_TREND_EN = lazy(r"^[\s-]+(?:growing|evolving|changing|developing|expanding|emerging|"
                 r"advancing|shifting|moving)(?![A-Za-z])", re.I)
_TREND_ZH = lazy(r"^(?:地)?(?:发展|發展|增长|增長|变化|變化|演进|演進|普及|崛起|变革|變革|迭代)")
_TREND_SUBJECT_ZH = lazy(r"(?:数字化|數位化|数字经济|數位經濟|经济|經濟|科技|技术|技術|行业|行業|"
                         r"产业|產業|社会|社會|互联网|互聯網|市场|市場|时代|時代|城市|电商|電商|"
                         r"人工智能|AI|信息化|資訊化|全球化|城镇化|城鎮化)[^，。！？；,;]{0,4}$")
_ACRONYM_NAME = lazy(r"(?:[ \t]+[A-Z][\w-]*){1,5}[ \t]*\([A-Z][A-Za-z0-9-]{1,10}\)")
_ASK_EN = lazy(r"(?<![A-Za-z])(?:please|kindly|be\s+sure\s+to|make\s+sure\s+(?:to|you)|"
               r"remember\s+to|don['’]t\s+forget\s+to|we\s+(?:recommend|advise|encourage)"
               r"(?:\s+(?:you|that\s+you))?(?:\s+to)?)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_ASK_ZH = lazy(r"(?:请|請|敬请|敬請|建议|建議|务必|務必|记得|記得|提醒|鼓励|鼓勵)"
               r"[^，。！？；,;]{0,8}$")


def not_a_speed_promise(text: str, start: int, end: int) -> str | None:
    """Why the speed word text[start:end] is not a promise of time to a result, or None.

    Returns AT_A_GLANCE, BREVITY, NEED, REQUEST, NAME or TREND (see the module docstring).
    """
    word = text[start:end]
    sentence_start = max(text.rfind(c, 0, start) for c in ".!?\n。！？；;")
    before = text[max(sentence_start + 1, start - 120):start]
    after = text[end:end + 40]
    low = word.lower()
    if word[:1].isupper() and _ACRONYM_NAME.match(text, end):
        return NAME
    cjk = any("\u4e00" <= c <= "\u9fff" for c in word)
    if cjk and _TREND_ZH.match(after) and _TREND_SUBJECT_ZH.search(before[-16:]):
        return TREND  # 在数字化快速发展的今天
    if not cjk and low.endswith("ly") and _TREND_EN.match(after):
        return TREND  # "a rapidly evolving market"
    if cjk:
        if _LOOK_ZH.match(after):
            return AT_A_GLANCE
        if _NEED_ZH.search(before[-16:]) or _IF_ZH.search(before):
            return NEED
        if word in ("尽早", "尽快", "盡早", "盡快", "及时", "及時", "第一时间", "第一時間") and \
                _ASK_ZH.search(before[-12:]):
            return REQUEST  # an adverb of the reader's act: 请尽早报名
        return None
    if low.startswith("quick") and not low.endswith("ly"):
        if _BRIEF_EN.match(after):
            return BREVITY
        if _BRIEF_SUBJECT_EN.search(before[-30:]):
            return BREVITY  # "if the question's quick"
    if _LOOK_AFTER_EN.match(after):
        return AT_A_GLANCE  # "quickly see", "fast find"
    if low.endswith(("ly", "er")) or low in ("fast", "quick"):
        # After its verb: "understand the talent pool more quickly", "looked up quickly".
        verbs = [(m.start(), "look") for m in _LOOK_BEFORE_EN.finditer(before)]
        verbs += [(m.start(), "do") for m in _DO_BEFORE_EN.finditer(before)]
        if verbs and max(verbs)[1] == "look" and _after_verb(before, max(verbs)[0]):
            return AT_A_GLANCE
    if _NEED_EN.search(before) or _IF_EN.search(before):
        return NEED
    if (low.endswith("ly") or low in ("soon", "asap", "as soon as possible")) and \
            _ASK_EN.search(before):
        return REQUEST  # an adverb of the reader's act: "please register soon"
    return None


def _after_verb(before: str, verb_at: int) -> bool:
    """The speed word follows its verb's object in the same clause (no verb-ending
    punctuation, no relative clause starting in between)."""
    between = before[verb_at:]
    return not re.search(r"[;:]|(?<![A-Za-z])(?:that|which|who|so|and\s+then)(?![A-Za-z])",
                         between, re.I)


# ---- a page that puts a number on its speed --------------------------------------------
_SPEED_CUE = lazy(
    r"(?<![A-Za-z])(?<!real-)(?:load|loads|loading|loaded|build\s+times?|time|times|faster|quicker|"
    r"speed|speeds|sped|latency|turnaround|deliver(?:y|ed|s)?|ship(?:s|ped)?|deploy(?:s|ed|"
    r"ment)?|set\s*up|install(?:ed|s)?|live|launch(?:ed|es)?|ready|respon(?:d|ds|se)|"
    r"repl(?:y|ies)|feedback|results?|arrives?|reduc(?:e|ed|es|tion)|cut|slash(?:ed)?)"
    r"(?![A-Za-z])|时间|耗时|周期|速度|提速|时长|更快|缩短|加快|上线|交付|部署|响应|回复|到账|送达|"
    r"完成|搭建|加载|載入|時間|週期|縮短|回覆", re.I)
_NOT_DELIVERY = lazy(
    r"(?<![A-Za-z])(?:refunds?|money[\s-]back|cancel\w*|trials?|returns?|guarantee\w*|"
    r"warrant\w*|expires?|valid|offer\s+ends|sign\s+up\s+by|discount)(?![A-Za-z])"
    r"|%\s*off(?![A-Za-z])|退款|退货|退貨|试用|試用|取消|有效期|保修|限时|限時|优惠|優惠|折扣|打折",
    re.I)
_BOUND_EN = lazy(
    r"(?<![A-Za-z0-9])(?:in|within|under|inside|less\s+than|no\s+more\s+than|at\s+most|"
    r"(?:cut|down|reduced?|shrinks?|falls?)\s+to)\s+(?:just\s+|only\s+|under\s+|about\s+|"
    r"less\s+than\s+|as\s+little\s+as\s+)?(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|"
    r"ten|fifteen|twenty|thirty|sixty)\s*-?\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|"
    r"days?|business\s+days?|working\s+days?|weeks?)(?![A-Za-z])"
    r"|(?<![A-Za-z])(?:in\s+)?(?:milliseconds?|sub-second|sub-millisecond)(?![A-Za-z])"
    r"|(?<![\w.])\d+(?:[.,]\d+)?\s?(?:ms|µs|μs)(?![\w-])"
    r"(?!\s+(?:office|word|excel|teams|sql|windows|access|dos|paint|edge)(?![A-Za-z]))", re.I)
_BOUND_ZH = lazy(r"[\d一二两三四五六七八九十半]+\s*(?:秒钟?|分钟|個?小时|个?小时|個?小時|"
                       r"天|个?工作日|個?工作日|周|週)(?:内|之内|以内|內|之內|以內)"
                       r"|\d+(?:\.\d+)?\s*毫秒|(?<![A-Za-z0-9_.])\d+(?:\.\d+)?ms(?![A-Za-z0-9_-])")
_RATIO = lazy(
    r"\d+(?:[.,]\d+)?\s*(?:[-–~]\s*\d+(?:[.,]\d+)?\s*)?(?:%|％|percent|\s*[x×]\b|\s*times\b|倍)",
    re.I)
_RATIO_CUE = lazy(
    r"(?<![A-Za-z])(?:faster|quicker|speed|speeds|speed-?up|latency|duration|"
    r"(?:build|load|loading|lead|response|wait|waiting|page|deploy|deployment|turnaround|"
    r"processing|run|running|cycle|delivery|setup|development|release|review|resolution)"
    r"\s+times?)(?![A-Za-z])|时间|耗时|周期|速度|提速|更快|时长|時間|時長|週期", re.I)
_SENTENCE = lazy(r"[^.!?。！？\n]+")


def quantifies_speed(source: str) -> bool:
    """True when a page states a time bound for what it delivers ("load in under a
    second", 2小时内上线) or a measured speed-up ("build times reduced by 50-80%", 提速3倍)
    somewhere - next to a word of delivery or speed, and not a refund, trial or offer
    deadline."""
    for m in _SENTENCE.finditer(source[:200_000]):
        sentence = m.group(0)
        for b in (*_BOUND_EN.finditer(sentence), *_BOUND_ZH.finditer(sentence)):
            near = sentence[max(0, b.start() - 50):b.end() + 30]
            # a measure in milliseconds is a speed whatever it measures (10ms switchover)
            fast_unit = re.search(r"(?i)milli|sub-|\d\s?(?:ms|µs|μs)$|毫秒|\dms", b.group(0))
            if (fast_unit or _SPEED_CUE.search(near)) and not _NOT_DELIVERY.search(near):
                return True
        for r in _RATIO.finditer(sentence):
            near = sentence[max(0, r.start() - 25):r.end() + 25]
            if _RATIO_CUE.search(near) and not _NOT_DELIVERY.search(near):
                return True
    return False
