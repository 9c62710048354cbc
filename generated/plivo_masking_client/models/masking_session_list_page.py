from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

if TYPE_CHECKING:
    from ..models.masking_session_list_item import MaskingSessionListItem
    from ..models.masking_session_list_meta import MaskingSessionListMeta


T = TypeVar("T", bound="MaskingSessionListPage")


@_attrs_define
class MaskingSessionListPage:
    meta: MaskingSessionListMeta
    objects: list[MaskingSessionListItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()
            field_dict["meta"] = meta

        if not isinstance(self.objects, Unset):
            objects = []
            for objects_item_data in self.objects:
                objects_item = objects_item_data.to_dict()
                objects.append(objects_item)

            field_dict["objects"] = objects

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.masking_session_list_item import MaskingSessionListItem  # noqa: PLC0415
        from ..models.masking_session_list_meta import MaskingSessionListMeta  # noqa: PLC0415

        d = dict(src_dict)
        try:
            meta = MaskingSessionListMeta.from_dict(d.pop("meta"))

        except _PARSE_ERRORS:
            meta = _unparsed(d, src_dict, "meta")

        try:
            objects = []
            _objects = d.pop("objects")
            for objects_item_data in _objects:
                objects_item = MaskingSessionListItem.from_dict(objects_item_data)

                objects.append(objects_item)

        except _PARSE_ERRORS:
            objects = _unparsed(d, src_dict, "objects")

        masking_session_list_page = cls(
            meta=meta,
            objects=objects,
        )

        masking_session_list_page.additional_properties = d
        return masking_session_list_page

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
