#!/usr/bin/env python3
"""Creates ConfigMaps ack-0 ... ack-(COUNT-1) one after another and prints each name once the server
has acknowledged it (201), flushing at once; stops quietly at the first failure (the server died).

Usage: acknowledged_writes.py KUBECONFIG COUNT
"""
import sys

from kubernetes import client, config


def main():
    core = client.CoreV1Api(config.new_client_from_config(config_file=sys.argv[1]))
    for index in range(int(sys.argv[2])):
        name = "ack-%d" % index
        try:
            core.create_namespaced_config_map("default", client.V1ConfigMap(
                metadata=client.V1ObjectMeta(name=name), data={"index": str(index)}), _request_timeout=10)
        except Exception:  # The server was killed: what was printed so far is what was acknowledged.
            return
        print(name, flush=True)


if __name__ == "__main__":
    main()
