/// Small webhook payloads shaped like the ones each provider documents, trimmed to the fields that
/// matter plus a few that do not, so parsing is shown to skip what it does not need.
enum Fixtures {
    static let gitHubPush = """
        {
          "ref": "refs/heads/main",
          "before": "9049f1265b7d61be4a8904a9a27120d2064dab3b",
          "after": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
          "created": false,
          "deleted": false,
          "repository": {
            "id": 1296269,
            "name": "guestbook",
            "full_name": "example-org/guestbook",
            "private": false,
            "html_url": "https://github.com/example-org/guestbook",
            "clone_url": "https://github.com/example-org/guestbook.git",
            "ssh_url": "git@github.com:example-org/guestbook.git",
            "default_branch": "main"
          },
          "pusher": {"name": "octocat", "email": "octocat@example.com"},
          "commits": [
            {
              "id": "7a1f4f2c9e1d4c1e8b1b2f3a4c5d6e7f80910111",
              "message": "Scale the guestbook",
              "added": ["apps/guestbook/hpa.yaml"],
              "modified": ["apps/guestbook/deployment.yaml"],
              "removed": []
            },
            {
              "id": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
              "message": "Tidy up",
              "added": [],
              "modified": ["apps/guestbook/deployment.yaml", "README.md"],
              "removed": ["apps/legacy/service.yaml"]
            }
          ]
        }
        """

    static let gitHubTagPush = """
        {
          "ref": "refs/tags/v1.2.0",
          "before": "0000000000000000000000000000000000000000",
          "after": "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c",
          "repository": {
            "html_url": "https://github.com/example-org/guestbook",
            "default_branch": "main"
          },
          "commits": []
        }
        """

    static let gitHubPing = """
        {"zen": "Keep it logically awesome.", "hook_id": 42, "hook": {"type": "Repository", "events": ["push"]}}
        """

    static let gitLabPush = """
        {
          "object_kind": "push",
          "event_name": "push",
          "before": "95790bf891e76fee5e1747ab589903a6a1f80f22",
          "after": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          "ref": "refs/heads/develop",
          "checkout_sha": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          "user_username": "jsmith",
          "project": {
            "id": 15,
            "name": "Platform Config",
            "web_url": "https://gitlab.example.com/infra/platform-config",
            "git_ssh_url": "git@gitlab.example.com:infra/platform-config.git",
            "git_http_url": "https://gitlab.example.com/infra/platform-config.git",
            "path_with_namespace": "infra/platform-config",
            "default_branch": "main"
          },
          "commits": [
            {
              "id": "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
              "message": "Raise memory limit",
              "added": [],
              "modified": ["clusters/prod/values.yaml"],
              "removed": []
            }
          ],
          "total_commits_count": 1,
          "repository": {
            "name": "Platform Config",
            "url": "git@gitlab.example.com:infra/platform-config.git",
            "homepage": "https://gitlab.example.com/infra/platform-config"
          }
        }
        """

    static let bitbucketPush = """
        {
          "actor": {"display_name": "Jane Doe"},
          "repository": {
            "type": "repository",
            "full_name": "example-team/deployments",
            "name": "deployments",
            "links": {
              "self": {"href": "https://api.bitbucket.org/2.0/repositories/example-team/deployments"},
              "html": {"href": "https://bitbucket.org/example-team/deployments"}
            }
          },
          "push": {
            "changes": [
              {
                "new": {"type": "branch", "name": "release/2.x", "target": {"type": "commit", "hash": "1e65c05c1d5171631d92438a13901ca7dae9618c"}},
                "old": {"type": "branch", "name": "release/2.x", "target": {"type": "commit", "hash": "0e65c05c1d5171631d92438a13901ca7dae9618b"}},
                "created": false,
                "closed": false
              }
            ]
          }
        }
        """

    static let bitbucketServerRefsChanged = """
        {
          "eventKey": "repo:refs_changed",
          "date": "2024-05-03T10:15:30+0000",
          "actor": {"name": "admin", "displayName": "Administrator"},
          "repository": {
            "slug": "manifests",
            "name": "manifests",
            "project": {"key": "OPS", "name": "Operations"},
            "links": {
              "clone": [
                {"href": "ssh://git@bitbucket.example.com:7999/ops/manifests.git", "name": "ssh"},
                {"href": "https://bitbucket.example.com/scm/ops/manifests.git", "name": "http"}
              ],
              "self": [{"href": "https://bitbucket.example.com/projects/OPS/repos/manifests/browse"}]
            }
          },
          "changes": [
            {
              "ref": {"id": "refs/heads/main", "displayId": "main", "type": "BRANCH"},
              "refId": "refs/heads/main",
              "fromHash": "ecddabb624f6f5ba43816f5926e580a5f680a932",
              "toHash": "178864a7d521b6f5e720b386b2c2b0ef8563e0dc",
              "type": "UPDATE"
            }
          ]
        }
        """

    /// Gogs' push payload; Gitea sends the same shape plus `total_commits`.
    static func gogsPush(totalCommits: Int? = nil) -> String {
        let total = totalCommits.map { "\"total_commits\": \($0)," } ?? ""
        return """
            {
              "ref": "refs/heads/main",
              "before": "28e1879d029cb852e4844d9c718537df08844e03",
              "after": "bffeb74224043ba2feb48d137756c8a9331c449a",
              "compare_url": "https://git.example.com/ops/cluster-apps/compare/28e1879d029c...bffeb7422404",
              \(total)
              "commits": [
                {
                  "id": "bffeb74224043ba2feb48d137756c8a9331c449a",
                  "message": "Add monitoring",
                  "added": ["monitoring/prometheus.yaml"],
                  "removed": [],
                  "modified": ["kustomization.yaml"]
                }
              ],
              "repository": {
                "id": 140,
                "name": "cluster-apps",
                "full_name": "ops/cluster-apps",
                "html_url": "https://git.example.com/ops/cluster-apps",
                "ssh_url": "git@git.example.com:ops/cluster-apps.git",
                "clone_url": "https://git.example.com/ops/cluster-apps.git",
                "default_branch": "main"
              },
              "pusher": {"username": "ops-bot"}
            }
            """
    }

    static let azureDevOpsPush = """
        {
          "subscriptionId": "00000000-0000-0000-0000-000000000000",
          "eventType": "git.push",
          "publisherId": "tfs",
          "resource": {
            "refUpdates": [
              {
                "name": "refs/heads/main",
                "oldObjectId": "aad331d8d3b131fa9ae03cf5e53965b51942618a",
                "newObjectId": "33b55f7cb7e7e245323987634f960cf4a6e6bc74"
              }
            ],
            "repository": {
              "id": "278d5cd2-584d-4b63-824a-2ba458937249",
              "name": "fabrikam-config",
              "remoteUrl": "https://dev.azure.com/fabrikam/platform/_git/fabrikam-config",
              "sshUrl": "git@ssh.dev.azure.com:v3/fabrikam/platform/fabrikam-config",
              "defaultBranch": "refs/heads/main",
              "project": {"id": "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c", "name": "platform"}
            },
            "pushId": 14
          }
        }
        """
}
