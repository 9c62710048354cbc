from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

if TYPE_CHECKING:
    from ..models.verify_attempt_charge import VerifyAttemptCharge


T = TypeVar("T", bound="VerifyCharges")


@_attrs_define
class VerifyCharges:
    """Charges of a session; amounts are decimal strings."""

    total_charge: str
    validation_charge: str
    attempt_charges: list[VerifyAttemptCharge] | None
    """ One charge per delivery attempt; `null` in real answers when no attempt was made. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.total_charge, Unset):
            total_charge = self.total_charge
            field_dict["total_charge"] = total_charge

        if not isinstance(self.validation_charge, Unset):
            validation_charge = self.validation_charge
            field_dict["validation_charge"] = validation_charge

        if not isinstance(self.attempt_charges, Unset):
            attempt_charges: list[dict[str, Any]] | None
            if isinstance(self.attempt_charges, list):
                attempt_charges = []
                for attempt_charges_type_0_item_data in self.attempt_charges:
                    attempt_charges_type_0_item = attempt_charges_type_0_item_data.to_dict()
                    attempt_charges.append(attempt_charges_type_0_item)

            else:
                attempt_charges = self.attempt_charges
            field_dict["attempt_charges"] = attempt_charges

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verify_attempt_charge import VerifyAttemptCharge  # noqa: PLC0415

        d = dict(src_dict)
        try:
            total_charge = d.pop("total_charge")
        except _PARSE_ERRORS:
            total_charge = _unparsed(d, src_dict, "total_charge")

        try:
            validation_charge = d.pop("validation_charge")
        except _PARSE_ERRORS:
            validation_charge = _unparsed(d, src_dict, "validation_charge")

        try:

            def _parse_attempt_charges(data: object) -> list[VerifyAttemptCharge] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    attempt_charges_type_0 = []
                    _attempt_charges_type_0 = data
                    for attempt_charges_type_0_item_data in _attempt_charges_type_0:
                        attempt_charges_type_0_item = VerifyAttemptCharge.from_dict(attempt_charges_type_0_item_data)

                        attempt_charges_type_0.append(attempt_charges_type_0_item)

                    return attempt_charges_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[VerifyAttemptCharge] | None, data)

            attempt_charges = _parse_attempt_charges(d.pop("attempt_charges"))

        except _PARSE_ERRORS:
            attempt_charges = _unparsed(d, src_dict, "attempt_charges")

        verify_charges = cls(
            total_charge=total_charge,
            validation_charge=validation_charge,
            attempt_charges=attempt_charges,
        )

        verify_charges.additional_properties = d
        return verify_charges

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
