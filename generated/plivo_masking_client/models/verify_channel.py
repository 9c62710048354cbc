from enum import StrEnum
from typing import Self


class VerifyChannel(StrEnum):
    """The values the spec lists; any other value Plivo sends is kept, not rejected.

    An unlisted value (``VerifyChannel("some-new-value")``) becomes a
    pseudo-member whose ``value`` is that string; it is not one of
    ``list(VerifyChannel)``.
    """

    SMS = "sms"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        # Plivo adds values over time; a client must not fail to read a
        # response because of one. Non-strings still raise ValueError.
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
