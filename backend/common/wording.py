"""Sentences as codes and parameters, beside the English text (docs/api-wording.md).

The server explains things in English sentences (a transaction's description, a case's summary,
an approval reason, a refusal). Each also goes out as a code and its parameters, so a client
words it in its own user's language; the English stays for clients that do not know the code.
A parameter is a plain JSON value: a string, an integer (money in fen, ids, counts), an ISO
date, or a list of such documents; never a pre-formatted amount.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

Params = dict[str, Any]


def code_field(what: str) -> Any:
    """The `…_code` member of a response: null when the text has no code (older rows, data)."""
    return Field(default=None, description=f"{what} as a code (docs/api-wording.md); null: only the text says it")


def params_field(what: str) -> Any:
    """The `…_params` member: what the code's sentence needs (amounts in fen, ids, names)."""
    return Field(default=None, description=f"The parameters of the {what} code")
