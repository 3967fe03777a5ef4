#!/usr/bin/env bash
# A faithful copy of the seed guide's GitHub Actions example:
#   ../shared/reference/openchoreo-external-ci-guide.txt, "Step 3: Configure Your CI Pipeline",
#   "GitHub Actions", step "Register the workload with OpenChoreo" (its `run:` block, unchanged).
# Only the variables are adapted: the benchmark passes, as environment variables, what the
# workflow takes from `env:`, `secrets.*` and the "Build & push image" step:
#   NAMESPACE PROJECT COMPONENT IMAGE CLIENT_ID CLIENT_SECRET THUNDER_URL OPENCHOREO_API_URL RUN_NAME
# (THUNDER_URL is the sandbox's identity provider, whose token endpoint is ${THUNDER_URL}/oauth2/token.)
set -euo pipefail
# 1. Get an access token (client_credentials grant)
TOKEN=$(curl -sf -X POST "${THUNDER_URL}/oauth2/token" \
  -d "grant_type=client_credentials" \
  -d "client_id=${CLIENT_ID}" \
  -d "client_secret=${CLIENT_SECRET}" \
  | jq -r '.access_token')
# 2. Build the Workload CR payload (image only; add endpoints and
# configurations here, or generate it from a workload.yaml — see note below)
WORKLOAD_NAME="${COMPONENT}"
cat > workload-cr.json <<EOF
{
  "metadata": { "name": "${WORKLOAD_NAME}", "namespace": "${NAMESPACE}" },
  "spec": {
    "owner": { "projectName": "${PROJECT}", "componentName": "${COMPONENT}" },
    "container": { "image": "${IMAGE}" }
  }
}
EOF
# 3. Create the Workload; on HTTP 409 (already exists) fall back to PUT
CODE=$(curl -s -o resp.json -w '%{http_code}' -X POST \
  "${OPENCHOREO_API_URL}/api/v1/namespaces/${NAMESPACE}/workloads" \
  -H "Authorization: Bearer ${TOKEN}" \
  -H "Content-Type: application/json" \
  -d @workload-cr.json)
if [ "${CODE}" = "409" ]; then
  curl -sf -X PUT \
    "${OPENCHOREO_API_URL}/api/v1/namespaces/${NAMESPACE}/workloads/${WORKLOAD_NAME}" \
    -H "Authorization: Bearer ${TOKEN}" \
    -H "Content-Type: application/json" \
    -d @workload-cr.json
elif [ "${CODE}" -lt 200 ] || [ "${CODE}" -ge 300 ]; then
  echo "Workload create failed (HTTP ${CODE}):"; cat resp.json; exit 1
fi
# 4. Annotate the WorkflowRun so the portal can display the build's
# image and workload configuration. RUN_NAME is the WorkflowRun
# created for this build (e.g. passed in as a workflow input).
curl -sf -X GET \
  "${OPENCHOREO_API_URL}/api/v1/namespaces/${NAMESPACE}/workflowruns/${RUN_NAME}" \
  -H "Authorization: Bearer ${TOKEN}" -o workflowrun.json
jq --rawfile wl workload-cr.json \
  '.metadata.annotations["openchoreo.dev/workload"] = ($wl | rtrimstr("\n"))
  | .metadata.annotations["openchoreo.dev/workload-from-source"] = "false"' \
  workflowrun.json > workflowrun-updated.json
curl -sf -X PUT \
  "${OPENCHOREO_API_URL}/api/v1/namespaces/${NAMESPACE}/workflowruns/${RUN_NAME}" \
  -H "Authorization: Bearer ${TOKEN}" \
  -H "Content-Type: application/json" \
  -d @workflowrun-updated.json
