#!/usr/bin/env python3
"""Renders charts with real Helm (the helm-python-sdk package) for Wharf's Helm conformance tests and
benchmark.

Input (argv[1]): a JSON array of {"id": str, "chart": path, "values": object, "name": str, "namespace": str}.
Output (argv[2]): a JSON object id -> {"manifests": {template path: text}, "seconds": float} or
{"error": str}. With argv[3] = N, each chart is rendered N times and "seconds" is the fastest.
All charts render in this one process.
"""
import json
import sys
import time

from helm_python.chart import Chart


def render(case, repeat):
    best = None
    manifests = None
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            with Chart.load(case["chart"]) as chart:
                manifests = chart.render(values=case["values"], name=case["name"], namespace=case["namespace"])
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        return {"manifests": manifests, "seconds": best}
    except Exception as error:  # Helm reports chart failures as exceptions; the message is the result.
        return {"error": str(error)}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    results = {case["id"]: render(case, repeat) for case in cases}
    with open(sys.argv[2], "w", encoding="utf-8") as handle:
        json.dump(results, handle)


if __name__ == "__main__":
    main()
