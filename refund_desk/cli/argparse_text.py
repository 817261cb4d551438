"""argparse's own words (usage, options, "the following arguments are required") in Chinese when
the command line speaks Chinese: its sentences go through gettext, which we answer here."""

from __future__ import annotations

import argparse
import gettext

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "the following arguments are required: %s": "缺少必填参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "无效的选项 %(value)r（可选：%(choices)s）"
    ),
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "选项 %(option)s 不明确，可能是 %(matches)s"
    ),
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "没有命令 %(parser_name)r（可选：%(choices)s）"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
}


def _zh(message: str) -> str:
    return _ZH.get(message, message)


def _nzh(singular: str, plural: str, n: int) -> str:
    return _zh(singular if n == 1 else plural)


def install(lang: str) -> None:
    """Route argparse's sentences to `lang` ("zh" or "en")."""
    if lang == "zh":
        argparse._ = _zh  # type: ignore[attr-defined]
        argparse.ngettext = _nzh  # type: ignore[attr-defined]
    else:
        argparse._ = gettext.gettext  # type: ignore[attr-defined]
        argparse.ngettext = gettext.ngettext  # type: ignore[attr-defined]
