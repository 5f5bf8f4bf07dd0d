#!/usr/bin/env python3
"""Drives a cluster with the official Python `kubernetes` client, typed and dynamic, the way a user's
script would; exits non-zero with a message at the first thing that does not behave as on Kubernetes.

Usage: kubernetes_client_check.py KUBECONFIG
"""
import sys
import threading

from kubernetes import client, config, dynamic, watch
from kubernetes.client.rest import ApiException


def check(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)


def main():
    api_client = config.new_client_from_config(config_file=sys.argv[1])
    core = client.CoreV1Api(api_client)
    apps = client.AppsV1Api(api_client)

    # Typed client: create, list with a label selector, strategic patch, delete.
    core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name="py")))
    core.create_namespaced_config_map("py", client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="settings", labels={"app": "py"}), data={"a": "1"}))
    listed = core.list_namespaced_config_map("py", label_selector="app=py")
    check([item.metadata.name for item in listed.items] == ["settings"], "label-selected list: %r" % listed.items)
    core.patch_namespaced_config_map("settings", "py", {"data": {"b": "2"}})
    patched = core.read_namespaced_config_map("settings", "py")
    check(patched.data == {"a": "1", "b": "2"}, "patched data: %r" % patched.data)
    deployment = client.V1Deployment(
        metadata=client.V1ObjectMeta(name="web"),
        spec=client.V1DeploymentSpec(
            replicas=1,
            selector=client.V1LabelSelector(match_labels={"app": "web"}),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels={"app": "web"}),
                spec=client.V1PodSpec(containers=[client.V1Container(name="web", image="nginx:1.27")]))))
    apps.create_namespaced_deployment("py", deployment)
    apps.patch_namespaced_deployment("web", "py", {"spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:1.28"}]}}}})
    read = apps.read_namespaced_deployment("web", "py")
    check(read.spec.template.spec.containers[0].image == "nginx:1.28", "deployment image after strategic patch")
    try:
        core.read_namespaced_config_map("missing", "py")
        check(False, "reading a missing ConfigMap succeeded")
    except ApiException as error:
        check(error.status == 404, "missing ConfigMap gave %s" % error.status)

    # Watch: events for changes made after the list's resource version.
    version = core.list_namespaced_config_map("py").metadata.resource_version
    seen = []
    watcher = watch.Watch()

    def follow():
        for event in watcher.stream(core.list_namespaced_config_map, "py", resource_version=version, timeout_seconds=20):
            seen.append((event["type"], event["object"].metadata.name))
            if ("DELETED", "watched") in seen:
                watcher.stop()

    thread = threading.Thread(target=follow)
    thread.start()
    core.create_namespaced_config_map("py", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="watched")))
    core.delete_namespaced_config_map("watched", "py")
    thread.join(30)
    check(("ADDED", "watched") in seen and ("DELETED", "watched") in seen, "watch events: %r" % seen)

    # Dynamic client: discovery, create, merge patch, list, delete.
    dyn = dynamic.DynamicClient(api_client)
    config_maps = dyn.resources.get(api_version="v1", kind="ConfigMap")
    config_maps.create(namespace="py", body={
        "apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "dynamic"}, "data": {"x": "1"}})
    config_maps.patch(namespace="py", name="dynamic", body={"data": {"x": "2"}},
                      content_type="application/merge-patch+json")
    check(config_maps.get(namespace="py", name="dynamic").data.x == "2", "dynamic merge patch")
    names = sorted(item.metadata.name for item in config_maps.get(namespace="py").items)
    check("dynamic" in names and "settings" in names, "dynamic list: %r" % names)
    deployments = dyn.resources.get(api_version="apps/v1", kind="Deployment")
    check(deployments.get(namespace="py", name="web").spec.replicas == 1, "dynamic get of a Deployment")
    config_maps.delete(namespace="py", name="dynamic")
    try:
        config_maps.get(namespace="py", name="dynamic")
        check(False, "deleted ConfigMap still readable")
    except dynamic.exceptions.NotFoundError:
        pass
    print("ok")


if __name__ == "__main__":
    main()
