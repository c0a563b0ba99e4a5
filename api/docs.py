"""The API's documentation page: drawn on our server from the OpenAPI schema, with our own
stylesheet and no script, so it loads nothing from another host (the page CSP holds)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .views import api


def _type(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " or ".join(_type(part) for part in schema["anyOf"])
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(map(str, schema["enum"]))
    kind = schema.get("format") or schema.get("type") or "any"
    if "pattern" in schema:
        kind += f" matching {schema['pattern']}"
    if "minimum" in schema or "maximum" in schema:
        kind += f" from {schema.get('minimum', '…')} to {schema.get('maximum', '…')}"
    return kind


def endpoints(openapi: dict) -> list[dict]:
    found = []
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            responses = []
            for status, answer in operation.get("responses", {}).items():
                body = answer.get("content", {}).get("application/json", {}).get("schema", {})
                responses.append({"status": status, "type": _type(body) if body else ""})
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "required": parameter.get("required", False),
                            "type": _type(parameter.get("schema", {})),
                            "description": parameter.get("description")
                            or parameter.get("schema", {}).get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": responses,
                }
            )
    return found


def shapes(openapi: dict) -> list[dict]:
    return [
        {
            "name": name,
            "fields": [
                {"name": field, "type": _type(spec), "description": spec.get("description", "")}
                for field, spec in schema.get("properties", {}).items()
            ],
        }
        for name, schema in sorted(openapi.get("components", {}).get("schemas", {}).items())
    ]


def docs(request: HttpRequest) -> HttpResponse:
    openapi = api.get_openapi_schema(path_prefix="/api/v1/")
    return render(
        request,
        "api/docs.html",
        {
            "info": openapi["info"],
            "endpoints": endpoints(openapi),
            "shapes": shapes(openapi),
            "schema_url": "/api/v1/openapi.json",
        },
    )
