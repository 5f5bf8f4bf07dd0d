#!/usr/bin/env python3
"""Generate Sources/KubeModel/Protobuf/Generated/BuiltinProtobufSchemaData.swift.

kubectl's typed commands (`kubectl create configmap`, `kubectl run`, ...) send their bodies as
Kubernetes protobuf, and the embedded API server turns them into the JSON the same object has in
Kubernetes' JSON encoding. That needs, for every message reachable from the built-in kinds, each
field's number, JSON name and type, plus three facts the .proto files do not carry but the Go JSON
encoding depends on:

- inline fields: an embedded Go struct (`json:",inline"`, such as Volume.volumeSource) whose members
  appear in the parent object;
- JSON names that differ from the proto name (BoundObjectReference `uID` is `uid`);
- which scalar fields the JSON drops when zero: gogo-protobuf writes every non-pointer scalar even
  when it is zero, and Go's JSON encoding omits it only when the field is `omitempty`; a pointer
  field is on the wire only when set, so its zero value is meaningful (`replicas: 0`).

Inputs:

1. A directory of upstream `generated.proto` files in their Go import layout, such as
   DIR/k8s.io/api/core/v1/generated.proto, DIR/k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto
   and DIR/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/generated.proto, of Kubernetes
   v1.32 (k8s.io/api and k8s.io/apimachinery v0.32.x, k8s.io/apiextensions-apiserver v0.32.x). With
   a Go toolchain: `go mod download k8s.io/api@v0.32.4 k8s.io/apimachinery@v0.32.4
   k8s.io/apiextensions-apiserver@v0.32.4` and copy each module's generated.proto files under DIR
   at their import path. Comments are ignored, so structure-only copies serve as well. For the
   checked-in output (no Go toolchain or module proxy was at hand) the k8s.io/api and apimachinery
   files were rendered from the FileDescriptorProtos kubectl v1.32.4 embeds (gogo-protobuf
   registers each generated.proto's descriptor, gzipped, in the binary), and the apiextensions file
   was transcribed from upstream kubernetes/kubernetes
   staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/generated.proto; all were
   kept outside the repository.
2. A kubectl v1.32 binary (default: `kubectl` on PATH) for the Go facts above. Go keeps struct
   field names, tags and types in every binary for reflection, and kubectl links the k8s.io/api and
   apimachinery types, so the facts are read from its type metadata (ELF, Go 1.22+ layout). The
   apiextensions types are not in kubectl; their facts come from APIEXTENSIONS_GO_FACTS below,
   taken from the upstream Go types (types.go, types_jsonschema.go).

Only structure is kept: message names, field numbers, JSON names and types, no upstream prose.
The result is one compact JSON document in a Swift raw string literal, parsed once at run time (a
Swift literal of this size would make the compiler slow).

Usage:
    tools/generate-protobuf-schema.py --protos DIR [--kubectl PATH] [--output PATH]

Standard library only.
"""

import argparse
import array
import json
import os
import re
import shutil
import struct
import sys

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPOSITORY, "Sources/KubeModel/Protobuf/Generated/BuiltinProtobufSchemaData.swift")
SCHEMA_VERSION = "v1.32"

# The API group of each Go package whose kinds are served; the packages without a group only
# provide types the kinds use.
GROUPS = {
    "k8s.io/api/core/v1": "",
    "k8s.io/api/apps/v1": "apps",
    "k8s.io/api/batch/v1": "batch",
    "k8s.io/api/networking/v1": "networking.k8s.io",
    "k8s.io/api/rbac/v1": "rbac.authorization.k8s.io",
    "k8s.io/api/coordination/v1": "coordination.k8s.io",
    "k8s.io/api/autoscaling/v1": "autoscaling",
    "k8s.io/api/autoscaling/v2": "autoscaling",
    "k8s.io/api/policy/v1": "policy",
    "k8s.io/api/discovery/v1": "discovery.k8s.io",
    "k8s.io/api/scheduling/v1": "scheduling.k8s.io",
    "k8s.io/api/storage/v1": "storage.k8s.io",
    "k8s.io/api/authentication/v1": "authentication.k8s.io",  # TokenRequest, for `kubectl create token`
    "k8s.io/api/authorization/v1": "authorization.k8s.io",  # SelfSubjectAccessReview, for `kubectl auth can-i`
    "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1": "apiextensions.k8s.io",
}

# Messages whose JSON is not an object of their fields (custom MarshalJSON in Go), by proto name.
SPECIAL = {
    "k8s.io.apimachinery.pkg.api.resource.Quantity": "quantity",
    "k8s.io.apimachinery.pkg.util.intstr.IntOrString": "intOrString",
    "k8s.io.apimachinery.pkg.apis.meta.v1.Time": "time",
    "k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime": "microTime",
    "k8s.io.apimachinery.pkg.apis.meta.v1.Duration": "duration",
    "k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1": "rawJSON",
    "k8s.io.apimachinery.pkg.runtime.RawExtension": "rawJSON",
    "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.JSON": "rawJSON",
    "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray": "schemaOrArray",
    "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool": "schemaOrBool",
    "k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray": "schemaOrStringArray",
}

# Prefixes dropped from proto package names to keep the document short (core.v1.Pod, meta.v1.Time).
SHORT_PREFIXES = [
    "k8s.io.apiextensions_apiserver.pkg.apis.",
    "k8s.io.apimachinery.pkg.apis.",
    "k8s.io.apimachinery.pkg.api.",
    "k8s.io.apimachinery.pkg.util.",
    "k8s.io.apimachinery.pkg.",
    "k8s.io.api.",
]

SCALARS = {"string", "bool", "int32", "int64", "uint32", "uint64", "double", "float", "bytes"}

APIEXTENSIONS = "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
# Go facts of the apiextensions v1 types, which kubectl does not link: the kinds, the JSON names
# that differ from the proto names, and the non-pointer omitempty scalars.
APIEXTENSIONS_GO_FACTS = {
    "kinds": ["CustomResourceDefinition", "CustomResourceDefinitionList", "ConversionReview"],
    "jsonNames": {
        "JSONSchemaProps": {
            "schema": "$schema",
            "ref": "$ref",
            "xKubernetesPreserveUnknownFields": "x-kubernetes-preserve-unknown-fields",
            "xKubernetesEmbeddedResource": "x-kubernetes-embedded-resource",
            "xKubernetesIntOrString": "x-kubernetes-int-or-string",
            "xKubernetesListMapKeys": "x-kubernetes-list-map-keys",
            "xKubernetesListType": "x-kubernetes-list-type",
            "xKubernetesMapType": "x-kubernetes-map-type",
            "xKubernetesValidations": "x-kubernetes-validations",
        },
    },
    "omitZero": {
        "CustomResourceColumnDefinition": ["format", "description", "priority"],
        "CustomResourceDefinitionCondition": ["reason", "message"],
        "CustomResourceDefinitionNames": ["singular", "listKind"],
        "CustomResourceDefinitionSpec": ["preserveUnknownFields"],
        "CustomResourceDefinitionVersion": ["deprecated"],
        "CustomResourceSubresourceScale": [],
        "ExternalDocumentation": ["description", "url"],
        "JSONSchemaProps": ["id", "schema", "description", "type", "format", "title", "exclusiveMaximum",
                            "exclusiveMinimum", "pattern", "uniqueItems", "nullable",
                            "xKubernetesEmbeddedResource", "xKubernetesIntOrString"],
        "ValidationRule": ["message", "messageExpression", "fieldPath"],
        "WebhookClientConfig": ["caBundle"],
        "ConversionRequest": [],
        "ConversionResponse": [],
    },
}


def fail(message):
    sys.exit(f"generate-protobuf-schema: {message}")


# --- .proto files ---------------------------------------------------------------------------------

FIELD = re.compile(r"^(optional|repeated|required)\s+([\w.]+)\s+(\w+)\s*=\s*(\d+)\s*(\[.*\])?\s*;$")
MAP_FIELD = re.compile(r"^map\s*<\s*(\w+)\s*,\s*([\w.]+)\s*>\s+(\w+)\s*=\s*(\d+)\s*(\[.*\])?\s*;$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def parse_proto(path, go_path):
    """The messages of one generated.proto: {full name: {"go": (package, name), "fields": [...]}}
    with fields in declaration order (the Go struct order, which is the JSON member order)."""
    with open(path, encoding="utf-8") as handle:
        text = strip_comments(handle.read())
    package = re.search(r"^\s*package\s+([\w.]+)\s*;", text, re.M)
    if not package:
        fail(f"{path} has no package")
    package = package.group(1)
    messages = {}
    for match in re.finditer(r"\bmessage\s+(\w+)\s*\{([^{}]*)\}", text):
        name, body = match.groups()
        fields = []
        for statement in (s.strip() for s in body.split(";")):
            if not statement:
                continue
            statement += ";"
            plain = FIELD.match(statement)
            mapped = MAP_FIELD.match(statement)
            if plain:
                label, type_name, field_name, number = plain.group(1, 2, 3, 4)
                fields.append({"name": field_name, "number": int(number), "type": type_name,
                               "repeated": label == "repeated", "map": None})
            elif mapped:
                key, value, field_name, number = mapped.group(1, 2, 3, 4)
                if key != "string":
                    fail(f"{path}: {name}.{field_name} has {key} keys; JSON object keys are strings")
                fields.append({"name": field_name, "number": int(number), "type": value,
                               "repeated": False, "map": True})
            else:
                fail(f"{path}: cannot read '{statement}' in message {name}")
        messages[f"{package}.{name}"] = {"package": package, "go": (go_path, name), "fields": fields}
    if re.search(r"\bmessage\s+\w+\s*\{[^{}]*\{", text):
        fail(f"{path} has nested messages, which this generator does not read")
    return messages


def read_protos(directory):
    messages = {}
    for root, _, files in os.walk(directory):
        for file_name in files:
            if not file_name.endswith(".proto"):
                continue
            path = os.path.join(root, file_name)
            go_path = os.path.relpath(root, directory).replace(os.sep, "/")
            messages.update(parse_proto(path, go_path))
    if not messages:
        fail(f"no .proto files under {directory}")
    return messages


def resolve(type_name, package, messages):
    """The full name of a message type as written in a field of `package` (proto scoping rules,
    restricted to what generated.proto uses: absolute names, or names relative to the package or
    to one of its parents)."""
    if type_name in SCALARS:
        return None
    if type_name.startswith("."):
        full = type_name[1:]
        return full if full in messages else fail(f"unknown type {type_name}")
    scope = package.split(".")
    while True:
        candidate = ".".join(scope + [type_name])
        if candidate in messages:
            return candidate
        if not scope:
            fail(f"unknown type {type_name} in package {package}")
        scope.pop()


# --- Go facts from the kubectl binary -------------------------------------------------------------

GO_KIND_POINTER = 22
GO_KIND_STRUCT = 25
GO_KIND_MASK = 31
TAGGED_FIELD_TEXT = re.compile(rb'[a-zA-Z]+:"[^"\x00-\x1f]*"(?: [a-zA-Z]+:"[^"\x00-\x1f]*")*')
GO_IDENTIFIER = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")


class GoBinary:
    """Reads struct types from a Go 1.22+ ELF binary through its reflection metadata: each struct
    field is an (abi.Name with tag, type pointer, offset) triple in the struct type's field array,
    and the struct type header just before the array names the type."""

    def __init__(self, path):
        with open(path, "rb") as handle:
            self.data = handle.read()
        if self.data[:4] != b"\x7fELF" or self.data[4] != 2:
            fail(f"{path} is not a 64-bit ELF binary")
        self.sections = self.read_sections()
        rodata = [s for s in self.sections if s[0] == ".rodata"]
        if not rodata:
            fail(f"{path} has no .rodata section")
        self.types_base = rodata[0][1]

    def read_sections(self):
        data = self.data
        offset = struct.unpack_from("<Q", data, 0x28)[0]
        entry_size, count, names_index = struct.unpack_from("<HHH", data, 0x3A)
        raw = [struct.unpack_from("<IIQQQQ", data, offset + i * entry_size) for i in range(count)]
        names_offset = raw[names_index][4]
        sections = []
        for name, kind, _, address, file_offset, size in raw:
            if address and kind != 8:  # 8 = SHT_NOBITS (.bss): not in the file
                start = names_offset + name
                sections.append((data[start:data.index(b"\0", start)].decode(), address, file_offset, size))
        return sections

    def offset(self, address):
        for _, start, file_offset, size in self.sections:
            if start <= address < start + size:
                return file_offset + address - start
        return None

    def address(self, file_offset):
        for _, start, section_offset, size in self.sections:
            if section_offset <= file_offset < section_offset + size:
                return start + file_offset - section_offset
        return None

    def name_at(self, address):
        """An abi.Name: flags byte, varint length, bytes."""
        position = self.offset(address) + 1
        length, shift = 0, 0
        while True:
            byte = self.data[position]
            position += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return self.data[position:position + length].decode("utf-8", "replace")

    def tagged_names(self):
        """Every abi.Name that carries a struct tag with a json key: address -> (field, tag)."""
        data = self.data
        names = {}
        for match in TAGGED_FIELD_TEXT.finditer(data):
            # The match may begin inside the field name when the tag's length byte is a letter.
            for start in range(match.start(), min(match.end(), match.start() + 48)):
                tag = data[start:match.end()]
                if b'json:"' not in tag or not re.match(rb'[a-zA-Z]+:"', tag):
                    continue
                name_end = self.varint_before(start, len(tag))
                if name_end is None:
                    continue
                found = self.field_name_before(name_end)
                if found:
                    field_start, field_name = found
                    address = self.address(field_start)
                    if address:
                        names[address] = (field_name, tag.decode())
                    break
        return names

    def varint_before(self, position, value):
        encoded = bytearray()
        while True:
            encoded.append((value & 0x7F) | (0x80 if value > 0x7F else 0))
            value >>= 7
            if not value:
                break
        start = position - len(encoded)
        return start if self.data[start:position] == encoded else None

    def field_name_before(self, end):
        data = self.data
        for length in range(1, 100):
            start = end - length
            if data[start - 1] == length and data[start - 2] & 2 and GO_IDENTIFIER.fullmatch(data[start:end]):
                return start - 2, data[start:end].decode()
        return None

    def kind(self, type_address):
        position = self.offset(type_address)
        return None if position is None else self.data[position + 23] & GO_KIND_MASK

    def struct_fields(self):
        """{(package path, type name): [(field, tag, kind)]} for every struct with tagged fields."""
        names = self.tagged_names()
        pointers = {}
        for section, start, file_offset, size in self.sections:
            if section not in (".rodata", ".data.rel.ro", ".noptrdata", ".data"):
                continue
            words = array.array("Q", self.data[file_offset:file_offset + size - size % 8])
            for index, word in enumerate(words):
                if word in names:
                    pointers[start + index * 8] = word
        runs = {}
        seen = set()
        for address in sorted(pointers):
            if address in seen:
                continue
            run = []
            while address in pointers:
                field_type = struct.unpack_from("<Q", self.data, self.offset(address) + 8)[0]
                field_name, tag = names[pointers[address]]
                run.append((field_name, tag, self.kind(field_type)))
                seen.add(address)
                address += 24
            runs[address - 24 * len(run)] = run
        return self.name_structs(runs)

    def name_structs(self, runs):
        """Finds the struct type whose field slice points at each run: the header (abi.Type, 48 bytes,
        then the package path) sits 56 bytes before the slice."""
        result = {}
        for section, start, file_offset, size in self.sections:
            if section not in (".rodata", ".data.rel.ro", ".noptrdata", ".data"):
                continue
            words = array.array("Q", self.data[file_offset:file_offset + size - size % 8])
            for index, word in enumerate(words):
                run = runs.get(word)
                if run is None:
                    continue
                header = self.offset(start + index * 8 - 56)
                if header is None or self.data[header + 23] & GO_KIND_MASK != GO_KIND_STRUCT:
                    continue
                length = struct.unpack_from("<Q", self.data, header + 64)[0]
                if length != len(run):
                    continue  # a field without a json tag: not a Kubernetes API type
                flags = self.data[header + 20]
                type_name = self.name_at(self.types_base + struct.unpack_from("<i", self.data, header + 40)[0])
                if flags & 2:  # the name is stored with a leading '*'
                    type_name = type_name[1:]
                package = ""
                if flags & 1:  # an uncommon type follows the struct header: it holds the package path
                    package_offset = struct.unpack_from("<I", self.data, header + 80)[0]
                    package = self.name_at(self.types_base + package_offset) if package_offset else ""
                result[(package, type_name.split(".")[-1])] = run
        return result


def go_facts(kubectl):
    """{(Go package, type): {"typeMeta": bool, "fields": {number: {...}}}} for the packages in GROUPS
    and apimachinery, from the kubectl binary."""
    wanted = set(GROUPS) | {"k8s.io/apimachinery/pkg/apis/meta/v1", "k8s.io/apimachinery/pkg/runtime"}
    facts = {}
    for (package, type_name), run in GoBinary(kubectl).struct_fields().items():
        if package not in wanted:
            continue
        fields = {}
        type_meta = False
        for field_name, tag, kind in run:
            if field_name == "TypeMeta":
                type_meta = True
            protobuf = re.search(r'protobuf:"([^"]*)"', tag)
            json_tag = re.search(r'json:"([^"]*)"', tag)
            if not protobuf or not json_tag:
                continue
            parts = protobuf.group(1).split(",")
            options = json_tag.group(1).split(",")
            proto_name = next((p[5:] for p in parts if p.startswith("name=")), None)
            fields[int(parts[1])] = {"proto": proto_name, "json": options[0],
                                     "omitempty": "omitempty" in options[1:], "pointer": kind == GO_KIND_POINTER}
        facts[(package, type_name)] = {"typeMeta": type_meta, "fields": fields}
    return facts


def apiextensions_facts(messages):
    table = APIEXTENSIONS_GO_FACTS
    facts = {}
    for full, message in messages.items():
        package, name = message["go"]
        if package != APIEXTENSIONS:
            continue
        renames = table["jsonNames"].get(name, {})
        omit_zero = set(table["omitZero"].get(name, []))
        fields = {}
        for field in message["fields"]:
            fields[field["number"]] = {"proto": field["name"], "json": renames.get(field["name"], field["name"]),
                                       "omitempty": field["name"] in omit_zero, "pointer": False}
        facts[(package, name)] = {"typeMeta": name in table["kinds"], "fields": fields}
    return facts


# --- the schema -----------------------------------------------------------------------------------

def short_name(full):
    for prefix in SHORT_PREFIXES:
        if full.startswith(prefix):
            return full[len(prefix):]
    fail(f"no short name for {full}")


def is_items_wrapper(message, facts):
    """A Go named slice (meta.v1.Verbs, authentication.v1.ExtraValue): proto wraps it in a message
    with one repeated `items` field, and its JSON is the bare array."""
    fields = message["fields"]
    return (facts is None and len(fields) == 1 and fields[0]["name"] == "items"
            and fields[0]["number"] == 1 and fields[0]["repeated"])


class Generator:
    def __init__(self, messages, facts):
        self.messages = messages
        self.facts = facts

    def type_notation(self, field, package):
        target = resolve(field["type"], package, self.messages)
        element = short_name(target) if target else field["type"]
        if field["map"]:
            return "{}" + element, target
        if field["repeated"]:
            return "[]" + element, target
        return element, target

    def record(self, full):
        """The record for one message and the messages its fields refer to."""
        message = self.messages[full]
        facts = self.facts.get(message["go"])
        special = SPECIAL.get(full) or ("items" if is_items_wrapper(message, facts) else None)
        if special is None and facts is None:
            fail(f"no Go facts for {full} ({message['go'][0]}.{message['go'][1]}); is the kubectl binary v1.32?")
        fields = []
        referenced = []
        for field in message["fields"]:
            notation, target = self.type_notation(field, message["package"])
            if target:
                referenced.append(target)
            if special:
                # The decoder converts these as a whole; their proto names only label the parts.
                fields.append([field["number"], field["name"], notation])
                continue
            go = facts["fields"].get(field["number"])
            if go is None or go["proto"] not in (None, field["name"]):
                fail(f"{full}.{field['name']} = {field['number']} has no matching Go field")
            # Only a non-pointer scalar is on the wire when zero; the JSON keeps it unless omitempty.
            omit_zero = (target is None and not field["repeated"] and not field["map"]
                         and go["omitempty"] and not go["pointer"])
            fields.append([field["number"], go["json"], notation] + ([1] if omit_zero else []))
        record = {"special": special} if special else {}
        record["fields"] = fields
        return record, referenced

    def generate(self):
        kinds = {}
        roots = []
        for full, message in sorted(self.messages.items()):
            go_package, name = message["go"]
            if go_package not in GROUPS:
                continue
            facts = self.facts.get(message["go"])
            if facts and facts["typeMeta"]:
                group = GROUPS[go_package]
                version = go_package.rsplit("/", 1)[1]
                api_version = f"{group}/{version}" if group else version
                kinds.setdefault(api_version, {})[name] = short_name(full)
                roots.append(full)
        missing = sorted(set(GROUPS) - {self.messages[r]["go"][0] for r in roots})
        if missing:
            fail(f"no kinds found for {missing}: missing .proto files or Go facts")

        records = {}
        pending = list(roots)
        while pending:
            full = pending.pop()
            if full in records:
                continue
            records[full], referenced = self.record(full)
            pending.extend(referenced)
        shorts = {}
        for full in records:
            if short_name(full) in shorts:
                fail(f"short name {short_name(full)} is ambiguous: {shorts[short_name(full)]} and {full}")
            shorts[short_name(full)] = full
        kinds = {version: dict(sorted(kinds[version].items())) for version in sorted(kinds)}
        return kinds, {short_name(full): records[full] for full in sorted(records, key=short_name)}


def compact(value):
    return json.dumps(value, separators=(",", ":"))


def render(kinds, messages):
    # One message per line keeps regenerated diffs readable.
    lines = ["{", f'"schemaVersion":{compact(SCHEMA_VERSION)},', f'"kinds":{compact(kinds)},', '"messages":{']
    lines.append(",\n".join(f"{compact(name)}:{compact(record)}" for name, record in messages.items()))
    lines.append("}}")
    document = "\n".join(lines)
    if '"#' in document:
        fail('the document contains "#, which would end the Swift raw string')
    json.loads(document)
    return f"""// Generated by tools/generate-protobuf-schema.py from the Kubernetes {SCHEMA_VERSION} generated.proto
// files and the Go types' JSON tags. Do not edit. See ProtobufSchema for the notation.

/// The built-in kinds' protobuf schema as one JSON document, parsed once by ``ProtobufSchema/builtin``.
enum BuiltinProtobufSchemaData {{
    static let document = #\"\"\"
{document}
\"\"\"#
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--protos", required=True, help="directory of generated.proto files in Go import layout")
    parser.add_argument("--kubectl", default=shutil.which("kubectl"), help="a kubectl v1.32 binary")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="the Swift file to write")
    arguments = parser.parse_args()
    if not arguments.kubectl:
        fail("no kubectl on PATH; pass --kubectl")

    messages = read_protos(arguments.protos)
    facts = go_facts(os.path.realpath(arguments.kubectl))
    facts.update(apiextensions_facts(messages))
    kinds, records = Generator(messages, facts).generate()
    text = render(kinds, records)
    os.makedirs(os.path.dirname(arguments.output), exist_ok=True)
    with open(arguments.output, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"wrote {arguments.output}: {sum(len(v) for v in kinds.values())} kinds, {len(records)} messages, "
          f"{len(text)} bytes")


if __name__ == "__main__":
    main()
