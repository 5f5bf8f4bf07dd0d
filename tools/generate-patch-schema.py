#!/usr/bin/env python3
"""Generate Sources/KubeModel/Patch/Generated/BuiltinPatchSchemaData.swift.

The strategic merge patch (and later server-side apply) needs to know, for every built-in
Kubernetes kind, which fields are objects, lists and maps, and the list markers: patch strategy,
patch merge key, list type and list map keys. Kubernetes publishes them in its OpenAPI schema; the
PyPI package `kubernetes-validate` (Apache-2.0) ships that schema as JSON Schema per release.

This script keeps the structure only (no upstream prose) of every definition reachable from a kind
with `x-kubernetes-group-version-kind`, shortens the definition names, and writes it as one compact
JSON document inside a Swift raw string literal. A Swift dictionary literal of this size would take
the compiler minutes to type-check; a string parsed once at run time costs milliseconds.

Usage:
    tools/generate-patch-schema.py [--definitions PATH] [--output PATH]

Without --definitions the script downloads the pinned `kubernetes-validate` wheel with
`pip download` into a temporary directory and reads the schema from it. Standard library only.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

PACKAGE = "kubernetes-validate"
# Pinned so that regenerating is reproducible; any release that still ships the schema version
# below works.
PACKAGE_VERSION = "1.37.0"
SCHEMA_VERSION = "v1.32.0"
DEFINITIONS_IN_WHEEL = f"kubernetes_validate/kubernetes-json-schema/{SCHEMA_VERSION}-local/_definitions.json"
REF_PREFIX = "#/$defs/"

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPOSITORY, "Sources/KubeModel/Patch/Generated/BuiltinPatchSchemaData.swift")

# Types that are scalars in JSON although they are definitions of their own.
SCALAR_TYPES = {"string", "integer", "number", "boolean"}


def fail(message):
    sys.exit(f"generate-patch-schema: {message}")


def download_definitions(directory):
    """Fetches the pinned wheel and extracts the schema file; returns its path."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
               f"{PACKAGE}=={PACKAGE_VERSION}", "-d", directory]
    if subprocess.run(command).returncode != 0:
        fail(f"'{' '.join(command)}' failed; pass --definitions with a local copy of {DEFINITIONS_IN_WHEEL}")
    wheels = glob.glob(os.path.join(directory, "*.whl"))
    if len(wheels) != 1:
        fail(f"expected one wheel in {directory}, found {wheels}")
    with zipfile.ZipFile(wheels[0]) as wheel:
        try:
            wheel.extract(DEFINITIONS_IN_WHEEL, directory)
        except KeyError:
            fail(f"{os.path.basename(wheels[0])} has no {DEFINITIONS_IN_WHEEL}")
    return os.path.join(directory, DEFINITIONS_IN_WHEEL)


def short_names(names):
    """Maps upstream definition names to `group.version.Kind` (the last three dotted parts),
    which is unique across Kubernetes; fails loudly if a future schema breaks that."""
    result = {}
    seen = {}
    for name in names:
        short = ".".join(name.split(".")[-3:])
        if short in seen:
            fail(f"short name {short} is ambiguous: {seen[short]} and {name}")
        seen[short] = name
        result[name] = short
    return result


def types_of(schema):
    declared = schema.get("type", [])
    return set([declared] if isinstance(declared, str) else declared) - {"null"}


def is_scalar_definition(definition):
    """Time, Quantity, IntOrString and the like: JSON scalars with a definition of their own."""
    if "properties" in definition:
        return False
    if "oneOf" in definition:
        return all(types_of(choice) <= SCALAR_TYPES for choice in definition["oneOf"])
    declared = types_of(definition)
    return bool(declared) and declared <= SCALAR_TYPES


def scalar_name(schema):
    """The JSON type of a scalar schema: string, integer, number, boolean, or int-or-string for a
    value that may be either (IntOrString; Quantity is written as a string)."""
    if "oneOf" in schema:
        kinds = set()
        for choice in schema["oneOf"]:
            kinds |= types_of(choice)
        if kinds == {"integer", "string"}:
            return "int-or-string"
        return "string" if "string" in kinds else sorted(kinds)[0]
    declared = sorted(types_of(schema))
    return declared[0] if len(declared) == 1 else "string"


class Generator:
    def __init__(self, definitions):
        self.definitions = definitions
        self.names = short_names(definitions)

    def ref_target(self, schema):
        ref = schema["$ref"]
        if not ref.startswith(REF_PREFIX) or ref[len(REF_PREFIX):] not in self.definitions:
            fail(f"unresolvable reference {ref}")
        return ref[len(REF_PREFIX):]

    def shape(self, schema, where):
        """The structural type of a schema in the compact notation PatchSchema reads:
        a definition name for an object, `[]` + element for a list, `{}` + value for a map, and
        the empty string for a scalar. Returns (shape, referenced definition or None)."""
        if "$ref" in schema:
            target = self.ref_target(schema)
            if is_scalar_definition(self.definitions[target]):
                return "=" + scalar_name(self.definitions[target]), None
            return self.names[target], target
        declared = types_of(schema)
        if "array" in declared:
            element, target = self.shape(schema.get("items", {}), where + "[]")
            return "[]" + element, target
        if "object" in declared:
            values = schema.get("additionalProperties")
            if not isinstance(values, dict):
                fail(f"{where}: object without properties or additionalProperties is not supported")
            element, target = self.shape(values, where + "{}")
            return "{}" + element, target
        if declared <= SCALAR_TYPES:
            return "=" + scalar_name(schema), None
        fail(f"{where}: unsupported schema {sorted(schema)}")

    def field(self, schema, where):
        """The record for one property."""
        shape, target = self.shape(schema, where)
        record = {"type": shape}
        strategy = schema.get("x-kubernetes-patch-strategy")
        if strategy:
            record["patchStrategy"] = strategy
        merge_key = schema.get("x-kubernetes-patch-merge-key")
        if merge_key:
            record["patchMergeKey"] = merge_key
        list_type = schema.get("x-kubernetes-list-type")
        if list_type:
            record["listType"] = list_type
        map_keys = schema.get("x-kubernetes-list-map-keys")
        if map_keys:
            record["listMapKeys"] = map_keys
        map_type = schema.get("x-kubernetes-map-type")
        if map_type:
            record["mapType"] = map_type
        return record, target

    def definition(self, name):
        """The record for one definition and the definitions its fields reference."""
        source = self.definitions[name]
        if "properties" not in source:
            # RawExtension, apiextensions JSON, FieldsV1 and the like: any JSON the schema does not describe.
            return {"untyped": True}, []
        fields = {}
        referenced = []
        for property_name in sorted(source.get("properties", {})):
            record, target = self.field(source["properties"][property_name], f"{name}.{property_name}")
            if record is None:
                continue
            fields[property_name] = record
            if target:
                referenced.append(target)
        record = {"fields": fields}
        map_type = source.get("x-kubernetes-map-type")
        if map_type:
            record["mapType"] = map_type
        return record, referenced

    def generate(self):
        kinds = {}
        roots = []
        for name in sorted(self.definitions):
            for gvk in self.definitions[name].get("x-kubernetes-group-version-kind", []):
                api_version = f"{gvk['group']}/{gvk['version']}" if gvk["group"] else gvk["version"]
                kinds.setdefault(api_version, {})[gvk["kind"]] = self.names[name]
                roots.append(name)

        records = {}
        pending = list(roots)
        while pending:
            name = pending.pop()
            if name in records:
                continue
            records[name], referenced = self.definition(name)
            pending.extend(referenced)

        kinds = {version: dict(sorted(kinds[version].items())) for version in sorted(kinds)}
        types = {self.names[name]: records[name] for name in records}
        return kinds, dict(sorted(types.items()))


def compact(value):
    return json.dumps(value, separators=(",", ":"), sort_keys=False)


def render(kinds, types, source):
    # One definition per line keeps regenerated diffs readable.
    lines = ["{", f'"schemaVersion":{compact(SCHEMA_VERSION)},', f'"kinds":{compact(kinds)},', '"definitions":{']
    entries = [f"{compact(name)}:{compact(record)}" for name, record in types.items()]
    lines.append(",\n".join(entries))
    lines.append("}}")
    document = "\n".join(lines)
    if '"#' in document:
        fail('the document contains "#, which would end the Swift raw string')
    json.loads(document)  # the Swift side parses this; make sure it is valid before writing
    return f"""// Generated by tools/generate-patch-schema.py from {source}. Do not edit.
// Structure only: the fields of every built-in kind with their types and their patch and list
// markers; see PatchSchema for the notation.

/// The built-in kinds' patch schema as one JSON document, parsed once by ``PatchSchema/builtin``.
enum BuiltinPatchSchemaData {{
    static let document = #\"\"\"
{document}
\"\"\"#
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--definitions", help=f"a local copy of {DEFINITIONS_IN_WHEEL}")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the Swift file to write")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        path = arguments.definitions or download_definitions(scratch)
        with open(path, encoding="utf-8") as handle:
            schema = json.load(handle)
    definitions = schema.get("$defs") or schema.get("definitions")
    if not definitions:
        fail(f"{path} has no $defs")

    kinds, types = Generator(definitions).generate()
    source = f"{PACKAGE} {PACKAGE_VERSION}, Kubernetes {SCHEMA_VERSION}"
    text = render(kinds, types, source)
    os.makedirs(os.path.dirname(arguments.output), exist_ok=True)
    with open(arguments.output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {arguments.output}: {sum(len(v) for v in kinds.values())} kinds, {len(types)} definitions, "
          f"{len(text)} bytes")


if __name__ == "__main__":
    main()
