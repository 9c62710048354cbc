from enum import IntEnum
from typing import Self


class VerifyDtmf(IntEnum):
    """The values the spec lists; any other integer Plivo sends is kept, not rejected.

    An unlisted value becomes a pseudo-member whose ``value`` is that integer;
    it is not one of ``list(VerifyDtmf)``.
    """

    VALUE_0 = 0
    VALUE_1 = 1

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        # Same tolerance as the string enums: keep an unknown value.
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
