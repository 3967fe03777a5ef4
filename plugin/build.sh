#!/usr/bin/env bash
# Builds and tests the Jenkins plugin (with the engine it bundles). Needs https://repo.jenkins-ci.org:
# the plugin parent POM, the BOM, Jenkins core and the test harness are published only there.
# Extra arguments go to Maven, e.g. plugin/build.sh -Dtest=OpenChoreoDeployStepITest
set -euo pipefail
cd "$(dirname "$0")/.."
probe=https://repo.jenkins-ci.org/public/org/jenkins-ci/plugins/plugin/maven-metadata.xml
if ! curl -fsS -o /dev/null --connect-timeout 5 --max-time 15 "$probe" 2>/dev/null; then
    echo "plugin/build.sh: cannot reach https://repo.jenkins-ci.org (the Jenkins artifact repository);" >&2
    echo "the plugin module cannot be built here. client/, sandbox/ and cli/ build with ./mvnw -B verify." >&2
    exit 2
fi
# The root's without-plugin profile is on whenever JENKINS_URL is unset: turn it off, or the build of
# the plugin says "plugin/ is not part of this build" (PluginBuildScriptTest runs these switches).
exec ./mvnw -B -P 'plugin,!without-plugin' -pl plugin -am verify "$@"
