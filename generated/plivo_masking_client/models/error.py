from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Plivo's error body."""

    api_id: str
    """ Identifies the request. """
    error: str
    """ Human-readable text naming what went wrong. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.api_id, Unset):
            api_id = self.api_id
            field_dict["api_id"] = api_id

        if not isinstance(self.error, Unset):
            error = self.error
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            api_id = d.pop("api_id")
        except _PARSE_ERRORS:
            api_id = _unparsed(d, src_dict, "api_id")

        try:
            error = d.pop("error")
        except _PARSE_ERRORS:
            error = _unparsed(d, src_dict, "error")

        error = cls(
            api_id=api_id,
            error=error,
        )

        error.additional_properties = d
        return error

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
