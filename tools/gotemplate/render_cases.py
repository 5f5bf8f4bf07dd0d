#!/usr/bin/env python3
"""Renders small template cases with real Helm (the helm-python-sdk package) for Wharf's GoTemplate
conformance tests.

Input (argv[1]): a JSON array of {"id": str, "template": str, "values": object}.
Output (argv[2]): a JSON object id -> {"output": str} or {"error": str}.

Each case becomes its own chart (templates/case.txt) so that one failing case cannot hide the others;
all cases render in this one process.
"""
import json
import os
import shutil
import sys
import tempfile

from helm_python.chart import Chart

CHART_YAML = "apiVersion: v2\nname: conformance\nversion: 0.1.0\n"
TEMPLATE_PATH = "conformance/templates/case.txt"


def render(case, root):
    directory = os.path.join(root, "chart-" + str(case["index"]))
    os.makedirs(os.path.join(directory, "templates"))
    with open(os.path.join(directory, "Chart.yaml"), "w", encoding="utf-8") as handle:
        handle.write(CHART_YAML)
    with open(os.path.join(directory, "templates", "case.txt"), "w", encoding="utf-8") as handle:
        handle.write(case["template"])
    try:
        with Chart.load(directory) as chart:
            manifests = chart.render(values=case["values"], name="release", namespace="default")
        return {"output": manifests.get(TEMPLATE_PATH, "")}
    except Exception as error:  # Helm reports template failures as exceptions; the message is the result.
        return {"error": str(error)}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    root = tempfile.mkdtemp(prefix="wharf-gotemplate-")
    try:
        results = {}
        for index, case in enumerate(cases):
            case["index"] = index
            results[case["id"]] = render(case, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main()
