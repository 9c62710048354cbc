"""The client's resource-style surface, read off the parsed spec.

``client.masking_sessions.create(first_party=...)`` comes from openapi.yaml
alone, so a new operation appears on the client after ``make generate``:

* each tag is a resource (``Masking Sessions`` -> ``client.masking_sessions``);
* each operation is a method named by its operationId without the tag's noun
  (``create_masking_session`` -> ``create``, ``list_verify_sessions`` -> ``list``);
* path parameters are positional, query parameters and the JSON body's
  properties are typed keyword arguments (enums also take their values as
  string literals, UUIDs also take strings);
* an operation with ``limit`` and ``offset`` query parameters whose answer
  holds a ``meta`` object and one list is paginated: its items and meta are
  found in the answer's model, at any depth;
* statuses whose response documents a ``Retry-After`` header are retried for
  every method (``retries.py``).

``build`` returns plain data for the templates; it fails with a readable
message on a spec it cannot turn into a surface (two methods of one name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openapi_python_client.parser import GeneratorData
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties import (
    EnumProperty,
    ListProperty,
    ModelProperty,
    Property,
    UuidProperty,
)

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PAGE_PARAMETERS = {"limit", "offset"}


@dataclass
class Argument:
    """One argument of a resource method."""

    name: str
    """The Python name (the spec's name made an identifier)."""
    annotation: str
    """The type users may pass, widened with string literals for enums and str for UUIDs."""
    required: bool
    convert: str | None
    """How a widened value becomes the model's type: an expression with ``{}`` for the value."""
    description: str


@dataclass
class Pagination:
    """Where a list answer keeps its items and its meta."""

    item_class: str
    meta_class: str
    items: str
    """Attribute path from the answer's model to the items (``response.objects``)."""
    meta: str


@dataclass
class Method:
    """One operation as a method of its resource."""

    name: str
    module: str
    """The functional module under ``api/<tag>/`` that builds and parses the request."""
    tag: str
    http_method: str
    summary: str
    path_arguments: list[Argument]
    query_arguments: list[Argument]
    body_class: str | None
    body_arguments: list[Argument]
    result_class: str
    pagination: Pagination | None

    @property
    def arguments(self) -> list[Argument]:
        """Every keyword argument: query parameters, then body properties."""
        return self.query_arguments + self.body_arguments

    @property
    def filter_arguments(self) -> list[Argument]:
        """The keyword arguments of a list call other than ``offset`` (the pager moves it)."""
        return [a for a in self.arguments if a.name != "offset"]


@dataclass
class Resource:
    """One tag of the spec as ``client.<attribute>``."""

    attribute: str
    """The tag as a Python identifier; ``naming.jinja`` makes the class name of it."""
    description: str
    methods: list[Method] = field(default_factory=list)


@dataclass
class Surface:
    """Everything the resource templates need."""

    resources: list[Resource]
    retry_statuses: list[int]
    model_imports: list[str]


class SurfaceError(Exception):
    """The spec cannot be turned into a resource surface."""


def build(data: GeneratorData, document: dict[str, Any]) -> Surface:
    """The surface of ``data`` (the generator's parse of ``document``)."""
    descriptions = {tag["name"]: tag.get("description", "") for tag in document.get("tags", [])}
    imports: set[str] = set()
    resources = []
    for tag, collection in data.endpoint_collections_by_tag.items():
        original = next(iter(_original_tags(document, collection.endpoints[0])), str(tag))
        resource = Resource(
            attribute=str(tag),
            description=" ".join(descriptions.get(original, "").split()),
        )
        for endpoint in collection.endpoints:
            method = _method(endpoint, str(tag), imports)
            if any(m.name == method.name for m in resource.methods):
                raise SurfaceError(
                    f"two operations of tag {original!r} become method {method.name!r};"
                    " give them operationIds that differ once the tag's noun is removed"
                )
            resource.methods.append(method)
        resources.append(resource)
    return Surface(resources, _retry_statuses(document), sorted(imports))


def _text(value: Any) -> str:
    """The text of a value the generator parsed (its ``UntrustedString`` or a plain ``str``)."""
    if value is None:
        return ""
    return str(value.get_untrusted_value() if hasattr(value, "get_untrusted_value") else value)


def _original_tags(document: dict[str, Any], endpoint: Endpoint) -> list[str]:
    """The tags as written in the spec of the operation behind ``endpoint``."""
    operation = document["paths"][_text(endpoint.path)][endpoint.method]
    return list(operation.get("tags", []))


def _method_name(operation_id: str, tag: str) -> str:
    """``create_masking_session`` under ``masking_sessions`` -> ``create``."""
    for noun in (tag, tag.removesuffix("s")):
        for affix in (f"_{noun}", f"{noun}_"):
            if affix in operation_id:
                name = operation_id.replace(affix, "", 1)
                if name.isidentifier():
                    return name
    return operation_id


def _method(endpoint: Endpoint, tag: str, imports: set[str]) -> Method:
    path_names = {str(p.python_name) for p in endpoint.path_parameters}
    body_class = None
    body_arguments: list[Argument] = []
    for body in endpoint.bodies:
        model = body.prop
        if not isinstance(model, ModelProperty) or body.body_type != "json":
            raise SurfaceError(f"{endpoint.name}: only JSON object bodies are supported")
        body_class = model.class_info.name
        imports.add(body_class)
        # A body property named like a path parameter is the path's: one argument.
        properties = (model.required_properties or []) + (model.optional_properties or [])
        body_arguments = [
            _argument(p, imports) for p in properties if str(p.python_name) not in path_names
        ]
    success = [r for r in endpoint.responses.patterns if _is_success(r.status_code.range)]
    if len(success) != 1 or not isinstance(success[0].prop, ModelProperty):
        raise SurfaceError(f"{endpoint.name}: needs exactly one success answer with a JSON object")
    result = success[0].prop
    imports.add(result.class_info.name)
    query = [_argument(p, imports) for p in endpoint.query_parameters]
    pagination = None
    if {_text(p.name) for p in endpoint.query_parameters} >= PAGE_PARAMETERS:
        pagination = _pagination(result, imports)
    return Method(
        name=_method_name(str(endpoint.name), tag),
        module=str(endpoint.name),
        tag=tag,
        http_method=endpoint.method,
        summary=" ".join((_text(endpoint.summary) or str(endpoint.name)).split()),
        path_arguments=[_argument(p, imports) for p in endpoint.path_parameters],
        query_arguments=query,
        body_class=body_class,
        body_arguments=body_arguments,
        result_class=result.class_info.name,
        pagination=pagination,
    )


def _is_success(code_range: tuple[int, int] | None) -> bool:
    return code_range is not None and 200 <= code_range[0] <= code_range[1] < 300


def _argument(prop: Property, imports: set[str]) -> Argument:
    base = prop.get_type_string(no_optional=True).as_unembedded_code()
    convert = None
    if isinstance(prop, EnumProperty):
        imports.add(prop.class_info.name)
        literals = ", ".join(repr(v) for v in prop.values.values())
        base, convert = f"{base} | Literal[{literals}]", f"_enum({prop.class_info.name}, {{}})"
    elif isinstance(prop, UuidProperty):
        base, convert = "UUID | str", "_uuid({})"
    description = " ".join(_text(prop.description).split())
    if prop.default is not None:
        default = prop.default.raw_value
        description = f"{description} Default when omitted: {default!r}.".strip()
    return Argument(
        name=str(prop.python_name),
        annotation=base,
        required=prop.required,
        convert=convert,
        description=description,
    )


def _pagination(result: ModelProperty, imports: set[str]) -> Pagination:
    """Find ``meta`` and the one list of items in a list answer's model, at any depth."""
    found = _page_in(result, "")
    if found is None:
        raise SurfaceError(f"{result.class_info.name}: a paginated answer needs a meta and a list")
    items_path, item_class, meta_path, meta_class = found
    imports.update({item_class, meta_class})
    return Pagination(item_class, meta_class, items_path, meta_path)


def _page_in(model: ModelProperty, prefix: str) -> tuple[str, str, str, str] | None:
    properties = (model.required_properties or []) + (model.optional_properties or [])
    meta = [p for p in properties if _text(p.name) == "meta" and isinstance(p, ModelProperty)]
    lists = [
        p
        for p in properties
        if isinstance(p, ListProperty) and isinstance(p.inner_property, ModelProperty)
    ]
    if meta and len(lists) == 1:
        item = lists[0].inner_property
        assert isinstance(item, ModelProperty)
        return (
            f"{prefix}{lists[0].python_name}",
            item.class_info.name,
            f"{prefix}{meta[0].python_name}",
            meta[0].class_info.name,
        )
    for prop in properties:
        if isinstance(prop, ModelProperty):
            found = _page_in(prop, f"{prefix}{prop.python_name}.")
            if found is not None:
                return found
    return None


def _retry_statuses(document: dict[str, Any]) -> list[int]:
    """The statuses whose documented response carries a ``Retry-After`` header."""
    shared = document.get("components", {}).get("responses", {})
    statuses: set[int] = set()
    for item in document["paths"].values():
        for method in HTTP_METHODS:
            operation = item.get(method)
            for code, response in (operation or {}).get("responses", {}).items():
                if "$ref" in response:
                    response = shared[response["$ref"].rsplit("/", 1)[-1]]
                headers = {name.lower() for name in response.get("headers", {})}
                if str(code).isdigit() and "retry-after" in headers:
                    statuses.add(int(code))
    return sorted(statuses)
