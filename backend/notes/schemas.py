"""Request and response bodies of the contact-note endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from backend.common.routing import WITHOUT_NUL

Channel = Literal["phone", "chat", "email", "branch"]
NOTE_MAX_LENGTH = 4000


class NoteIn(BaseModel):
    body: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=1, max_length=NOTE_MAX_LENGTH, pattern=WITHOUT_NUL
        ),
    ] = Field(description="The note, 1–4000 characters after surrounding whitespace is removed")
    channel: Channel = "phone"


class NoteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    account_id: int
    customer_id: int
    author_id: int
    author_name: str
    channel: Channel
    body: str
    created_at: datetime
