from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

T = TypeVar("T", bound="MaskingSessionListMeta")


@_attrs_define
class MaskingSessionListMeta:
    limit: int
    offset: int
    next_: None | str
    """ URL of the next page, or null. """
    previous: None | str
    """ URL of the previous page, or null. """
    total_count: int
    """ Sessions matching the filters, over all pages. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.limit, Unset):
            limit = self.limit
            field_dict["limit"] = limit

        if not isinstance(self.offset, Unset):
            offset = self.offset
            field_dict["offset"] = offset

        if not isinstance(self.next_, Unset):
            next_: None | str
            next_ = self.next_
            field_dict["next"] = next_

        if not isinstance(self.previous, Unset):
            previous: None | str
            previous = self.previous
            field_dict["previous"] = previous

        if not isinstance(self.total_count, Unset):
            total_count = self.total_count
            field_dict["total_count"] = total_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            limit = d.pop("limit")
        except _PARSE_ERRORS:
            limit = _unparsed(d, src_dict, "limit")

        try:
            offset = d.pop("offset")
        except _PARSE_ERRORS:
            offset = _unparsed(d, src_dict, "offset")

        try:

            def _parse_next_(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            next_ = _parse_next_(d.pop("next"))

        except _PARSE_ERRORS:
            next_ = _unparsed(d, src_dict, "next")

        try:

            def _parse_previous(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            previous = _parse_previous(d.pop("previous"))

        except _PARSE_ERRORS:
            previous = _unparsed(d, src_dict, "previous")

        try:
            total_count = d.pop("total_count")
        except _PARSE_ERRORS:
            total_count = _unparsed(d, src_dict, "total_count")

        masking_session_list_meta = cls(
            limit=limit,
            offset=offset,
            next_=next_,
            previous=previous,
            total_count=total_count,
        )

        masking_session_list_meta.additional_properties = d
        return masking_session_list_meta

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
